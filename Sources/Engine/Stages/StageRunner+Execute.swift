import Foundation
import Execution
import Knowledge
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
        if incident.state == .approved, let exceeded = try await exceededRateLimit(for: incident) {
            return StageOutcome(event: .rateLimited, reason: exceeded)
        }
        if incident.state == .approved {
            guard case .applied(let state, _) = try await store.advance(claimed.job, on: .executionStarted, reason: "running the approved plan", at: clock()) else {
                return nil
            }
            incident.state = state
        }
        let plan: Plan
        let approval: Approval
        switch try await authorization(toExecute: incident) {
        case .failure(let refusal):
            return StageOutcome(event: .executionFailed, reason: "refused to execute: \(refusal.reason)")
        case .success(let authorized):
            (plan, approval) = authorized
        }
        for step in plan.steps(.diagnose) + plan.steps(.remediate) {
            let execution = try await runStep(step, stage: .execute, incident: incident, plan: plan, approval: approval)
            if execution.status == .interrupted, step.role != .diagnose {
                // Nobody knows what the host is like now: no rollback, a human looks.
                return StageOutcome(event: .executionFailed, reason: "\(Self.describe(execution)); rollback not attempted")
            }
            guard execution.isSuccess || step.role == .diagnose else {
                let rollback = try await rollback(plan, stage: .execute, incident: incident, approval: approval)
                return StageOutcome(event: .executionFailed, reason: "\(Self.describe(execution)); \(rollback)")
            }
        }
        return StageOutcome(event: .executionSucceeded, reason: "remediation ran; verifying", next: .verify)
    }

    /// Which rate limit running this incident's plan now would exceed, if any. Checked once,
    /// when execution would start; a stage resumed after a crash is not counted again.
    func exceededRateLimit(for incident: Incident) async throws -> String? {
        var limits = [(configuration.hostRateLimit, host: Optional(incident.host), runbook: String?.none, "on \(incident.host)")]
        if let runbookID = incident.plan?.runbookID {
            limits.append((configuration.runbookRateLimit, host: nil, runbook: runbookID, "of runbook \(runbookID)"))
        }
        for (limit, host, runbook, what) in limits {
            let since = clock().addingTimeInterval(-Double(limit.window.components.seconds))
            let runs = try await store.executionRuns(tenantID: incident.tenantID, host: host, runbookID: runbook, since: since, excluding: incident.id)
            if runs >= limit.maxRuns {
                return "rate limit: \(runs) runs \(what) in the last \(limit.windowDescription) already (limit \(limit)); a human decides whether this one runs"
            }
        }
        return nil
    }

    /// Why a plan must not run.
    struct Refusal: Error {
        let reason: String
    }

    /// The plan and the approval it runs under, or why it must not run.
    func authorization(toExecute incident: Incident) async throws -> Result<(Plan, Approval), Refusal> {
        guard let plan = incident.plan else { return .failure(Refusal(reason: "the incident has no plan")) }
        guard PlanHasher.hash(plan) == plan.hash else { return .failure(Refusal(reason: "the stored plan does not match its hash")) }
        guard let safety = incident.safety, safety.planHash == plan.hash else {
            return .failure(Refusal(reason: "the safety report is not for this plan"))
        }
        guard safety.verdict != .block else { return .failure(Refusal(reason: "the validator blocked this plan")) }
        let current = Self.safetyReport(for: plan, validator: validator)
        guard current.verdict != .block else { return .failure(Refusal(reason: "the validator now blocks this plan")) }
        guard let approval = try await currentApproval(for: incident, plan: plan) else {
            return .failure(Refusal(reason: "no approval for plan \(plan.hash.prefix(12))"))
        }
        // The blast radius comes from today's runbook and inventory, not from the plan.
        let group = plan.runbookID.flatMap { catalog.runbook(id: $0)?.group }
        let reach = Set(executors.inventory.blastRadius(of: incident.host, group: group))
        if let stray = plan.steps.first(where: { !reach.contains($0.target) }) {
            let allowed = reach.count > 1 ? "the hosts of group \(group ?? "")" : "the incident's host \(incident.host)"
            return .failure(Refusal(reason: "step \(stray.name) targets \(stray.target), which is not \(allowed)"))
        }
        for target in [incident.host] + plan.steps.map(\.target) {
            if case .refuse(let reason) = executors.route(target) {
                return .failure(Refusal(reason: reason))
            }
        }
        return .success((plan, approval))
    }
}
