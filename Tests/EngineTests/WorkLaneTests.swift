import Engine
import Foundation
import Knowledge
import Logging
import Planning
import RemediatorCore
import Storage
import Synchronization
import Testing

/// A planner that holds the plans of `held-*` hosts until released, like an LLM that
/// stopped answering, and counts the calls it holds.
final class HeldPlanner: Planner {
    let name = "held"
    private let inner: RunbookPlanner
    private struct State {
        var held = 0
        var peak = 0
        var released = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }
    private let state = Mutex(State())

    init(catalog: RunbookCatalog) {
        inner = RunbookPlanner(catalog: catalog)
    }

    var held: Int { state.withLock { $0.held } }
    var peak: Int { state.withLock { $0.peak } }

    func plan(for incident: Incident, context: IncidentContext) async throws -> PlanningResult {
        if incident.host.hasPrefix("held-") {
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLock { state -> Bool in
                    guard !state.released else { return true }
                    state.held += 1
                    state.peak = max(state.peak, state.held)
                    state.waiters.append(continuation)
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        }
        return try await inner.plan(for: incident, context: context)
    }

    func release() {
        let waiters = state.withLock { state in
            state.released = true
            state.held = 0
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}

@Suite("Work lanes")
struct WorkLaneTests {
    @Test("planning has its own lane: stalled LLM calls beyond the worker count hold none of the workers other incidents need")
    func stalledPlanningDoesNotStallOtherStages() async throws {
        let planner = Mutex<HeldPlanner?>(nil)
        let configuration = EngineConfiguration(workers: 1, planWorkers: 8, pollInterval: .milliseconds(50))
        let driver = try PipelineDriver(planner: { catalog in
            let held = HeldPlanner(catalog: catalog)
            planner.withLock { $0 = held }
            return held
        }, configuration: configuration)
        defer { driver.remove() }
        let held = try #require(planner.withLock { $0 })
        let signal = WorkSignal()
        let pool = WorkerPool(store: driver.store, runner: driver.runner, signal: signal, configuration: configuration, logger: Logger(label: "lanes"))
        let running = Task { try await pool.run() }

        let stalled = try await (1...6).asyncMap { try await driver.openDiskIncident(host: "held-\($0)") }
        let other = try await driver.openDiskIncident(host: "web-1")
        signal.notify()

        // Six plans wait on the "LLM" at once, with one worker for the other stages.
        try await eventually("six plans in flight") { held.held == 6 }
        // Meanwhile the other incident is enriched, planned, validated and gated …
        let waiting = try await driver.waitForState(of: other, .awaitingApproval)
        _ = try await driver.actions.approve(incidentID: other, tenantID: .default, actor: "alice", planHash: try #require(waiting.plan?.hash), comment: "")
        signal.notify()
        // … and, once approved, executed, verified and closed.
        _ = try await driver.waitForState(of: other, .closed)
        #expect(held.held == 6)

        held.release()
        for id in stalled {
            _ = try await driver.waitForState(of: id, .awaitingApproval)
        }
        #expect(held.peak == 6)
        running.cancel()
        try? await running.value
    }
}

@Suite("Work lanes: execution")
struct ExecutionLaneTests {
    @Test("the lanes a node runs")
    func lanes() {
        #expect(WorkLane.lanes(workers: 0, planWorkers: 16, executionWorkers: 8).isEmpty)
        let all = WorkLane.lanes(workers: 4, planWorkers: 16, executionWorkers: 8)
        #expect(all.map(\.name) == ["stages", "plan", "execution"])
        #expect(all[0].stages == [.enrich, .validate, .gate, .close])
        #expect(all[2].stages == [.execute, .verify])
        #expect(WorkLane.lanes(workers: 4, planWorkers: 0, executionWorkers: 0).map(\.stages) == [Set(Stage.allCases)])
    }

    @Test("a step hanging on a host holds none of the workers other incidents need")
    func hungStepDoesNotStall() async throws {
        let executor = HangingRemediation()
        let configuration = EngineConfiguration(workers: 1, planWorkers: 1, executionWorkers: 2, pollInterval: .milliseconds(50))
        let driver = try PipelineDriver(executor: executor, configuration: configuration)
        defer { driver.remove() }
        let signal = WorkSignal()
        let pool = WorkerPool(store: driver.store, runner: driver.runner, signal: signal, configuration: configuration, logger: Logger(label: "lanes"))
        let running = Task { try await pool.run() }
        defer { running.cancel() }

        let hung = try await driver.openDiskIncident(host: "web-1")
        signal.notify()
        let waiting = try await driver.waitForState(of: hung, .awaitingApproval)
        _ = try await driver.actions.approve(incidentID: hung, tenantID: .default, actor: "key:bob", planHash: try #require(waiting.plan?.hash), comment: "")
        signal.notify()
        try await eventually("the remediate step hangs") { executor.started.withLock { $0 } }
        // With one general worker, the next incident is still enriched, planned, validated and gated.
        let other = try await driver.openDiskIncident(host: "web-2")
        signal.notify()
        _ = try await driver.waitForState(of: other, .awaitingApproval)
        #expect(try await driver.incident(hung).state == .executing)

        // Cancelling the node stops the hanging step; that is no failure of the job: no
        // error is recorded and the job is released for another node at once.
        running.cancel()
        _ = try? await running.value
        #expect(executor.cancelled.withLock { $0 })
        let execute = try #require(try await driver.store.jobs(incidentID: hung, tenantID: .default).last { $0.stage == .execute })
        #expect(execute.lastError == nil, "\(execute)")
        #expect(execute.state == .queued, "\(execute)")
        #expect(execute.leaseOwner == nil && execute.attempts == 0, "\(execute)")
    }
}

extension PipelineDriver {
    func openDiskIncident(host: String) async throws -> String {
        let alert = NormalizedAlert(
            source: "alertmanager", status: .firing, severity: .critical, alertName: "NodeFilesystemAlmostOutOfSpace",
            title: "Disk full", host: host, fingerprint: "fp-\(host)", labels: ["mountpoint": "/var"]
        )
        let result = try await store.ingest([IngestRequest(tenantID: .default, alerts: [alert], receivedAt: Date())])
        return try #require(result[0][0].alert.incidentID)
    }

    /// Waits (up to a minute, a bound for failure only) until the incident is in `state`.
    func waitForState(of id: String, _ state: IncidentState) async throws -> Incident {
        var incident: Incident?
        try await eventually("incident \(id) \(state.rawValue), last seen \(incident?.state.rawValue ?? "?")") {
            incident = try await store.incident(id: id, tenantID: .default)
            return incident?.state == state
        }
        return try #require(incident)
    }
}

struct NotReached: Error, CustomStringConvertible {
    let description: String
}

/// Polls `condition` until it holds; throws after a minute, far beyond any normal run, so
/// that a stall fails the test rather than hanging it.
func eventually(_ what: String, _ condition: () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now + .seconds(60)
    while try await !condition() {
        guard ContinuousClock.now < deadline else { throw NotReached(description: "not reached within a minute: \(what)") }
        try await Task.sleep(for: .milliseconds(20))
    }
}

extension Sequence {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
