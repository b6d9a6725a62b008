import Foundation
import IntegrationFakes
import NIOHTTP1
import Testing

@Suite("Ticket system and webhook outage")
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
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("remediator-itsm-\(UUID().uuidString)")
        let runbooks = directory.appendingPathComponent("runbooks")
        try FileManager.default.createDirectory(at: runbooks, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.runbook.write(to: runbooks.appendingPathComponent("quick.md"), atomically: true, encoding: .utf8)

        let fake = FakeIntegrationServer()
        await fake.setAvailable(false)
        try await fake.serve { url in
            let server = try ServerProcess(dataDirectory: directory.appendingPathComponent("data"), environment: [
                "REMEDIATOR_RUNBOOK_DIRS": runbooks.path, "REMEDIATOR_EXECUTOR": "local", "REMEDIATOR_APPROVAL": "auto-allow",
                "REMEDIATOR_RATE_LIMIT_HOST": "1000/1h",
                "REMEDIATOR_NOTIFY_WEBHOOK_URL": url.appending(path: "hook").absoluteString,
                "REMEDIATOR_SERVICENOW_URL": url.absoluteString, "REMEDIATOR_SERVICENOW_USER": fake.user,
                "REMEDIATOR_SERVICENOW_PASSWORD": fake.password, "REMEDIATOR_INTEGRATION_BREAKER_COOLDOWN_SECONDS": "2",
            ])
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
                #expect(close?["state"] as? String == "queued")
                // The breaker opened after five failures; from then on the closes wait for
                // it and spend no attempts, however long the outage.
                #expect((close?["attempts"] as? Int ?? 99) <= 5, "\(close ?? [:])")
            }
            // The breaker opened: closes were postponed instead of failing attempt after attempt.
            #expect(server.logTail(lines: 100_000).contains("stage postponed: webhook is down"))
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
