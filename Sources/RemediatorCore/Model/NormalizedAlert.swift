public import Foundation

/// An alert as an ingest adapter understood it, before it is stored.
///
/// Every source format is reduced to these fields; the adapter keeps the source's own
/// identifiers in ``externalID`` and everything else it did not map in ``labels`` and
/// ``annotations`` so nothing the sender said is thrown away.
public struct NormalizedAlert: Sendable, Equatable, Codable {
    public var source: String
    public var status: AlertStatus
    public var severity: Severity
    /// The rule or check that fired, e.g. `NodeFilesystemAlmostOutOfSpace`.
    public var alertName: String
    public var title: String
    public var description: String
    /// The host the alert is about, without a port; empty when the source named none.
    public var host: String
    public var service: String
    public var externalID: String
    /// Stable identity of "this problem on this thing": equal fingerprints deduplicate.
    public var fingerprint: String
    public var labels: [String: String]
    public var annotations: [String: String]
    public var startsAt: Date?
    public var endsAt: Date?

    public init(
        source: String,
        status: AlertStatus,
        severity: Severity,
        alertName: String,
        title: String,
        description: String = "",
        host: String = "",
        service: String = "",
        externalID: String = "",
        fingerprint: String,
        labels: [String: String] = [:],
        annotations: [String: String] = [:],
        startsAt: Date? = nil,
        endsAt: Date? = nil
    ) {
        self.source = source
        self.status = status
        self.severity = severity
        self.alertName = alertName
        self.title = title
        self.description = description
        self.host = host
        self.service = service
        self.externalID = externalID
        self.fingerprint = fingerprint
        self.labels = labels
        self.annotations = annotations
        self.startsAt = startsAt
        self.endsAt = endsAt
    }

    enum CodingKeys: String, CodingKey {
        case source, status, severity, title, description, host, service, fingerprint, labels, annotations
        case alertName = "alert_name"
        case externalID = "external_id"
        case startsAt = "starts_at"
        case endsAt = "ends_at"
    }
}
