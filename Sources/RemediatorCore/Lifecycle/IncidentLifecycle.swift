/// The incident state machine: which event is allowed in which state and where it leads.
///
/// Pure and total: every stage handler and every API action asks it before moving an
/// incident, so an illegal move (approving a blocked plan, executing twice) is refused in
/// one place, and the table is tested without any I/O.
public enum IncidentLifecycle {
    /// The state `event` moves an incident in `state` to.
    ///
    /// - Throws: ``InvalidTransition`` when the event is not allowed in that state.
    public static func transition(from state: IncidentState, on event: IncidentEvent) throws(InvalidTransition) -> IncidentState {
        if let next = target(from: state, on: event) {
            return next
        }
        throw InvalidTransition(state: state, event: event)
    }

    /// Whether `event` is allowed in `state`.
    public static func allows(_ event: IncidentEvent, in state: IncidentState) -> Bool {
        target(from: state, on: event) != nil
    }

    private static func target(from state: IncidentState, on event: IncidentEvent) -> IncidentState? {
        switch (state, event) {
        case (.received, .enriched): .enriched
        case (.enriched, .planned): .planned
        case (.enriched, .plannerAbstained): .escalated
        case (.planned, .validated(.block)): .blocked
        case (.planned, .validated): .planned
        case (.planned, .approvalRequired): .awaitingApproval
        case (.planned, .shadowed): .shadow
        case (.planned, .autoApproved): .approved
        case (.awaitingApproval, .approved): .approved
        case (.awaitingApproval, .rejected): .rejected
        case (.approved, .executionStarted), (.executing, .executionStarted): .executing
        case (.approved, .rateLimited): .escalated
        case (.executing, .executionSucceeded): .verifying
        case (.executing, .executionFailed), (.verifying, .executionFailed): .failed
        case (.verifying, .verificationSucceeded): .resolved
        case (.verifying, .verificationFailed): .failed
        case (.resolved, .closed): .closed
        case (let from, .sourceResolved) where from.isBeforeExecution || from.isSideExit: .resolved
        case (let from, .deadLettered) where from != .closed && from != .deadLetter: .deadLetter
        case (.deadLetter, .retried(let stage)): stage.entryState
        case (.failed, .retried(.enrich)), (.escalated, .retried(.enrich)), (.blocked, .retried(.enrich)), (.shadow, .retried(.enrich)): .received
        case (let from, .cancelled) where from != .closed && from != .executing && from != .verifying: .closed
        default: nil
        }
    }
}

extension IncidentState {
    /// The states off the main line that wait for a human or for the source.
    var isSideExit: Bool {
        switch self {
        case .blocked, .rejected, .escalated, .failed, .deadLetter, .shadow: true
        default: false
        }
    }
}

extension Stage {
    /// The state an incident is put in when an operator re-runs this stage.
    public var entryState: IncidentState {
        switch self {
        case .enrich: .received
        case .plan: .enriched
        case .validate, .gate: .planned
        case .execute: .approved
        case .verify: .verifying
        case .close: .resolved
        }
    }
}

/// An event that is not allowed in the incident's current state.
public struct InvalidTransition: Error, Sendable, Equatable, CustomStringConvertible {
    public let state: IncidentState
    public let event: IncidentEvent

    public init(state: IncidentState, event: IncidentEvent) {
        self.state = state
        self.event = event
    }

    public var description: String {
        "an incident in state '\(state.rawValue)' cannot be \(event)"
    }
}
