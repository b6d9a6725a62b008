import Engine
import Foundation
import RemediatorCore
import Storage
import Testing

@Suite("Rate limits")
struct RateLimitTests {
    /// Opens a disk incident on `host`, approves its plan and runs everything due.
    func runIncident(on host: String, _ driver: PipelineDriver) async throws -> Incident {
        try await driver.runApproved(try await driver.openDiskIncident(host: host))
    }

    @Test("past a host's limit the next approved incident on it escalates instead of running; other hosts run")
    func perHost() async throws {
        let driver = try PipelineDriver(configuration: EngineConfiguration(hostRateLimit: RateLimit(maxRuns: 2, window: .seconds(3600)), verifyWindow: .zero))
        defer { driver.remove() }
        #expect(try await runIncident(on: "web-1", driver).state == .closed)
        #expect(try await runIncident(on: "web-1", driver).state == .closed)
        let third = try await runIncident(on: "web-1", driver)
        #expect(third.state == .escalated)
        #expect(third.stateReason.contains("rate limit: 2 runs on web-1 in the last 1h already (limit 2/1h)"), "\(third.stateReason)")
        #expect(try await driver.store.executions(incidentID: third.id, tenantID: .default).isEmpty)
        #expect(try await runIncident(on: "web-2", driver).state == .closed)
    }

    @Test("past a runbook's limit, its next run on any host escalates")
    func perRunbook() async throws {
        let driver = try PipelineDriver(configuration: EngineConfiguration(runbookRateLimit: RateLimit(maxRuns: 2, window: .seconds(3600)), verifyWindow: .zero))
        defer { driver.remove() }
        #expect(try await runIncident(on: "web-1", driver).state == .closed)
        #expect(try await runIncident(on: "web-2", driver).state == .closed)
        let third = try await runIncident(on: "web-3", driver)
        #expect(third.state == .escalated)
        #expect(third.stateReason.contains("rate limit: 2 runs of runbook linux-disk-full in the last 1h already (limit 2/1h)"), "\(third.stateReason)")
    }

    @Test("runs outside the window do not count")
    func window() async throws {
        let driver = try PipelineDriver(configuration: EngineConfiguration(hostRateLimit: RateLimit(maxRuns: 1, window: .seconds(3600)), verifyWindow: .zero))
        defer { driver.remove() }
        let first = try await runIncident(on: "web-1", driver)
        let runs = try await driver.store.executionRuns(tenantID: .default, host: "web-1", runbookID: nil, since: Date().addingTimeInterval(-60), excluding: "none")
        #expect(runs == 1)
        #expect(try await driver.store.executionRuns(tenantID: .default, host: "web-1", runbookID: nil, since: Date().addingTimeInterval(60), excluding: "none") == 0)
        #expect(try await driver.store.executionRuns(tenantID: .default, host: "web-1", runbookID: nil, since: .distantPast, excluding: first.id) == 0)
        #expect(try await driver.store.executionRuns(tenantID: TenantID("other"), host: "web-1", runbookID: nil, since: .distantPast, excluding: "none") == 0)
    }
}
