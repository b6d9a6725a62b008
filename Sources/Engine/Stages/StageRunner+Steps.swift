import Execution
import Foundation
import RemediatorCore

extension StageRunner {
    /// Runs one step at most once per approval, stage and step.
    ///
    /// The key names the approval the run rests on, so a retried or re-approved incident
    /// runs its steps afresh while a crashed and resumed stage does not. The `started`
    /// record is written before the executor is called; finding one on a retry means an
    /// earlier run died mid-step and its effect on the host is unknown, so the step is
    /// marked `interrupted` and not run again.
    func runStep(_ step: PlanStep, stage: Stage, incident: Incident, plan: Plan, approval: Approval) async throws -> Execution {
        let key = "\(incident.id)/\(approval.id)/\(stage.rawValue)/\(step.name)"
        if var existing = try await store.execution(idempotencyKey: key) {
            guard existing.status == .started else { return existing }
            existing.status = .interrupted
            existing.finishedAt = clock()
            existing.stderr += "[the run was interrupted (process restart); its outcome on the host is unknown, so it was not repeated]"
            try await store.record(existing)
            return existing
        }
        let executor: any Executor
        let target: InventoryHost?
        switch executors.route(step.target) {
        case .run(let chosen, let entry):
            (executor, target) = (chosen, entry)
        case .refuse(let reason):
            // Checked before execution starts; the inventory cannot change in between,
            // but a refusal here is recorded rather than trusted away.
            var refused = Execution(
                id: Identifier.make(at: clock()), tenantID: incident.tenantID, incidentID: incident.id, idempotencyKey: key,
                stage: stage, step: step.name, role: step.role, executor: "none", host: step.target,
                command: "", status: .failed, startedAt: clock()
            )
            refused.stderr = "refused: \(reason)"
            refused.finishedAt = clock()
            try await store.record(refused)
            return refused
        }
        if let pause = try await store.executionPause() {
            throw ExecutionPaused(pause: pause)
        }
        var execution = Execution(
            id: Identifier.make(at: clock()), tenantID: incident.tenantID, incidentID: incident.id, idempotencyKey: key,
            stage: stage, step: step.name, role: step.role, executor: executor.name, host: step.target,
            command: "", status: .started, startedAt: clock()
        )
        try await store.record(execution)
        let request = ExecutionRequest(
            step: step, host: step.target, tenantID: incident.tenantID, target: target, environment: plan.environment, maxOutputBytes: configuration.maxOutputBytes
        )
        do {
            guard let outcome = try await runUnlessPaused(request, on: executor) else {
                let pause = try await store.executionPause()
                execution.status = .interrupted
                execution.stderr = "[stopped by the kill switch (\(pause.map { "\($0.actor): \($0.reason)" } ?? "paused")); its effect on the host is unknown]"
                execution.finishedAt = clock()
                try await store.record(execution)
                return execution
            }
            execution.status = outcome.status
            execution.command = outcome.command
            execution.exitCode = outcome.exitCode
            execution.stdout = outcome.stdout
            execution.stderr = outcome.stderr
            execution.truncated = outcome.truncated
        } catch {
            execution.status = .failed
            execution.stderr = "the \(executor.name) executor failed: \(error)"
        }
        execution.finishedAt = clock()
        try await store.record(execution)
        return execution
    }

    /// The executor's outcome, or `nil` when the kill switch was set while the step ran and
    /// the step was stopped.
    func runUnlessPaused(_ request: ExecutionRequest, on executor: any Executor) async throws -> ExecutionOutcome? {
        let store = self.store
        let interval = configuration.pauseCheckInterval
        return try await withThrowingTaskGroup(of: ExecutionOutcome?.self) { group in
            group.addTask { try await executor.run(request) }
            group.addTask {
                while try await store.executionPause() == nil {
                    try await Task.sleep(for: interval)
                }
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { return nil }
            return first
        }
    }

    /// Runs the plan's rollback steps, if it has any (one per host it touched), after a
    /// failed remediation or verification. Every rollback runs even if one fails.
    func rollback(_ plan: Plan, stage: Stage, incident: Incident, approval: Approval) async throws -> String {
        let steps = plan.steps(.rollback)
        guard !steps.isEmpty else { return "the plan has no rollback" }
        var failures: [String] = []
        for step in steps {
            let execution = try await runStep(step, stage: stage, incident: incident, plan: plan, approval: approval)
            if !execution.isSuccess { failures.append(steps.count > 1 ? "\(step.target): \(execution.status.rawValue)" : execution.status.rawValue) }
        }
        return failures.isEmpty ? "rollback succeeded" : "rollback failed (\(failures.joined(separator: ", ")))"
    }

    /// The approval the incident's current plan runs under: the latest decision, if it
    /// approved exactly this plan.
    func currentApproval(for incident: Incident, plan: Plan) async throws -> Approval? {
        let approvals = try await store.approvals(incidentID: incident.id, tenantID: incident.tenantID)
        guard let latest = approvals.last, latest.decision == .approved, latest.planHash == plan.hash else { return nil }
        return latest
    }

    static func describe(_ execution: Execution) -> String {
        switch execution.status {
        case .timedOut: "step \(execution.step) timed out"
        case .interrupted: "step \(execution.step) was interrupted and its outcome is unknown"
        case .failed: "step \(execution.step) failed" + (execution.exitCode.map { " with exit code \($0)" } ?? "")
        default: "step \(execution.step) \(execution.status.rawValue)"
        }
    }
}
