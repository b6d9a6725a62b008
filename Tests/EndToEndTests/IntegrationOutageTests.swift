import Foundation
import IntegrationFakes
import NIOHTTP1
import Testing

@Suite("Ticket system and webhook: outages and crashes")
struct IntegrationOutageTests {
    static let runbook = """
        ---
        id: quick-fix
        title: Quick fix
        platform: linux
        match:
          alert_names: [QuickThing]
        ---
        ```bash remediate
        true
        ```

        ```bash verify
        true
        ```
        """

    @Test("while ServiceNow and the webhook are down incidents are fixed and wait to close; once they are back each gets one ticket and one notification")
    func outageAndRecovery() async throws {
        let directory = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }

        let fake = FakeIntegrationServer()
        await fake.setAvailable(false)
        try await fake.serve { url in
            let server = try ServerProcess(
                dataDirectory: directory.appendingPathComponent("data"),
                environment: Self.environment(directory: directory, integrations: url, fake: fake).merging([
                    "REMEDIATOR_RATE_LIMIT_HOST": "1000/1h", "REMEDIATOR_INTEGRATION_BREAKER_COOLDOWN_SECONDS": "2",
                ]) { $1 }
            )
            try await server.waitUntilListening()
            defer { server.terminate() }

            var incidents: [String] = []
            for index in 0..<6 {
                let body = #"{"alert_name":"QuickThing","title":"quick thing \#(index)","host":"localhost","fingerprint":"quick-\#(index)","external_id":"quick-\#(index)"}"#
                let answer = try await server.call(.POST, "/v1/alerts/generic", body: body)
                #expect(answer.status == 202)
                incidents += (answer.json["alerts"] as? [[String: Any]] ?? []).compactMap { $0["incident_id"] as? String }
            }
            #expect(Set(incidents).count == 6)

            // The pipeline is not held up: every incident is fixed and verified, and waits
            // in `resolved` for the integrations, its close job alive and not dead-lettered.
            try await Self.wait(for: incidents, on: server, toBeIn: ["resolved"], within: .seconds(60))
            try await Task.sleep(for: .seconds(8))
            for id in incidents {
                let detail = try await server.call(.GET, "/v1/incidents/\(id)").json
                #expect(detail["state"] as? String == "resolved")
                let close = (detail["jobs"] as? [[String: Any]] ?? []).last { $0["stage"] as? String == "close" }
                // Queued, or running when a worker holds the breaker's trial call right now.
                #expect(["queued", "running"].contains(close?["state"] as? String ?? ""), "\(close ?? [:])")
                // The breaker opened after five failures; from then on the closes wait for
                // it and spend no attempts, however long the outage.
                #expect((close?["attempts"] as? Int ?? 99) <= 5, "\(close ?? [:])")
            }
            // The breaker opened: closes were postponed instead of failing attempt after attempt.
            #expect(server.logTail(lines: 100_000).contains("stage postponed: webhook is down"))
            // ServiceNow was tried too while the webhook was down, not held up behind it.
            #expect(await !fake.requests.isEmpty)
            let refused = await fake.refused
            print("integration outage: \(refused) calls refused while down")

            await fake.setAvailable(true)
            try await Self.wait(for: incidents, on: server, toBeIn: ["closed"], within: .seconds(90))
            for id in incidents {
                let tickets = await fake.tickets(correlatedWith: id)
                #expect(tickets.count == 1, "incident \(id): \(tickets.count) tickets")
                #expect(tickets.first?["state"] == "6")
                #expect(await fake.arrivals["\(id)/close/webhook"] == 1)
                let timeline = try await server.call(.GET, "/v1/incidents/\(id)").json["timeline"] as? [[String: Any]] ?? []
                let delivered = timeline.filter { $0["action"] as? String == "integration.delivered" }
                    .compactMap { ($0["details"] as? [String: String])?["integration"] }
                #expect(delivered.sorted() == ["servicenow", "webhook"])
            }
        }
    }

    @Test("a node killed after a delivery took effect but before it knew: the next run sends it again under the same key, and nothing happens twice")
    func killedMidDelivery() async throws {
        let directory = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }

        let fake = FakeIntegrationServer()
        try await fake.serve { url in
            let data = directory.appendingPathComponent("data")
            let environment = Self.environment(directory: directory, integrations: url, fake: fake).merging(["REMEDIATOR_LEASE_SECONDS": "3"]) { $1 }

            // First run: the webhook receiver takes the notification but never answers.
            await fake.hold(.webhook)
            let first = try ServerProcess(dataDirectory: data, environment: environment)
            try await first.waitUntilListening()
            let body = #"{"alert_name":"QuickThing","title":"quick thing","host":"localhost","fingerprint":"quick-crash"}"#
            let answer = try await first.call(.POST, "/v1/alerts/generic", body: body)
            let incident = try #require((answer.json["alerts"] as? [[String: Any]])?.first?["incident_id"] as? String)
            let key = "\(incident)/close/webhook"
            try await Self.until("the webhook has the notification") { await fake.arrivals[key] == 1 }
            first.kill()

            // Second run: the webhook answers now; ServiceNow creates the ticket but the
            // answer never comes.
            await fake.hold(.serviceNowWrites)
            let second = try ServerProcess(dataDirectory: data, environment: environment)
            try await second.waitUntilListening()
            try await Self.until("ServiceNow has the ticket") { await !fake.tickets(correlatedWith: incident).isEmpty }
            second.kill()

            // Third run: nothing held. The close finishes without a second ticket.
            await fake.hold(.none)
            let third = try ServerProcess(dataDirectory: data, environment: environment)
            try await third.waitUntilListening()
            defer { third.terminate() }
            try await Self.wait(for: [incident], on: third, toBeIn: ["closed"], within: .seconds(60))

            // The webhook got it three times under one key with the same bytes; a receiver
            // keeping the first has one notification.
            #expect(await fake.arrivals[key] == 3)
            #expect(await fake.deliveries.count == 1)
            #expect(await fake.changedRedeliveries == 0)
            // ServiceNow was written once: the third run found the ticket and left it.
            let tickets = await fake.tickets(correlatedWith: incident)
            #expect(tickets.count == 1 && tickets.first?["state"] == "6")
            #expect(await fake.requests.filter { $0.method != "GET" }.count == 1)
            let detail = try await third.call(.GET, "/v1/incidents/\(incident)").json
            let completions = (detail["timeline"] as? [[String: Any]] ?? []).filter { $0["action"] as? String == "stage.completed" }
                .compactMap { ($0["details"] as? [String: String])?["stage"] }
            #expect(completions == ["enrich", "plan", "validate", "gate", "execute", "verify", "close"])
        }
    }

    /// A directory with the runbook in `runbooks/`; the caller removes it.
    static func scratchDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("remediator-itsm-\(UUID().uuidString)")
        let runbooks = directory.appendingPathComponent("runbooks")
        try FileManager.default.createDirectory(at: runbooks, withIntermediateDirectories: true)
        try runbook.write(to: runbooks.appendingPathComponent("quick.md"), atomically: true, encoding: .utf8)
        return directory
    }

    /// A node that runs the runbook here without a human and reports to the fake.
    static func environment(directory: URL, integrations url: URL, fake: FakeIntegrationServer) -> [String: String] {
        [
            "REMEDIATOR_RUNBOOK_DIRS": directory.appendingPathComponent("runbooks").path, "REMEDIATOR_EXECUTOR": "local",
            "REMEDIATOR_APPROVAL": "auto-allow", "REMEDIATOR_NOTIFY_WEBHOOK_URL": url.appending(path: "hook").absoluteString,
            "REMEDIATOR_SERVICENOW_URL": url.absoluteString, "REMEDIATOR_SERVICENOW_USER": fake.user,
            "REMEDIATOR_SERVICENOW_PASSWORD": fake.password,
        ]
    }

    /// Polls `condition` for up to 60 s.
    static func until(_ what: String, _ condition: @Sendable () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while try await !condition() {
            guard ContinuousClock.now < deadline else {
                Issue.record("timed out waiting until \(what)")
                return
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    static func wait(for incidents: [String], on server: ServerProcess, toBeIn states: Set<String>, within timeout: Duration) async throws {
        let deadline = ContinuousClock.now + timeout
        var pending = Set(incidents)
        while !pending.isEmpty {
            for id in pending {
                let state = try await server.call(.GET, "/v1/incidents/\(id)").json["state"] as? String ?? ""
                if states.contains(state) { pending.remove(id) }
            }
            guard !pending.isEmpty else { return }
            guard ContinuousClock.now < deadline else {
                Issue.record("\(pending.count) incidents not in \(states.sorted()) after \(timeout); the server's log ends:\n\(server.logTail())")
                return
            }
            try await Task.sleep(for: .milliseconds(200))
        }
    }
}
