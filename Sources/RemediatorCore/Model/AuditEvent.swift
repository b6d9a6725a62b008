public import Foundation

/// One entry of the tamper-evident audit log.
///
/// Each entry's ``hash`` covers its own fields and the previous entry's hash, so editing,
/// deleting or reordering any entry breaks every link after it.
public struct AuditEvent: Sendable, Equatable, Codable {
    /// Position in the chain, from 1.
    public var sequence: Int64
    public var tenantID: TenantID
    public var at: Date
    /// Who did it: `system`, `worker:<node>`, `key:<name>`.
    public var actor: String
    /// What happened, e.g. `incident.state_changed`, `plan.approved`.
    public var action: String
    /// What it happened to, e.g. `incident/0190...`.
    public var subject: String
    public var details: [String: String]
    public var previousHash: String
    public var hash: String

    public init(sequence: Int64, tenantID: TenantID, at: Date, actor: String, action: String, subject: String, details: [String: String], previousHash: String, hash: String) {
        self.sequence = sequence
        self.tenantID = tenantID
        self.at = at
        self.actor = actor
        self.action = action
        self.subject = subject
        self.details = details
        self.previousHash = previousHash
        self.hash = hash
    }

    enum CodingKeys: String, CodingKey {
        case sequence, at, actor, action, subject, details, hash
        case tenantID = "tenant_id"
        case previousHash = "previous_hash"
    }
}

/// An audit entry before it is chained: what a caller asks the log to record.
public struct AuditEntry: Sendable, Equatable {
    public var tenantID: TenantID
    public var actor: String
    public var action: String
    public var subject: String
    public var details: [String: String]

    public init(tenantID: TenantID, actor: String, action: String, subject: String, details: [String: String] = [:]) {
        self.tenantID = tenantID
        self.actor = actor
        self.action = action
        self.subject = subject
        self.details = details
    }
}

/// The result of walking the audit chain.
public struct AuditVerification: Sendable, Equatable, Codable {
    public var valid: Bool
    public var checked: Int64
    /// The first entry whose link does not hold, if any.
    public var firstBrokenSequence: Int64?
    public var reason: String?

    public init(valid: Bool, checked: Int64, firstBrokenSequence: Int64? = nil, reason: String? = nil) {
        self.valid = valid
        self.checked = checked
        self.firstBrokenSequence = firstBrokenSequence
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case valid, checked, reason
        case firstBrokenSequence = "first_broken_sequence"
    }
}
