import AsyncHTTPClient
import Foundation
import IntegrationFakes
import NIOCore
import NIOHTTP1
import Synchronization
import Testing

/// Three real `remediator serve` nodes on one real PostgreSQL (`scripts/test.sh` starts it
/// and exports `REMEDIATOR_TEST_DATABASE_URL`), one of them SIGKILLed while alerts are
/// still arriving and stages are running.
@Suite("Several nodes on PostgreSQL", .serialized, .enabled(if: ProcessInfo.processInfo.environment["REMEDIATOR_TEST_DATABASE_URL"] != nil))
struct MultiNodeTests {
    static let alerts = 10_000
    static let fingerprints = 50

    @Test("10,000 alerts across three nodes, one killed mid-run: every accepted alert processed, every stage, remediation, ticket and notification once")
    func threeNodesOneKilled() async throws {
        // ServiceNow and the webhook receiver every node reports closed incidents to.
        let fake = FakeIntegrationServer()
        try await fake.serve { url in
            try await run(integrations: url, fake: fake)
        }
    }

    func run(integrations url: URL, fake: FakeIntegrationServer) async throws {
        let server = try #require(ProcessInfo.processInfo.environment["REMEDIATOR_TEST_DATABASE_URL"])
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("remediator-nodes-\(UUID().uuidString)")
        let runbooks = directory.appendingPathComponent("runbooks")
        try FileManager.default.createDirectory(at: runbooks, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let trace = directory.appendingPathComponent("remediations.log").path
        try CrashRecoveryTests.runbook(trace: trace).write(to: runbooks.appendingPathComponent("slow.md"), atomically: true, encoding: .utf8)

        let database = try PostgresScratchDatabase(server: server)
        defer { database.drop() }
        let environment = [
            "REMEDIATOR_DATABASE_URL": database.url, "REMEDIATOR_SECRET_KEY": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
            "REMEDIATOR_RUNBOOK_DIRS": runbooks.path, "REMEDIATOR_EXECUTOR": "local", "REMEDIATOR_APPROVAL": "auto-allow",
            "REMEDIATOR_WORKERS": "4", "REMEDIATOR_LEASE_SECONDS": "5",
            "REMEDIATOR_RATE_LIMIT_HOST": "100000/1h", "REMEDIATOR_RATE_LIMIT_RUNBOOK": "100000/1h",
            "REMEDIATOR_NOTIFY_WEBHOOK_URL": url.appending(path: "hook").absoluteString,
            "REMEDIATOR_SERVICENOW_URL": url.absoluteString, "REMEDIATOR_SERVICENOW_USER": fake.user, "REMEDIATOR_SERVICENOW_PASSWORD": fake.password,
        ]
        var launched: [ServerProcess] = []
        defer { launched.forEach { $0.terminate() } }
        for index in 1...3 {
            var own = environment
            own["REMEDIATOR_NODE_ID"] = "node-\(index)"
            let node = try ServerProcess(dataDirectory: directory.appendingPathComponent("node-\(index)"), environment: own)
            launched.append(node)
            try await node.waitUntilListening()
        }
        let nodes = launched

        // 24 senders spread the alerts over the nodes; a refused or failed request is sent
        // to the next node, as Alertmanager would. Node 2 dies when 3,000 are in. A node
        // that refuses connections fails the call at once (by default the client would keep
        // trying to connect until the call's timeout).
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        defer { _ = client.shutdown() }
        let progress = Progress(killAt: 3_000)
        let started = ContinuousClock.now
        let accepted = try await withThrowingTaskGroup(of: [(alert: String, incident: String)].self) { group in
            for sender in 0..<24 {
                group.addTask {
                    var mine: [(alert: String, incident: String)] = []
                    var index = sender
                    while index < Self.alerts {
                        let body = #"{"alert_name":"SlowThing","title":"slow thing \#(index)","host":"localhost","fingerprint":"fp-\#(index % Self.fingerprints)","external_id":"a-\#(index)"}"#
                        for attempt in 0..<6 {
                            let node = nodes[(index + attempt) % nodes.count]
                            guard let answer = try? await node.call(.POST, "/v1/alerts/generic", body: body, timeout: .seconds(10), client: client), answer.status == 202,
                                  let alert = (answer.json["alerts"] as? [[String: Any]])?.first,
                                  let id = alert["id"] as? String, let incident = alert["incident_id"] as? String else {
                                try await Task.sleep(for: .milliseconds(20))
                                continue
                            }
                            mine.append((id, incident))
                            if progress.acceptedOneShouldKill() {
                                // The signal only: reaping the process waits for the end of the test.
                                Foundation.kill(nodes[1].process.processIdentifier, SIGKILL)
                            }
                            break
                        }
                        index += 24
                    }
                    return mine
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        let sending = ContinuousClock.now - started
        #expect(progress.killed)
        #expect(accepted.count == Self.alerts, "every alert is accepted by a live node")

        // The pipeline settles: node 2's leases expire and the others take its jobs over.
        let unsettled = "('received', 'enriched', 'planned', 'approved', 'executing', 'verifying', 'resolved')"
        let deadline = ContinuousClock.now + .seconds(300)
        var remaining = try await database.scalar("SELECT count(*) FROM incidents WHERE state IN \(unsettled)")
        while remaining != "0", ContinuousClock.now < deadline {
            try await Task.sleep(for: .seconds(1))
            remaining = try await database.scalar("SELECT count(*) FROM incidents WHERE state IN \(unsettled)")
        }
        let states = try await database.rows("SELECT state, count(*) FROM incidents GROUP BY state ORDER BY state")
        #expect(remaining == "0", "\(states)")

        // Every accepted alert is stored with the incident it was answered with.
        let stored = Dictionary(uniqueKeysWithValues: try await database.rows("SELECT id, incident_id FROM alerts").map { ($0[0], $0[1]) })
        let lost = accepted.filter { stored[$0.alert] != $0.incident }
        #expect(lost.isEmpty, "\(lost.count) accepted alerts lost or moved, e.g. \(lost.prefix(3))")
        let incidents = Set(accepted.map(\.incident))

        // Each stage completed once per incident, whichever node ran it.
        let twiceAudited = try await database.rows("""
            SELECT subject, details::jsonb ->> 'stage', count(*) FROM audit_events WHERE action = 'stage.completed'
            GROUP BY 1, 2 HAVING count(*) > 1
            """)
        #expect(twiceAudited.isEmpty, "\(twiceAudited.prefix(3))")
        let twiceDone = try await database.rows("SELECT incident_id, stage FROM jobs WHERE state = 'done' GROUP BY 1, 2 HAVING count(*) > 1")
        #expect(twiceDone.isEmpty, "\(twiceDone.prefix(3))")
        let closed = Set(try await database.rows("SELECT id FROM incidents WHERE state = 'closed'").map { $0[0] })
        #expect(closed.count * 100 >= incidents.count * 95, "most incidents close: \(states)")

        // Every remediation ran once: the runbook's trace holds each closed incident exactly once.
        let lines = ((try? String(contentsOfFile: trace, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        #expect(lines.count == Set(lines).count, "a remediation ran twice for the same incident")
        #expect(closed.isSubset(of: Set(lines)))
        let succeeded = try await database.scalar("""
            SELECT count(*) FROM executions e JOIN incidents i ON i.id = e.incident_id
            WHERE i.state = 'closed' AND e.role = 'remediate' AND e.status = 'succeeded'
            """)
        #expect(succeeded == String(closed.count))
        // An incident that did not close is one the kill cut off inside a step (remediation
        // or verification): the step is `interrupted`, its outcome unknown, and a human
        // looks. None failed for any other reason.
        let unexplained = try await database.rows("""
            SELECT i.id, i.state FROM incidents i WHERE i.state <> 'closed'
            AND NOT EXISTS (SELECT 1 FROM executions e WHERE e.incident_id = i.id AND e.status = 'interrupted')
            """)
        #expect(unexplained.isEmpty, "\(unexplained.prefix(3))")

        // Every closed incident has one ServiceNow ticket, written once (created resolved;
        // a redelivery finds it and writes nothing), and one webhook notification: a
        // redelivery after the kill carries the same idempotency key and is dropped.
        let tickets = await fake.tickets
        let ticketsPerIncident = Dictionary(grouping: tickets.values, by: { $0["correlation_id"] ?? "" })
        #expect(Set(ticketsPerIncident.keys) == closed, "\(ticketsPerIncident.count) incidents with tickets, \(closed.count) closed")
        #expect(ticketsPerIncident.values.allSatisfy { $0.count == 1 && $0[0]["state"] == "6" })
        let writes = await fake.requests.filter { $0.method != "GET" }.count
        #expect(writes == closed.count, "\(writes) ticket writes for \(closed.count) closed incidents")
        let deliveries = await fake.deliveries
        #expect(Set(deliveries.keys) == Set(closed.map { "\($0)/close/webhook" }))
        let arrivals = await fake.arrivals.values.reduce(0, +)
        let auditedTwice = try await database.rows("""
            SELECT subject, details::jsonb ->> 'integration', count(*) FROM audit_events WHERE action = 'integration.delivered'
            GROUP BY 1, 2 HAVING count(*) > 1
            """)
        #expect(auditedTwice.isEmpty, "\(auditedTwice.prefix(3))")
        let audited = try await database.scalar("SELECT count(*) FROM audit_events WHERE action = 'integration.delivered'")
        #expect(audited == String(2 * closed.count))

        // The nodes shared the work, and the killed node's leases were taken over.
        // Actors are `worker:NODE/LANE`.
        let actors = try await database.rows("SELECT DISTINCT actor FROM audit_events WHERE action = 'stage.completed'").map { $0[0] }
        let workers = Set(actors.map { $0.split(separator: "/").first.map(String.init) ?? $0 })
        #expect(workers.isSuperset(of: ["worker:node-1", "worker:node-2", "worker:node-3"]), "\(workers)")
        let retaken = try await database.scalar("SELECT count(*) FROM jobs WHERE attempts > 1 AND state <> 'queued'")
        #expect((Int(retaken) ?? 0) > 0)
        print(
            "three nodes: \(accepted.count) alerts accepted in \(sending), \(incidents.count) incidents \(states), \(retaken) jobs run more than once,",
            "\(tickets.count) tickets in \(writes) writes, \(deliveries.count) notifications (\(arrivals - deliveries.count) redeliveries dropped by key)"
        )

        let verify = try await nodes[0].call(.GET, "/v1/audit/verify")
        #expect(verify.json["valid"] as? Bool == true, "\(verify.json)")
    }
}

/// Counts accepted alerts and says when the one that should trigger the kill arrives.
final class Progress: Sendable {
    private let state = Mutex((accepted: 0, killed: false))
    private let killAt: Int

    init(killAt: Int) {
        self.killAt = killAt
    }

    func acceptedOneShouldKill() -> Bool {
        state.withLock { state in
            state.accepted += 1
            guard state.accepted >= killAt, !state.killed else { return false }
            state.killed = true
            return true
        }
    }

    var killed: Bool { state.withLock { $0.killed } }
}
