import RemediatorCore

extension StageRunner {
    /// Asks the planner; an abstention escalates the incident to a human.
    func plan(_ incident: Incident) async throws -> StageOutcome {
        let context = incident.context ?? IncidentContext(runbooks: [], hostIncidents: [], hostAlerts: [])
        switch try await planner.plan(for: incident, context: context) {
        case .abstain(let reason):
            return StageOutcome(event: .plannerAbstained, reason: reason)
        case .plan(var plan):
            plan.createdAt = clock()
            let sealed = PlanHasher.sealed(plan)
            return StageOutcome(
                event: .planned, reason: sealed.summary, plan: sealed, next: .validate,
                audit: [AuditEntry(
                    tenantID: incident.tenantID, actor: actor, action: "plan.created", subject: "incident/\(incident.id)",
                    details: ["planner": sealed.planner, "plan_hash": sealed.hash, "runbook": sealed.runbookID ?? "", "steps": String(sealed.steps.count)]
                )]
            )
        }
    }
}
