/// Where an incident is in the pipeline.
///
/// The main line is `received → enriched → planned → awaiting_approval → approved →
/// executing → verifying → resolved → closed`; the other cases are side exits that wait
/// for a human or for the source to resolve the alert.
public enum IncidentState: String, Codable, Sendable, CaseIterable {
    case received
    case enriched
    case planned
    case awaitingApproval = "awaiting_approval"
    case approved
    case executing
    case verifying
    case resolved
    case closed
    /// The validator refused the plan; nobody can approve it.
    case blocked
    /// A human said no.
    case rejected
    /// No plan: no runbook matched and the planner abstained.
    case escalated
    /// Execution or verification failed; rollback ran where the plan had one.
    case failed
    /// A stage kept failing past its retry limit; an operator can retry it.
    case deadLetter = "dead_letter"
    /// Planned and validated in shadow mode (``ShadowMode``): never executed; waits for
    /// the source to resolve the alert or a human to close it.
    case shadow

    /// An incident in one of these states absorbs new firing alerts with its fingerprint
    /// instead of a new incident being opened.
    public var acceptsDuplicates: Bool {
        switch self {
        case .resolved, .closed: false
        default: true
        }
    }

    /// States in which the pipeline does nothing more on its own: it waits for a human,
    /// for the source to resolve the alert, or it is finished.
    public var isWaitingOrTerminal: Bool {
        switch self {
        case .awaitingApproval, .closed, .blocked, .rejected, .escalated, .failed, .deadLetter, .shadow: true
        case .received, .enriched, .planned, .approved, .executing, .verifying, .resolved: false
        }
    }

    /// Nothing has run on a host yet, so a resolved alert can simply cancel what is pending.
    public var isBeforeExecution: Bool {
        switch self {
        case .received, .enriched, .planned, .awaitingApproval, .approved: true
        default: false
        }
    }
}
