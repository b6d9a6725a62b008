import Engine
import Execution
import Foundation
import Logging
import RemediatorCore
import Storage
import Synchronization
import Testing

/// Succeeds at once, except the remediate step, which runs until cancelled.
final class HangingRemediation: Executor {
    let name = "hanging"
    let cancelled = Mutex(false)
    let started = Mutex(false)

    func run(_ request: ExecutionRequest) async throws -> ExecutionOutcome {
        guard request.step.role == .remediate else { return ExecutionOutcome(status: .succeeded, command: "true", exitCode: 0) }
        started.withLock { $0 = true }
        do {
            try await Task.sleep(for: .seconds(3600))
        } catch {
            cancelled.withLock { $0 = true }
            throw error
        }
        return ExecutionOutcome(status: .succeeded, command: "true", exitCode: 0)
    }
}

@Suite("Kill switch")
struct KillSwitchTests {
    static let configuration = EngineConfiguration(workers: 2, planWorkers: 2, pollInterval: .milliseconds(50), pauseCheckInterval: .milliseconds(50))

    func start(_ driver: PipelineDriver, signal: WorkSignal) -> Task<Void, any Error> {
        let pool = WorkerPool(store: driver.store, runner: driver.runner, signal: signal, configuration: Self.configuration, logger: Logger(label: "kill-switch"))
        return Task { try await pool.run() }
    }

    @Test("while paused an approved plan does not run; after resume it does")
    func holdsApproved() async throws {
        let driver = try PipelineDriver(configuration: Self.configuration)
        defer { driver.remove() }
        let signal = WorkSignal()
        let running = start(driver, signal: signal)
        defer { running.cancel() }
        let executionSwitch = ExecutionSwitch(store: driver.store, signal: signal)

        let id = try await driver.openDiskIncident(host: "web-1")
        signal.notify()
        _ = try await driver.waitForState(of: id, .awaitingApproval)
        let pause = try await executionSwitch.pause(reason: "change freeze", actor: "key:alice")
        let stored = try #require(try await executionSwitch.state())
        #expect(stored.reason == "change freeze" && stored.actor == "key:alice")
        #expect(abs(stored.since.timeIntervalSince(pause.since)) < 0.002)
        try await driver.approvePlan(of: id, actor: "key:bob")
        signal.notify()
        // Several claim rounds pass (50 ms each); the execute job stays queued.
        try await Task.sleep(for: .milliseconds(400))
        #expect(try await driver.incident(id).state == .approved)
        #expect(try await driver.store.executions(incidentID: id, tenantID: .default).isEmpty)
        let jobs = try await driver.store.jobs(incidentID: id, tenantID: .default)
        #expect(jobs.last?.stage == .execute)
        #expect(jobs.last?.state == .queued)

        try await executionSwitch.resume(actor: "key:alice")
        _ = try await driver.waitForState(of: id, .closed)
        #expect(try await executionSwitch.state() == nil)
        let actions = try await driver.store.auditEvents(tenantID: .default, subject: "execution", after: 0, limit: 10).map(\.action)
        #expect(actions == ["execution.paused", "execution.resumed"])
    }

    @Test("a step running when the switch is set is stopped and recorded as interrupted; no rollback runs")
    func stopsRunning() async throws {
        let executor = HangingRemediation()
        let driver = try PipelineDriver(executor: executor, configuration: Self.configuration)
        defer { driver.remove() }
        let signal = WorkSignal()
        let running = start(driver, signal: signal)
        defer { running.cancel() }
        let executionSwitch = ExecutionSwitch(store: driver.store, signal: signal)

        let id = try await driver.openDiskIncident(host: "web-1")
        signal.notify()
        _ = try await driver.waitForState(of: id, .awaitingApproval)
        try await driver.approvePlan(of: id, actor: "key:bob")
        signal.notify()
        try await eventually("the remediate step runs") { executor.started.withLock { $0 } }
        _ = try await executionSwitch.pause(reason: "wrong fleet", actor: "key:alice")

        let failed = try await driver.waitForState(of: id, .failed)
        #expect(failed.stateReason.contains("rollback not attempted"), "\(failed.stateReason)")
        #expect(executor.cancelled.withLock { $0 })
        let executions = try await driver.store.executions(incidentID: id, tenantID: .default)
        let remediate = try #require(executions.first { $0.role == .remediate })
        #expect(remediate.status == .interrupted)
        #expect(remediate.stderr.contains("kill switch (key:alice: wrong fleet)"))
        #expect(!executions.contains { $0.role == .rollback })
    }
}
