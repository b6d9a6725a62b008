import RemediatorCore

extension StageRunner {
    /// Every script of the plan through the validator; one `block` blocks the plan.
    func validate(_ incident: Incident) -> StageOutcome {
        guard let plan = incident.plan else {
            let report = PlanSafetyReport(planHash: "", steps: [])
            return StageOutcome(event: .validated(.block), reason: "the incident has no plan to validate", safety: report)
        }
        let report = Self.safetyReport(for: plan, validator: validator)
        let blocked = report.steps.filter { $0.report.verdict == .block }.map(\.step)
        let reason = blocked.isEmpty
            ? "validator: \(report.verdict.rawValue) (risk \(report.riskScore))"
            : "validator blocked step \(blocked.joined(separator: ", "))"
        return StageOutcome(
            event: .validated(report.verdict), reason: reason, safety: report, next: report.verdict == .block ? nil : .gate,
            audit: [AuditEntry(
                tenantID: incident.tenantID, actor: actor, action: "plan.validated", subject: "incident/\(incident.id)",
                details: ["verdict": report.verdict.rawValue, "risk_score": String(report.riskScore), "plan_hash": plan.hash]
            )]
        )
    }

    /// The validator's report on each step, bound to the plan's hash.
    static func safetyReport(for plan: Plan, validator: any ScriptValidator) -> PlanSafetyReport {
        PlanSafetyReport(planHash: plan.hash, steps: plan.steps.map { step in
            .init(step: step.name, report: validator.validate(step.script, language: step.language))
        })
    }
}
