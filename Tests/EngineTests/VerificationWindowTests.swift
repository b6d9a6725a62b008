import Engine
import Execution
import Foundation
import RemediatorCore
import Storage
import Testing

@Suite("Verification by the source's resolved alert")
struct VerificationWindowTests {
    static let configuration = EngineConfiguration(verifyWindow: .seconds(300), verifyRecheckInterval: .seconds(15))

    /// Opens the disk incident, approves its plan and runs it; verification fails.
    func runFailingVerification(_ driver: PipelineDriver) async throws -> String {
        try await driver.runApproved(try await driver.openDiskIncident()).id
    }

    @Test("a failed verification waits for the source; its resolved alert within the window resolves the incident, no rollback")
    func sourceResolves() async throws {
        let driver = try PipelineDriver(executor: ScriptedExecutor(failing: "verify"), configuration: Self.configuration)
        defer { driver.remove() }
        let id = try await runFailingVerification(driver)
        var incident = try await driver.incident(id)
        #expect(incident.state == .verifying, "\(incident.stateReason)")
        let jobs = try await driver.store.jobs(incidentID: id, tenantID: .default)
        let verify = try #require(jobs.last { $0.stage == .verify })
        #expect(verify.state == .queued && verify.attempts == 0)
        #expect(verify.nextRunAt > Date().addingTimeInterval(5))

        // The source says the problem is gone: the waiting verification is due at once.
        let resolved = NormalizedAlert(
            source: "alertmanager", status: .resolved, severity: .critical, alertName: "NodeFilesystemAlmostOutOfSpace",
            title: "Disk full", host: "web-1", fingerprint: "fp", labels: ["mountpoint": "/var"]
        )
        try await driver.ingest(resolved)
        #expect(try await driver.drain().contains(.verify))
        incident = try await driver.incident(id)
        #expect(incident.state == .closed || incident.state == .resolved, "\(incident.state): \(incident.stateReason)")
        #expect(incident.sourceResolvedAt != nil)
        let executions = try await driver.store.executions(incidentID: id, tenantID: .default)
        #expect(!executions.contains { $0.role == .rollback })
        #expect(executions.filter { $0.step == "verify" }.count == 1)
        let events = try await driver.store.auditEvents(tenantID: .default, subject: "incident/\(id)", after: 0, limit: 1000)
        #expect(events.contains { $0.details["reason"]?.contains("verified by the source") == true }, "\(events.map(\.details))")
    }

    @Test("without the source's resolved alert, the window ends in rollback and a failed incident")
    func windowEnds() async throws {
        let driver = try PipelineDriver(executor: ScriptedExecutor(failing: "verify"), configuration: Self.configuration)
        defer { driver.remove() }
        let id = try await runFailingVerification(driver)
        #expect(try await driver.incident(id).state == .verifying)
        driver.clock.advance(by: 301)
        try await driver.drain()
        let incident = try await driver.incident(id)
        #expect(incident.state == .failed)
        #expect(incident.stateReason.contains("verification failed") && incident.stateReason.contains("did not resolve the alert within 300s"), "\(incident.stateReason)")
        let executions = try await driver.store.executions(incidentID: id, tenantID: .default)
        #expect(executions.filter { $0.step == "verify" }.count == 1)
    }
}
