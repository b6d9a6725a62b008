public import Foundation
public import RemediatorCore

/// Prometheus Alertmanager's webhook (payload version 4).
///
/// Each element of `alerts[]` carries its own status: a group notification can mix
/// firing and resolved alerts, and the group's top-level status is not applied to them.
public struct AlertmanagerAdapter: AlertAdapter {
    public let source = "alertmanager"

    public init() {}

    struct Payload: Decodable {
        let version: String?
        let alerts: [Item]
        let commonLabels: [String: String]?
        let externalURL: String?
    }

    struct Item: Decodable {
        let status: String
        let labels: [String: String]
        let annotations: [String: String]?
        let startsAt: String?
        let endsAt: String?
        let generatorURL: String?
        let fingerprint: String?
    }

    /// Labels that name the host, in order of preference.
    static let hostLabels = ["host", "hostname", "instance", "node", "nodename", "exported_instance"]
    /// Labels that name the affected service, in order of preference.
    static let serviceLabels = ["service", "app", "application", "app_kubernetes_io_name", "container", "unit"]

    public func normalize(_ body: Data, receivedAt: Date) throws(IngestError) -> [NormalizedAlert] {
        let payload = try PayloadDecoder.decode(Payload.self, from: body)
        if let version = payload.version, version != "4" {
            throw .invalidPayload("version: unsupported Alertmanager webhook version '\(version.prefix(16))'; expected \"4\"")
        }
        var alerts: [NormalizedAlert] = []
        alerts.reserveCapacity(payload.alerts.count)
        for (index, item) in payload.alerts.enumerated() {
            alerts.append(try normalize(item, at: index))
        }
        return alerts
    }

    private func normalize(_ item: Item, at index: Int) throws(IngestError) -> NormalizedAlert {
        let status: AlertStatus
        switch item.status.lowercased() {
        case "firing": status = .firing
        case "resolved": status = .resolved
        default:
            throw .invalidPayload("alerts[\(index)].status must be \"firing\" or \"resolved\", not \"\(item.status.prefix(32))\"")
        }
        let labels = item.labels
        let annotations = item.annotations ?? [:]
        let alertName = labels["alertname"] ?? ""
        let title = [annotations["summary"], annotations["title"]].compactMap { $0 }.first { !$0.isEmpty } ?? alertName
        guard !title.isEmpty else {
            throw .invalidPayload("alerts[\(index)] has neither labels.alertname nor annotations.summary")
        }
        let severity = [labels["severity"], labels["priority"]].compactMap { $0 }.lazy.compactMap(SeverityMapping.severity(for:)).first
        let host = Self.hostLabels.lazy.compactMap { labels[$0] }.first { !$0.isEmpty }.map(HostName.normalize) ?? ""
        let service = Self.serviceLabels.lazy.compactMap { labels[$0] }.first { !$0.isEmpty } ?? ""
        return NormalizedAlert(
            source: source,
            status: status,
            severity: severity ?? .medium,
            alertName: alertName.isEmpty ? title : alertName,
            title: title,
            description: annotations["description"] ?? annotations["message"] ?? "",
            host: host,
            service: service,
            externalID: item.fingerprint ?? "",
            fingerprint: Fingerprint.make(source: source, labels: labels),
            labels: labels,
            annotations: annotations.merging(item.generatorURL.map { ["generator_url": $0] } ?? [:]) { own, _ in own },
            startsAt: item.startsAt.flatMap(Timestamp.parse),
            endsAt: item.endsAt.flatMap(Timestamp.parse)
        )
    }
}
