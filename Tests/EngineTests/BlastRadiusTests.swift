import Engine
import Execution
import Foundation
import Planning
import RemediatorCore
import Storage
import Synchronization
import Testing

@Suite("Blast radius")
struct BlastRadiusTests {
    static let runbook = """
        ---
        id: web-cache-flush
        title: Flush the shared page cache on every web node
        platform: linux
        group: web
        timeout_seconds: 60
        match:
          alert_names: [WebCacheStale]
        ---
        The cache is shared: a stale entry on one node is stale on all of them.

        ```bash remediate
        systemctl reload nginx
        ```

        ```bash verify
        systemctl is-active nginx
        ```

        ```bash rollback
        systemctl restart nginx
        ```
        """

    static let inventory = Inventory(
        hosts: ["web-1", "web-2", "web-3", "db-1"].map { InventoryHost(name: $0, address: "10.0.0.\($0.count)", executor: .dryRun) },
        groups: ["web": ["web-1", "web-2", "web-3"]]
    )

    /// Records where each step ran.
    final class RecordingExecutor: Executor, Sendable {
        let name = "recording"
        let runs = Mutex<[String]>([])
        let failing: String?

        init(failing: String? = nil) {
            self.failing = failing
        }

        func run(_ request: ExecutionRequest) async throws -> ExecutionOutcome {
            runs.withLock { $0.append("\(request.step.name) \(request.host)") }
            let failed = request.step.name == failing
            return ExecutionOutcome(status: failed ? .failed : .succeeded, command: "bash -s", exitCode: failed ? 1 : 0)
        }
    }

    func driver(_ executor: RecordingExecutor) throws -> (PipelineDriver, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("runbooks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Self.runbook.write(to: directory.appendingPathComponent("web-cache-flush.md"), atomically: true, encoding: .utf8)
        let driver = try PipelineDriver(
            executors: ExecutorRouter(inventory: Self.inventory, standalone: DryRunExecutor(), executors: [.dryRun: executor]),
            planner: { RunbookPlanner(catalog: $0, inventory: Self.inventory) },
            runbookDirectories: [directory.path]
        )
        return (driver, directory)
    }

    func run(on host: String, _ driver: PipelineDriver) async throws -> Incident {
        let alert = NormalizedAlert(
            source: "alertmanager", status: .firing, severity: .high, alertName: "WebCacheStale", title: "Stale cache", host: host, fingerprint: "fp-\(host)"
        )
        return try await driver.runApproved(try await driver.ingest(alert))
    }

    @Test("a runbook that names a group acts on every member when the incident's host is one; otherwise only on that host")
    func groupRunbook() async throws {
        let executor = RecordingExecutor()
        let (driver, directory) = try driver(executor)
        defer {
            driver.remove()
            try? FileManager.default.removeItem(at: directory)
        }
        let incident = try await run(on: "web-2", driver)
        #expect(incident.state == .closed, "\(incident.stateReason)")
        #expect(incident.plan?.steps.map(\.target) == ["web-2", "web-1", "web-3", "web-2", "web-1", "web-3", "web-2", "web-1", "web-3"])
        #expect(executor.runs.withLock { $0 } == [
            "remediate web-2", "remediate@web-1 web-1", "remediate@web-3 web-3", "verify web-2", "verify@web-1 web-1", "verify@web-3 web-3",
        ])
        // db-1 is not in the group: the same runbook touches only db-1.
        executor.runs.withLock { $0.removeAll() }
        let single = try await run(on: "db-1", driver)
        #expect(single.plan?.steps.map(\.target) == ["db-1", "db-1", "db-1"])
        #expect(executor.runs.withLock { $0 } == ["remediate db-1", "verify db-1"])
    }

    @Test("a failed verification on one member rolls back every member")
    func rollbackEveryMember() async throws {
        let executor = RecordingExecutor(failing: "verify@web-3")
        let (driver, directory) = try driver(executor)
        defer {
            driver.remove()
            try? FileManager.default.removeItem(at: directory)
        }
        let incident = try await run(on: "web-1", driver)
        #expect(incident.state == .failed)
        let runs = executor.runs.withLock { $0 }
        #expect(Array(runs.suffix(3)) == ["rollback web-1", "rollback@web-2 web-2", "rollback@web-3 web-3"])
        #expect(incident.stateReason.contains("rollback succeeded"), "\(incident.stateReason)")
    }

    @Test("a plan step aimed outside the incident's reach is refused before anything runs")
    func strayTarget() async throws {
        let executor = RecordingExecutor()
        let driver = try PipelineDriver(
            executors: ExecutorRouter(inventory: Self.inventory, standalone: DryRunExecutor(), executors: [.dryRun: executor]),
            planner: { _ in StrayPlanner() }
        )
        defer { driver.remove() }
        let alert = NormalizedAlert(source: "alertmanager", status: .firing, severity: .high, alertName: "Anything", title: "x", host: "web-1", fingerprint: "fp")
        let incident = try await driver.runApproved(try await driver.ingest(alert))
        #expect(incident.state == .failed)
        #expect(incident.stateReason.contains("step remediate targets web-2, which is not the incident's host web-1"), "\(incident.stateReason)")
        #expect(executor.runs.withLock { $0 }.isEmpty)
    }

    /// A plan (as a misled model might write) that reaches for another host.
    struct StrayPlanner: Planner {
        let name = "stray"

        func plan(for incident: Incident, context: IncidentContext) async throws -> PlanningResult {
            .plan(Plan(
                planner: name, summary: "restart", steps: [
                    PlanStep(name: "remediate", role: .remediate, language: .bash, script: "systemctl restart nginx", target: "web-2", timeoutSeconds: 30),
                    PlanStep(name: "verify", role: .verify, language: .bash, script: "systemctl is-active nginx", target: incident.host, timeoutSeconds: 30),
                ],
                environment: [:], createdAt: incident.updatedAt
            ))
        }
    }
}
