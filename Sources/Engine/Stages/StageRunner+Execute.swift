import RemediatorCore

extension StageRunner {
    /// Runs the approved plan's diagnose and remediate steps on the incident's host.
    ///
    /// Everything the gate and the API checked is checked again here, against the stored
    /// incident: an approval for this exact plan hash, a safety report for this exact plan
    /// that is not `block` (and still is not, with today's rules), and every step aimed at
    /// the incident's own host. Any doubt fails the incident instead of running.
    func execute(_ claimed: ClaimedJob) async throws -> StageOutcome? {
        var incident = claimed.incident
        if incident.state == .approved {
            guard case .applied(let state, _) = try await store.advance(claimed.job, on: .executionStarted, reason: "running the approved plan", at: clock()) else {
                return nil
            }
            incident.state = state
        }
        if let refusal = try await refusal(toExecute: incident) {
            return StageOutcome(event: .executionFailed, reason: "refused to execute: \(refusal)")
        }
        guard let plan = incident.plan else { return nil }
        for step in plan.steps(.diagnose) + plan.steps(.remediate) {
            let execution = try await runStep(step, stage: .execute, incident: incident, plan: plan)
            if execution.status == .interrupted, step.role != .diagnose {
                // Nobody knows what the host is like now: no rollback, a human looks.
                return StageOutcome(event: .executionFailed, reason: "\(Self.describe(execution)); rollback not attempted")
            }
            guard execution.isSuccess || step.role == .diagnose else {
                let rollback = try await rollback(plan, stage: .execute, incident: incident)
                return StageOutcome(event: .executionFailed, reason: "\(Self.describe(execution)); \(rollback)")
            }
        }
        return StageOutcome(event: .executionSucceeded, reason: "remediation ran; verifying", next: .verify)
    }

    /// Why the plan must not run, or `nil` when it may.
    func refusal(toExecute incident: Incident) async throws -> String? {
        guard let plan = incident.plan else { return "the incident has no plan" }
        guard PlanHasher.hash(plan) == plan.hash else { return "the stored plan does not match its hash" }
        guard let safety = incident.safety, safety.planHash == plan.hash else { return "the safety report is not for this plan" }
        guard safety.verdict != .block else { return "the validator blocked this plan" }
        let current = Self.safetyReport(for: plan, validator: validator)
        guard current.verdict != .block else { return "the validator now blocks this plan" }
        let approvals = try await store.approvals(incidentID: incident.id, tenantID: incident.tenantID)
        guard let latest = approvals.last, latest.decision == .approved, latest.planHash == plan.hash else {
            return "no approval for plan \(plan.hash.prefix(12))"
        }
        if let stray = plan.steps.first(where: { $0.target != incident.host }) {
            return "step \(stray.name) targets \(stray.target), not the incident's host \(incident.host)"
        }
        return nil
    }
}
