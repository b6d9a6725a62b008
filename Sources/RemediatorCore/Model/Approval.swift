public import Foundation

/// A human's decision on a plan.
public struct Approval: Sendable, Equatable, Codable, Identifiable {
    public enum Decision: String, Codable, Sendable {
        case approved
        case rejected
    }

    public var id: String
    public var tenantID: TenantID
    public var incidentID: String
    /// The hash of the plan the human saw; an approval never carries over to another plan.
    public var planHash: String
    public var decision: Decision
    public var actor: String
    public var comment: String
    public var createdAt: Date

    public init(id: String, tenantID: TenantID, incidentID: String, planHash: String, decision: Decision, actor: String, comment: String, createdAt: Date) {
        self.id = id
        self.tenantID = tenantID
        self.incidentID = incidentID
        self.planHash = planHash
        self.decision = decision
        self.actor = actor
        self.comment = comment
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id, decision, actor, comment
        case tenantID = "tenant_id"
        case incidentID = "incident_id"
        case planHash = "plan_hash"
        case createdAt = "created_at"
    }
}
