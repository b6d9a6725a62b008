import RemediatorCore

/// What both stores record when an incident changes state, beyond the state itself.
enum StateChangeRecord {
    /// How a shadow-mode incident left shadow: what happened instead of Remediator acting,
    /// which is what shadow mode is for.
    static func shadowOutcome(after event: IncidentEvent) -> ShadowReport.Outcome {
        switch event {
        case .sourceResolved: .resolvedBySource
        case .retried: .retried
        default: .closedByHuman
        }
    }

    /// The `incident.state_changed` audit entry.
    static func auditEntry(of incident: Incident, to state: IncidentState, event: IncidentEvent, reason: String, actor: String) -> AuditEntry {
        var details = ["from": incident.state.rawValue, "to": state.rawValue, "event": event.description]
        if !reason.isEmpty { details["reason"] = reason }
        return AuditEntry(
            tenantID: incident.tenantID, actor: actor, action: "incident.state_changed",
            subject: "incident/\(incident.id)", details: details
        )
    }
}
