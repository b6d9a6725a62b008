public import Foundation

/// One page of incidents, newest first.
public struct IncidentPage: Sendable, Equatable {
    public var incidents: [Incident]
    /// Pass back to get the next page; `nil` on the last page.
    public var nextCursor: String?

    public init(incidents: [Incident], nextCursor: String?) {
        self.incidents = incidents
        self.nextCursor = nextCursor
    }
}

/// A change a human (or the API on their behalf) asks for, applied atomically.
public struct IncidentDecision: Sendable {
    public var event: IncidentEvent
    public var reason: String
    /// Checked inside the transaction against the incident as stored; throw to refuse.
    public var precondition: @Sendable (Incident) throws -> Void
    public var approval: Approval?
    /// A stage to enqueue when the decision is applied.
    public var enqueue: Stage?
    public var audit: [AuditEntry]

    public init(
        event: IncidentEvent, reason: String, precondition: @escaping @Sendable (Incident) throws -> Void = { _ in },
        approval: Approval? = nil, enqueue: Stage? = nil, audit: [AuditEntry] = []
    ) {
        self.event = event
        self.reason = reason
        self.precondition = precondition
        self.approval = approval
        self.enqueue = enqueue
        self.audit = audit
    }
}

/// Reading incidents and what belongs to them, and applying human decisions.
public protocol IncidentStore: Sendable {
    func incident(id: String, tenantID: TenantID) async throws -> Incident?
    func incidents(tenantID: TenantID, state: IncidentState?, limit: Int, cursor: String?) async throws -> IncidentPage
    func alert(id: String, tenantID: TenantID) async throws -> Alert?
    func alerts(incidentID: String, tenantID: TenantID, limit: Int) async throws -> [Alert]
    func approvals(incidentID: String, tenantID: TenantID) async throws -> [Approval]
    func executions(incidentID: String, tenantID: TenantID) async throws -> [Execution]
    func jobs(incidentID: String, tenantID: TenantID) async throws -> [Job]

    /// Recent incidents and alerts on a host, for context; the incident itself excluded.
    func hostHistory(host: String, tenantID: TenantID, excluding incidentID: String, limit: Int) async throws -> (incidents: [IncidentContext.HostIncident], alerts: [IncidentContext.HostAlert])

    /// Applies a decision atomically: checks the precondition and the transition on the
    /// stored incident, records the approval, cancels jobs that no longer apply, enqueues
    /// the next stage and appends the audit entries.
    func decide(incidentID: String, tenantID: TenantID, actor: String, decision: IncidentDecision, at now: Date) async throws -> Incident

    /// Incidents whose execution started since `since`, on a host or for a runbook (its
    /// plan's runbook), other than `incidentID`: what rate limits count.
    func executionRuns(tenantID: TenantID, host: String?, runbookID: String?, since: Date, excluding incidentID: String) async throws -> Int

    /// The execution recorded under an idempotency key, if any.
    func execution(idempotencyKey: String) async throws -> Execution?

    /// Inserts or updates an execution by its idempotency key.
    func record(_ execution: Execution) async throws

    /// Shadow-mode incidents summarised per runbook (``ShadowReport``).
    func shadowReport(tenantID: TenantID) async throws -> ShadowReport

    /// Incident counts per state, for metrics and readiness.
    func incidentCounts(tenantID: TenantID?) async throws -> [IncidentState: Int]
}
