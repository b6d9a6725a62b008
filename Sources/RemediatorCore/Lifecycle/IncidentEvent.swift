/// Something that happened to an incident and may move it to another state.
public enum IncidentEvent: Sendable, Equatable, CustomStringConvertible {
    case enriched
    case planned
    case plannerAbstained
    /// The validator judged the plan; `block` moves the incident to `blocked`.
    case validated(Verdict)
    case approvalRequired
    /// Shadow mode: the plan is shown, never executed.
    case shadowed
    case autoApproved
    case approved
    case rejected
    /// Execution would exceed a host's or a runbook's rate limit: a human decides.
    case rateLimited
    case executionStarted
    case executionSucceeded
    case executionFailed
    case verificationSucceeded
    case verificationFailed
    /// The source sent a `resolved` alert for the incident's fingerprint.
    case sourceResolved
    case closed
    case deadLettered
    /// An operator asked to run the given stage again.
    case retried(Stage)
    case cancelled

    public var description: String {
        switch self {
        case .enriched: "enriched"
        case .planned: "planned"
        case .plannerAbstained: "planner abstained"
        case .validated(let verdict): "validated (\(verdict.rawValue))"
        case .approvalRequired: "approval required"
        case .shadowed: "shadowed"
        case .autoApproved: "auto-approved"
        case .approved: "approved"
        case .rejected: "rejected"
        case .rateLimited: "rate limited"
        case .executionStarted: "execution started"
        case .executionSucceeded: "execution succeeded"
        case .executionFailed: "execution failed"
        case .verificationSucceeded: "verification succeeded"
        case .verificationFailed: "verification failed"
        case .sourceResolved: "resolved by source"
        case .closed: "closed"
        case .deadLettered: "dead-lettered"
        case .retried(let stage): "retried at \(stage.rawValue)"
        case .cancelled: "cancelled"
        }
    }
}
