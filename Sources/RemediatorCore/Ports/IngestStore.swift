public import Foundation

/// Alerts from one webhook call, for one tenant.
public struct IngestRequest: Sendable, Equatable {
    public var tenantID: TenantID
    public var alerts: [NormalizedAlert]
    public var receivedAt: Date

    public init(tenantID: TenantID, alerts: [NormalizedAlert], receivedAt: Date) {
        self.tenantID = tenantID
        self.alerts = alerts
        self.receivedAt = receivedAt
    }
}

/// What ingest did with one alert.
public struct IngestedAlert: Sendable, Equatable {
    public enum Action: String, Sendable, Codable {
        /// A firing alert opened a new incident.
        case opened
        /// A firing alert joined the open incident with its fingerprint.
        case joined
        /// A resolved alert resolved its incident and cancelled what had not run.
        case resolved
        /// A resolved alert arrived while its incident's fix was running; recorded for verification.
        case resolvedDuringExecution = "resolved_during_execution"
        /// A resolved alert that matched no open incident; stored for the record, with no incident.
        case unmatched
    }

    public var alert: Alert
    public var action: Action

    public init(alert: Alert, action: Action) {
        self.alert = alert
        self.action = action
    }
}

/// Durable ingest: alerts are stored, incidents opened or updated and first jobs
/// enqueued in one transaction, before the caller is told "accepted".
public protocol IngestStore: Sendable {
    /// Commits several requests in one transaction (group commit) and answers each.
    ///
    /// Either every request in the batch is durable or the call throws and none is.
    func ingest(_ requests: [IngestRequest]) async throws -> [[IngestedAlert]]
}
