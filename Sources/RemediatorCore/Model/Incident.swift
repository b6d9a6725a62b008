public import Foundation

/// One problem on one thing, however many alerts reported it.
///
/// Alerts with the same fingerprint join the open incident instead of opening another;
/// the incident carries the pipeline's state and what each stage produced.
public struct Incident: Sendable, Equatable, Codable, Identifiable {
    public var id: String
    public var tenantID: TenantID
    public var fingerprint: String
    public var state: IncidentState
    /// Why the incident is in its state, in words, e.g. "no runbook matched".
    public var stateReason: String
    public var source: String
    public var alertName: String
    public var title: String
    public var description: String
    public var severity: Severity
    public var host: String
    public var service: String
    public var labels: [String: String]
    public var alertCount: Int
    public var createdAt: Date
    public var updatedAt: Date
    public var resolvedAt: Date?
    /// When the source last said the problem was resolved while Remediator was running or
    /// verifying a fix: evidence the fix worked.
    public var sourceResolvedAt: Date?
    /// Why the incident was planned in shadow mode, if it was.
    public var shadow: String?
    /// How it left the `shadow` state, once it did.
    public var shadowOutcome: ShadowReport.Outcome?
    public var context: IncidentContext?
    public var plan: Plan?
    public var safety: PlanSafetyReport?

    public init(
        id: String, tenantID: TenantID, fingerprint: String, state: IncidentState, stateReason: String = "",
        source: String, alertName: String, title: String, description: String, severity: Severity,
        host: String, service: String, labels: [String: String], alertCount: Int, createdAt: Date,
        updatedAt: Date, resolvedAt: Date? = nil, sourceResolvedAt: Date? = nil, shadow: String? = nil, shadowOutcome: ShadowReport.Outcome? = nil,
        context: IncidentContext? = nil, plan: Plan? = nil, safety: PlanSafetyReport? = nil
    ) {
        self.id = id
        self.tenantID = tenantID
        self.fingerprint = fingerprint
        self.state = state
        self.stateReason = stateReason
        self.source = source
        self.alertName = alertName
        self.title = title
        self.description = description
        self.severity = severity
        self.host = host
        self.service = service
        self.labels = labels
        self.alertCount = alertCount
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.resolvedAt = resolvedAt
        self.sourceResolvedAt = sourceResolvedAt
        self.shadow = shadow
        self.shadowOutcome = shadowOutcome
        self.context = context
        self.plan = plan
        self.safety = safety
    }

    enum CodingKeys: String, CodingKey {
        case id, fingerprint, state, source, title, description, severity, host, service, labels
        case context, plan, safety
        case tenantID = "tenant_id"
        case stateReason = "state_reason"
        case alertName = "alert_name"
        case alertCount = "alert_count"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case resolvedAt = "resolved_at"
        case sourceResolvedAt = "source_resolved_at"
        case shadow
        case shadowOutcome = "shadow_outcome"
    }
}
