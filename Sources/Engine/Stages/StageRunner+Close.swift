import RemediatorCore

extension StageRunner {
    /// Closes a resolved incident. Ticket updates and notifications hook in here.
    func close(_ incident: Incident) -> StageOutcome {
        StageOutcome(event: .closed, reason: incident.stateReason.isEmpty ? "resolved" : incident.stateReason)
    }
}
