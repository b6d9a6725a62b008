import Knowledge
import RemediatorCore

extension StageRunner {
    /// Gathers the matching runbooks and the host's recent history.
    func enrich(_ incident: Incident) async throws -> StageOutcome {
        let history = try await store.hostHistory(
            host: incident.host, tenantID: incident.tenantID, excluding: incident.id, limit: configuration.historyLimit
        )
        let context = IncidentContext(
            runbooks: catalog.matches(for: incident),
            hostIncidents: history.incidents,
            hostAlerts: history.alerts
        )
        let reason = context.runbooks.isEmpty ? "no runbook matched" : "best runbook: \(context.runbooks[0].id)"
        return StageOutcome(event: .enriched, reason: reason, context: context, next: .plan)
    }
}
