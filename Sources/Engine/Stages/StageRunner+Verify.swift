import RemediatorCore

extension StageRunner {
    /// Runs the plan's verification; failure rolls back and fails the incident.
    func verify(_ claimed: ClaimedJob) async throws -> StageOutcome? {
        let incident = claimed.incident
        guard let plan = incident.plan else {
            return StageOutcome(event: .verificationFailed, reason: "the incident has no plan to verify")
        }
        let steps = plan.steps(.verify)
        guard !steps.isEmpty else {
            return StageOutcome(event: .verificationFailed, reason: "the plan has no verification step")
        }
        for step in steps {
            let execution = try await runStep(step, stage: .verify, incident: incident, plan: plan)
            if execution.status == .interrupted {
                return StageOutcome(event: .verificationFailed, reason: "\(Self.describe(execution)); rollback not attempted")
            }
            guard execution.isSuccess else {
                let rollback = try await rollback(plan, stage: .verify, incident: incident)
                return StageOutcome(event: .verificationFailed, reason: "verification failed: \(Self.describe(execution)); \(rollback)")
            }
        }
        let dryRun = executor.name == "dry-run"
        return StageOutcome(
            event: .verificationSucceeded,
            reason: dryRun ? "dry run recorded; nothing was executed" : "verification passed",
            next: .close
        )
    }
}
