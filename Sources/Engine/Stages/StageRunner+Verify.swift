import Execution
import Foundation
import RemediatorCore

extension StageRunner {
    /// Proves the remediation worked, or rolls it back.
    ///
    /// The plan's verification steps run first; if they pass, the incident is resolved. If
    /// one fails, or the plan has none, the source's own "resolved" alert received since the
    /// remediation started counts as verification instead. Without it, the stage waits for
    /// it until ``EngineConfiguration/verifyWindow`` after the remediation ended (without
    /// holding a worker: the job is due again later, and a resolved alert wakes it), then
    /// runs the rollback and fails the incident.
    func verify(_ claimed: ClaimedJob) async throws -> StageOutcome? {
        let incident = claimed.incident
        guard let plan = incident.plan else {
            return StageOutcome(event: .verificationFailed, reason: "the incident has no plan to verify")
        }
        guard let approval = try await currentApproval(for: incident, plan: plan) else {
            return StageOutcome(event: .verificationFailed, reason: "no approval for the plan being verified")
        }
        var failure = "the plan has no verification step"
        for step in plan.steps(.verify) {
            let execution = try await runStep(step, stage: .verify, incident: incident, plan: plan, approval: approval)
            if execution.status == .interrupted {
                return StageOutcome(event: .verificationFailed, reason: "\(Self.describe(execution)); rollback not attempted")
            }
            guard execution.isSuccess else {
                failure = "verification failed: \(Self.describe(execution))"
                break
            }
            failure = ""
        }
        if failure.isEmpty {
            return StageOutcome(event: .verificationSucceeded, reason: dryRun(incident) ? "dry run recorded; nothing was executed" : "verification passed", next: .close)
        }
        let remediation = try await remediationRun(of: incident, approval: approval)
        if let resolvedAt = incident.sourceResolvedAt, let started = remediation.started, resolvedAt >= started {
            return StageOutcome(
                event: .verificationSucceeded,
                reason: "verified by the source: it resolved the alert at \(resolvedAt.formatted(.iso8601)) (\(failure))",
                next: .close
            )
        }
        let deadline = (remediation.finished ?? clock()).addingTimeInterval(configuration.verifyWindow.timeInterval)
        let now = clock()
        if now < deadline {
            throw VerificationPending(
                until: min(deadline, now.addingTimeInterval(configuration.verifyRecheckInterval.timeInterval)), reason: failure
            )
        }
        let waited = configuration.verifyWindow > .zero ? " and the source did not resolve the alert within \(configuration.verifyWindow.components.seconds)s" : ""
        let rollback = try await rollback(plan, stage: .verify, incident: incident, approval: approval)
        return StageOutcome(event: .verificationFailed, reason: "\(failure)\(waited); \(rollback)")
    }

    /// When this approval's remediation steps started and ended.
    func remediationRun(of incident: Incident, approval: Approval) async throws -> (started: Date?, finished: Date?) {
        let executions = try await store.executions(incidentID: incident.id, tenantID: incident.tenantID).filter {
            $0.stage == .execute && $0.role == .remediate && $0.idempotencyKey.hasPrefix("\(incident.id)/\(approval.id)/")
        }
        return (executions.map(\.startedAt).min(), executions.compactMap(\.finishedAt).max())
    }

    func dryRun(_ incident: Incident) -> Bool {
        if case .run(let executor, _) = executors.route(incident.host) { return executor.name == "dry-run" }
        return false
    }
}
