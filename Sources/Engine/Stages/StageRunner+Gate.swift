import Execution
import RemediatorCore

extension StageRunner {
    /// Decides who approves: a human by default; policy only for plans the validator
    /// allowed in full, and never a `review` or `block` verdict. In shadow mode nobody
    /// does: the plan is shown and never runs.
    func gate(_ incident: Incident) -> StageOutcome {
        guard let plan = incident.plan, let safety = incident.safety, safety.planHash == plan.hash else {
            return StageOutcome(event: .approvalRequired, reason: "the plan's safety report is missing or stale; a human must look")
        }
        if let shadow = configuration.shadow.reason(for: incident, plan: plan, inventory: executors.inventory) {
            return StageOutcome(
                event: .shadowed,
                reason: "\(shadow): the plan (validator verdict \(safety.verdict.rawValue)) is shown, never run; waiting for the source or a human"
            )
        }
        guard configuration.approvalMode == .autoAllow, safety.verdict == .allow else {
            let reason = safety.verdict == .allow ? "approval required by policy" : "validator verdict \(safety.verdict.rawValue): approval required"
            return StageOutcome(event: .approvalRequired, reason: reason)
        }
        let approval = Approval(
            id: Identifier.make(at: clock()), tenantID: incident.tenantID, incidentID: incident.id, planHash: plan.hash,
            decision: .approved, actor: "policy:auto-allow", comment: "every script allowed by the validator", createdAt: clock()
        )
        return StageOutcome(event: .autoApproved, reason: "auto-approved: every script allowed", approval: approval, next: .execute)
    }
}
