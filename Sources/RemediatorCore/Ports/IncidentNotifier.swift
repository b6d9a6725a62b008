public import Foundation

/// An outbound side effect of closing an incident: a ticket update, a notification.
///
/// The close stage calls every configured notifier, and calls one again after a crash or
/// a failed attempt until it has succeeded once (recorded in the audit log). A delivery is
/// therefore idempotent under ``IncidentNotice/idempotencyKey``: the receiver deduplicates
/// on it, or the notifier looks before it writes.
public protocol IncidentNotifier: Sendable {
    /// The integration's name in audit entries and idempotency keys, e.g. `webhook`.
    var name: String { get }
    func deliver(_ notice: IncidentNotice) async throws
}

/// What a notifier tells the outside world about an incident that has come to an end.
public struct IncidentNotice: Sendable, Equatable {
    /// One step that ran (or was recorded by the dry-run executor).
    public struct Step: Sendable, Equatable {
        public var name: String
        public var host: String
        public var status: String
        public var exitCode: Int32?

        public init(name: String, host: String, status: String, exitCode: Int32?) {
            self.name = name
            self.host = host
            self.status = status
            self.exitCode = exitCode
        }
    }

    /// `incident id/close/integration`: the same notice to the same integration has one key,
    /// whichever node sends it and however often.
    public var idempotencyKey: String
    public var incidentID: String
    public var tenantID: TenantID
    public var state: IncidentState
    public var reason: String
    public var title: String
    public var severity: Severity
    public var host: String
    public var service: String
    public var source: String
    /// The newest alert's id at its source (`external_id`), e.g. the `sys_id` of the
    /// ServiceNow ticket that raised the incident, so that ticket is the one updated.
    public var sourceReference: String?
    public var runbookID: String?
    public var planSummary: String?
    public var steps: [Step]
    public var openedAt: Date
    public var resolvedAt: Date?

    public init(
        idempotencyKey: String, incidentID: String, tenantID: TenantID, state: IncidentState, reason: String, title: String,
        severity: Severity, host: String, service: String, source: String, sourceReference: String? = nil, runbookID: String?, planSummary: String?,
        steps: [Step], openedAt: Date, resolvedAt: Date?
    ) {
        self.idempotencyKey = idempotencyKey
        self.incidentID = incidentID
        self.tenantID = tenantID
        self.state = state
        self.reason = reason
        self.title = title
        self.severity = severity
        self.host = host
        self.service = service
        self.source = source
        self.sourceReference = sourceReference
        self.runbookID = runbookID
        self.planSummary = planSummary
        self.steps = steps
        self.openedAt = openedAt
        self.resolvedAt = resolvedAt
    }
}

/// An integration is known to be down (its circuit breaker is open): the stage waits,
/// without spending an attempt, until the breaker lets a trial call through.
public struct IntegrationUnavailable: Error, CustomStringConvertible, Sendable {
    public let integration: String
    public let retryAfter: Duration
    /// The failure that opened the breaker, or that the breaker is open.
    public let reason: String

    public init(integration: String, retryAfter: Duration, reason: String) {
        self.integration = integration
        self.retryAfter = retryAfter
        self.reason = reason
    }

    public var description: String {
        let seconds = retryAfter.timeInterval.rounded(.up)
        return "\(integration) is down (\(reason)); its circuit breaker lets the next call through in \(Int(seconds)) s"
    }
}
