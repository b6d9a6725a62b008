import Engine
import Foundation
import RemediatorCore
import Storage
import Synchronization
import Testing

/// A failure a test notifier was told to play.
struct ScriptedIntegrationFailure: Error {
    let integration: String
}

/// Records every notice it is given; fails the first `failures` deliveries.
final class RecordingNotifier: IncidentNotifier {
    let name: String
    private let state: Mutex<(failuresLeft: Int, attempts: [IncidentNotice], delivered: [IncidentNotice])>

    init(name: String, failures: Int = 0) {
        self.name = name
        state = Mutex((failures, [], []))
    }

    var attempts: [IncidentNotice] { state.withLock { $0.attempts } }
    var delivered: [IncidentNotice] { state.withLock { $0.delivered } }

    func deliver(_ notice: IncidentNotice) async throws {
        let fails = state.withLock { state in
            state.attempts.append(notice)
            guard state.failuresLeft == 0 else {
                state.failuresLeft -= 1
                return true
            }
            state.delivered.append(notice)
            return false
        }
        if fails { throw ScriptedIntegrationFailure(integration: name) }
    }
}

@Suite("Close stage: ticket updates and notifications")
struct CloseStageTests {
    @Test("every integration gets the closing notice once; a failing one neither holds up nor resends the others")
    func deliversOnce() async throws {
        let ticket = RecordingNotifier(name: "servicenow")
        let hook = RecordingNotifier(name: "webhook", failures: 2)
        // The failing one first: the other is still told on the first attempt.
        let driver = try PipelineDriver(notifiers: [hook, ticket])
        defer { driver.remove() }
        let id = try await driver.openDiskIncident()
        let incident = try await driver.runApproved(id)
        #expect(incident.state == .closed, "\(incident.state): \(incident.stateReason)")

        #expect(ticket.attempts.count == 1)
        #expect(hook.attempts.count == 3)
        #expect(hook.delivered.count == 1)
        let notice = try #require(hook.delivered.first)
        #expect(notice.idempotencyKey == "\(id)/close/webhook")
        #expect(ticket.delivered.first?.idempotencyKey == "\(id)/close/servicenow")
        // Every attempt carried the same key.
        #expect(Set(hook.attempts.map(\.idempotencyKey)).count == 1)
        #expect(notice.state == .closed && notice.host == "web-1" && notice.runbookID == "linux-disk-full")
        #expect(notice.steps.map(\.name) == ["diagnose", "remediate", "verify"])
        #expect(notice.steps.allSatisfy { $0.status == "dry_run" })

        let events = try await driver.store.auditEvents(tenantID: .default, subject: "incident/\(id)", after: 0, limit: 1000)
        let deliveries = events.filter { $0.action == "integration.delivered" }
        #expect(deliveries.map { $0.details["integration"] } == ["servicenow", "webhook"])
        #expect(deliveries.last?.details["idempotency_key"] == "\(id)/close/webhook")
        let close = try #require(try await driver.store.jobs(incidentID: id, tenantID: .default).last { $0.stage == .close })
        #expect(close.attempts == 3)
        #expect(close.maxAttempts == 10)
    }

    @Test("the notice names the incident's newest alert at its source, e.g. the ServiceNow ticket that raised it")
    func sourceReference() async throws {
        let hook = RecordingNotifier(name: "webhook")
        let driver = try PipelineDriver(notifiers: [hook])
        defer { driver.remove() }
        let ticket = "9d385017c611228701d22104cc95c371"
        let id = try await driver.ingest(NormalizedAlert(
            source: "servicenow", status: .firing, severity: .critical, alertName: "NodeFilesystemAlmostOutOfSpace",
            title: "Disk full", host: "web-1", externalID: ticket, fingerprint: "fp-snow", labels: ["mountpoint": "/var"]
        ))
        #expect(try await driver.runApproved(id).state == .closed)
        #expect(hook.delivered.first?.source == "servicenow")
        #expect(hook.delivered.first?.sourceReference == ticket)
    }

    @Test("without integrations the incident closes as before")
    func noIntegrations() async throws {
        let driver = try PipelineDriver()
        defer { driver.remove() }
        let id = try await driver.openDiskIncident()
        #expect(try await driver.runApproved(id).state == .closed)
        let events = try await driver.store.auditEvents(tenantID: .default, subject: "incident/\(id)", after: 0, limit: 1000)
        #expect(!events.contains { $0.action == "integration.delivered" })
    }
}
