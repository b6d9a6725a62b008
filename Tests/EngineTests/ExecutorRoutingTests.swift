import Engine
import Execution
import Foundation
import RemediatorCore
import Storage
import Testing

@Suite("Executor routing by inventory")
struct ExecutorRoutingTests {
    static func router(_ yaml: String) throws -> ExecutorRouter {
        let inventory = try InventoryLoader.load(yaml: yaml, origin: "test")
        return ExecutorRouter(inventory: inventory, standalone: DryRunExecutor(), executors: [.dryRun: DryRunExecutor()])
    }

    /// Opens the disk incident on web-1, approves its plan and runs everything due.
    func approveAndRun(_ driver: PipelineDriver) async throws -> Incident {
        try await driver.runApproved(try await driver.openDiskIncident())
    }

    @Test("a host not in the inventory is never run on, approved or not", arguments: [
        ("hosts:\n  - name: web-2\n    executor: dry-run\n", "not in the inventory"),
        ("hosts:\n  - name: web-1\n    executor: dry-run\n  - name: other\n    address: web-1\n    executor: dry-run\n", "matches several inventory entries"),
        ("hosts:\n  - name: web-1\n    executor: ssm\n    instance_id: i-0123456789abcdef0\n", "ssm executor, which this node does not have"),
    ])
    func refused(yaml: String, reason: String) async throws {
        let driver = try PipelineDriver(executors: try Self.router(yaml))
        defer { driver.remove() }
        let incident = try await approveAndRun(driver)
        #expect(incident.state == .failed)
        #expect(incident.stateReason.contains(reason), "\(incident.stateReason)")
        #expect(try await driver.store.executions(incidentID: incident.id, tenantID: .default).isEmpty)
    }

    @Test("a host in the inventory runs with its entry's executor, which sees how to reach it")
    func routed() async throws {
        let driver = try PipelineDriver(executors: try Self.router("hosts:\n  - name: web-1\n    address: 10.0.0.11\n    executor: dry-run\n"))
        defer { driver.remove() }
        let incident = try await approveAndRun(driver)
        #expect(incident.state == .closed, "\(incident.stateReason)")
        let executions = try await driver.store.executions(incidentID: incident.id, tenantID: .default)
        #expect(!executions.isEmpty)
        #expect(executions.allSatisfy { $0.executor == "dry-run" && $0.stdout.contains("# target: web-1 (10.0.0.11:22, linux)") })
    }
}
