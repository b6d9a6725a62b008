import Engine
import Execution
import Foundation
import RemediatorCore
import Storage
import Synchronization
import Testing

@Suite("Shadow mode")
struct ShadowModeTests {
    static func configuration(_ shadow: ShadowMode) -> EngineConfiguration {
        EngineConfiguration(verifyWindow: .zero, shadow: shadow)
    }

    func resolve(_ driver: PipelineDriver, host: String = "web-1", fingerprint: String = "fp") async throws {
        let resolved = NormalizedAlert(
            source: "alertmanager", status: .resolved, severity: .critical, alertName: "NodeFilesystemAlmostOutOfSpace",
            title: "Disk full", host: host, fingerprint: fingerprint, labels: ["mountpoint": "/var"]
        )
        try await driver.ingest(resolved)
    }

    @Test("a shadowed runbook's plan is made and validated, never approvable or run; the source's resolution is recorded and reported")
    func runbookInShadow() async throws {
        let executor = BlastRadiusTests.RecordingExecutor()
        let driver = try PipelineDriver(executor: executor, configuration: Self.configuration(ShadowMode(runbooks: ["linux-disk-full"])))
        defer { driver.remove() }
        let id = try await driver.openDiskIncident()
        #expect(try await driver.drain() == [.enrich, .plan, .validate, .gate])
        var incident = try await driver.incident(id)
        #expect(incident.state == .shadow)
        #expect(incident.shadow?.hasPrefix("runbook linux-disk-full is in shadow mode") == true)
        #expect(incident.stateReason.contains("is shown, never run"))
        #expect(incident.plan != nil && incident.safety != nil)
        let hash = try #require(incident.plan?.hash)
        await #expect(throws: StoreError.self) {
            _ = try await driver.actions.approve(incidentID: id, tenantID: .default, actor: "key:test", planHash: hash, comment: "")
        }

        var report = try await driver.store.shadowReport(tenantID: .default)
        #expect(report.runbooks.map(\.runbookID) == ["linux-disk-full"])
        #expect(report.runbooks.first?.open == 1)

        try await resolve(driver)
        try await driver.drain()
        incident = try await driver.incident(id)
        #expect(incident.state == .closed)
        #expect(incident.shadowOutcome == .resolvedBySource)
        #expect(executor.runs.withLock { $0 }.isEmpty)
        #expect(try await driver.store.executions(incidentID: id, tenantID: .default).isEmpty)

        report = try await driver.store.shadowReport(tenantID: .default)
        let entry = try #require(report.runbooks.first)
        #expect(entry.incidents == 1 && entry.open == 0 && entry.resolvedBySource == 1 && entry.closedByHuman == 0)
        #expect(entry.verdictAllow + entry.verdictReview == 1)
        #expect(entry.meanMinutesToResolution != nil)
    }

    @Test("a human closing a shadow incident is recorded as such")
    func closedByHuman() async throws {
        let driver = try PipelineDriver(configuration: Self.configuration(ShadowMode(tenants: [.default])))
        defer { driver.remove() }
        let id = try await driver.openDiskIncident()
        try await driver.drain()
        #expect(try await driver.incident(id).shadow?.hasPrefix("tenant default is in shadow mode") == true)
        _ = try await driver.actions.cancel(incidentID: id, tenantID: .default, actor: "key:alice", comment: "cleaned /var by hand")
        let incident = try await driver.incident(id)
        #expect(incident.state == .closed && incident.shadowOutcome == .closedByHuman)
        let entry = try #require(try await driver.store.shadowReport(tenantID: .default).runbooks.first)
        #expect(entry.closedByHuman == 1 && entry.resolvedBySource == 0 && entry.meanMinutesToResolution == nil)
        #expect(try await driver.store.shadowReport(tenantID: TenantID("other")).runbooks.isEmpty)
    }

    @Test("a shadowed host group covers its members only; other hosts go to approval as usual")
    func groupInShadow() async throws {
        let inventory = Inventory(
            hosts: ["web-1", "db-1"].map { InventoryHost(name: $0, address: $0, executor: .dryRun, groups: $0 == "web-1" ? ["web"] : []) },
            groups: ["web": ["web-1"]]
        )
        let driver = try PipelineDriver(
            executors: ExecutorRouter(inventory: inventory, standalone: DryRunExecutor(), executors: [.dryRun: DryRunExecutor()]),
            configuration: Self.configuration(ShadowMode(groups: ["web"]))
        )
        defer { driver.remove() }
        let web = try await driver.openDiskIncident(host: "web-1")
        let db = try await driver.openDiskIncident(host: "db-1")
        try await driver.drain()
        #expect(try await driver.incident(web).state == .shadow)
        #expect(try await driver.incident(web).shadow?.hasPrefix("host group web is in shadow mode") == true)
        #expect(try await driver.incident(db).state == .awaitingApproval)
        #expect(try await driver.incident(db).shadow == nil)
    }
}
