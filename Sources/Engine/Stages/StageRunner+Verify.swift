import Execution
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
        guard let approval = try await currentApproval(for: incident, plan: plan) else {
            return StageOutcome(event: .verificationFailed, reason: "no approval for the plan being verified")
        }
        for step in steps {
            let execution = try await runStep(step, stage: .verify, incident: incident, plan: plan, approval: approval)
            if execution.status == .interrupted {
                return StageOutcome(event: .verificationFailed, reason: "\(Self.describe(execution)); rollback not attempted")
            }
            guard execution.isSuccess else {
                let rollback = try await rollback(plan, stage: .verify, incident: incident, approval: approval)
                return StageOutcome(event: .verificationFailed, reason: "verification failed: \(Self.describe(execution)); \(rollback)")
            }
        }
        let dryRun: Bool
        if case .run(let executor, _) = executors.route(incident.host) {
            dryRun = executor.name == "dry-run"
        } else {
            dryRun = false
        }
        return StageOutcome(
            event: .verificationSucceeded,
            reason: dryRun ? "dry run recorded; nothing was executed" : "verification passed",
            next: .close
        )
    }
}
