import Engine
import Execution
import Foundation
import Knowledge
import Planning
import RemediatorCore
import Safety
import Storage
import Synchronization
import Testing

/// Drives the real stage runner over a real SQLite store, one job at a time.
struct PipelineDriver {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("remediator-engine-\(UUID().uuidString)")
    let store: SQLiteStore
    let runner: StageRunner
    let actions: IncidentActions
    /// The time the runner and the queue see; tests move it forward.
    let clock = OffsetClock()

    /// Verification does not wait for the source unless a test says so.
    static let configuration = EngineConfiguration(verifyWindow: .zero)

    init(
        executor: any Executor = DryRunExecutor(), executors: ExecutorRouter? = nil, planner: ((RunbookCatalog) -> any Planner)? = nil,
        configuration: EngineConfiguration = PipelineDriver.configuration, runbookDirectories: [String] = [],
        notifiers: [any IncidentNotifier] = []
    ) throws {
        store = try SQLiteStore(configuration: .init(path: directory.appendingPathComponent("db.sqlite").path))
        let catalog = RunbookCatalog.load(directories: runbookDirectories)
        runner = StageRunner(
            store: store, catalog: catalog, planner: planner?(catalog) ?? RunbookPlanner(catalog: catalog), validator: SafetyValidator(),
            executors: executors ?? ExecutorRouter(standalone: executor), notifiers: notifiers, configuration: configuration,
            clock: { [clock] in clock.now() }
        )
        actions = IncidentActions(store: store, signal: WorkSignal())
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    func openDiskIncident() async throws -> String {
        try await ingest(NormalizedAlert(
            source: "alertmanager", status: .firing, severity: .critical, alertName: "NodeFilesystemAlmostOutOfSpace",
            title: "Disk full", host: "web-1", fingerprint: "fp", labels: ["mountpoint": "/var"]
        ))
    }

    /// Stores one alert; returns the incident it opened or joined.
    @discardableResult
    func ingest(_ alert: NormalizedAlert) async throws -> String {
        let result = try await store.ingest([IngestRequest(tenantID: .default, alerts: [alert], receivedAt: Date())])
        return try #require(result[0][0].alert.incidentID)
    }

    /// Approves the incident's current plan, as a human would.
    func approvePlan(of id: String, actor: String = "key:test") async throws {
        let hash = try #require(try await incident(id).plan?.hash)
        _ = try await actions.approve(incidentID: id, tenantID: .default, actor: actor, planHash: hash, comment: "")
    }

    /// Runs what is due, approves the plan, runs the rest; returns the incident as it ends.
    func runApproved(_ id: String) async throws -> Incident {
        try await drain()
        try await approvePlan(of: id)
        try await drain()
        return try await incident(id)
    }

    /// Runs due jobs until none is left; returns the stages it ran.
    @discardableResult
    func drain() async throws -> [Stage] {
        var ran: [Stage] = []
        while let claimed = try await store.claim(owner: "test", limit: 1, lease: .seconds(30), at: clock.now()).first {
            ran.append(claimed.job.stage)
            do {
                if let outcome = try await runner.run(claimed) {
                    _ = try await store.complete(claimed.job, with: outcome, at: clock.now())
                } else {
                    try await store.abandon(claimed.job, reason: "obsolete", at: clock.now())
                }
            } catch let pending as VerificationPending {
                // As the worker pool does: due again later, not counted as an attempt.
                try await store.release([claimed.job], retryAt: pending.until, at: clock.now())
            } catch let error as ScriptedIntegrationFailure {
                // As the worker pool does with any failure, but due again at once.
                try await store.fail(claimed.job, error: "\(error)", retryAt: clock.now(), at: clock.now())
            }
        }
        return ran
    }

    func incident(_ id: String) async throws -> Incident {
        try #require(try await store.incident(id: id, tenantID: .default))
    }
}

@Suite("Execute and verify stages")
struct ExecuteStageTests {
    @Test("the stages run in order and stop at the approval gate")
    func stopsAtGate() async throws {
        let driver = try PipelineDriver()
        defer { driver.remove() }
        let id = try await driver.openDiskIncident()
        #expect(try await driver.drain() == [.enrich, .plan, .validate, .gate])
        #expect(try await driver.incident(id).state == .awaitingApproval)
    }

    @Test("a step interrupted by a crash is not run again and no rollback runs: a human decides")
    func interruptedStep() async throws {
        let driver = try PipelineDriver()
        defer { driver.remove() }
        let id = try await driver.openDiskIncident()
        try await driver.drain()
        let hash = try #require(try await driver.incident(id).plan?.hash)
        _ = try await driver.actions.approve(incidentID: id, tenantID: .default, actor: "key:test", planHash: hash, comment: "")
        // A worker recorded the remediate step as started, then the process died.
        let approval = try #require(try await driver.store.approvals(incidentID: id, tenantID: .default).last)
        try await driver.store.record(Execution(
            id: Identifier.make(), tenantID: .default, incidentID: id, idempotencyKey: "\(id)/\(approval.id)/execute/remediate",
            stage: .execute, step: "remediate", role: .remediate, executor: "dry-run", host: "web-1", command: "",
            status: .started, startedAt: Date()
        ))
        try await driver.drain()
        let incident = try await driver.incident(id)
        #expect(incident.state == .failed)
        #expect(incident.stateReason.contains("interrupted"))
        let executions = try await driver.store.executions(incidentID: id, tenantID: .default)
        #expect(executions.map(\.step).sorted() == ["diagnose", "remediate"])
        #expect(executions.first { $0.step == "remediate" }?.status == .interrupted)
    }

    @Test("execution refuses a plan whose stored approval names another hash")
    func refusesWithoutMatchingApproval() async throws {
        let driver = try PipelineDriver()
        defer { driver.remove() }
        let id = try await driver.openDiskIncident()
        try await driver.drain()
        let incident = try await driver.incident(id)
        let hash = try #require(incident.plan?.hash)
        _ = try await driver.actions.approve(incidentID: id, tenantID: .default, actor: "key:test", planHash: hash, comment: "")
        // The plan is altered in the database after approval (a bug or an attacker).
        let queue = try GRDBQueue(path: driver.directory.appendingPathComponent("db.sqlite").path)
        try await queue.tamperPlanScript(incidentID: id)
        try await driver.drain()
        let after = try await driver.incident(id)
        #expect(after.state == .failed)
        #expect(after.stateReason.contains("refused to execute"))
        #expect(try await driver.store.executions(incidentID: id, tenantID: .default).isEmpty)
    }

    @Test("a failing remediation runs the rollback and fails the incident with the outputs kept")
    func rollbackOnFailure() async throws {
        let driver = try PipelineDriver(executor: ScriptedExecutor(failing: "remediate"))
        defer { driver.remove() }
        let id = try await driver.openDiskIncident()
        try await driver.drain()
        let hash = try #require(try await driver.incident(id).plan?.hash)
        _ = try await driver.actions.approve(incidentID: id, tenantID: .default, actor: "key:test", planHash: hash, comment: "")
        try await driver.drain()
        let incident = try await driver.incident(id)
        #expect(incident.state == .failed)
        #expect(incident.stateReason.contains("step remediate failed with exit code 1"))
        let executions = try await driver.store.executions(incidentID: id, tenantID: .default)
        let hasRollback = !(incident.plan?.steps(.rollback).isEmpty ?? true)
        #expect(executions.map(\.step) == ["diagnose", "remediate"] + (hasRollback ? ["rollback"] : []))
        #expect(executions.first { $0.step == "remediate" }?.stderr == "boom")
        #expect(incident.stateReason.contains(hasRollback ? "rollback succeeded" : "no rollback"))
    }

    @Test("a failing verification fails the incident")
    func verificationFails() async throws {
        let driver = try PipelineDriver(executor: ScriptedExecutor(failing: "verify"))
        defer { driver.remove() }
        let id = try await driver.openDiskIncident()
        try await driver.drain()
        let hash = try #require(try await driver.incident(id).plan?.hash)
        _ = try await driver.actions.approve(incidentID: id, tenantID: .default, actor: "key:test", planHash: hash, comment: "")
        try await driver.drain()
        let incident = try await driver.incident(id)
        #expect(incident.state == .failed)
        #expect(incident.stateReason.hasPrefix("verification failed"))
    }
}

@Suite("Retrying a failed incident")
struct RetryTests {
    @Test("a retried and re-approved incident runs its steps again instead of reusing old results")
    func rerunsAfterRetry() async throws {
        let driver = try PipelineDriver(executor: ScriptedExecutor(failing: "verify"))
        defer { driver.remove() }
        let id = try await driver.openDiskIncident()
        try await driver.drain()
        let hash = try #require(try await driver.incident(id).plan?.hash)
        _ = try await driver.actions.approve(incidentID: id, tenantID: .default, actor: "key:test", planHash: hash, comment: "")
        try await driver.drain()
        #expect(try await driver.incident(id).state == .failed)
        _ = try await driver.actions.retry(incidentID: id, tenantID: .default, actor: "key:test")
        try await driver.drain()
        let replanned = try await driver.incident(id)
        #expect(replanned.state == .awaitingApproval)
        _ = try await driver.actions.approve(incidentID: id, tenantID: .default, actor: "key:test", planHash: try #require(replanned.plan?.hash), comment: "again")
        try await driver.drain()
        let executions = try await driver.store.executions(incidentID: id, tenantID: .default)
        #expect(executions.filter { $0.step == "remediate" }.count == 2)
        #expect(Set(executions.map(\.idempotencyKey)).count == executions.count)
    }
}

/// An executor that succeeds except for one named step.
struct ScriptedExecutor: Executor {
    let name = "scripted"
    let failing: String

    func run(_ request: ExecutionRequest) async throws -> ExecutionOutcome {
        if request.step.name == failing {
            return ExecutionOutcome(status: .failed, command: "bash -s", exitCode: 1, stdout: "", stderr: "boom")
        }
        return ExecutionOutcome(status: .succeeded, command: "bash -s", exitCode: 0, stdout: "ok")
    }
}

/// Wall-clock time plus an offset the test moves forward.
final class OffsetClock: Sendable {
    private let offset = Mutex<TimeInterval>(0)

    func now() -> Date { Date().addingTimeInterval(offset.withLock { $0 }) }

    func advance(by seconds: TimeInterval) {
        offset.withLock { $0 += seconds }
    }
}
