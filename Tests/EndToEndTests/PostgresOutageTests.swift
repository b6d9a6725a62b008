import Foundation
import NIOHTTP1
import Synchronization
import Testing

/// A node on a PostgreSQL of its own (`scripts/postgres/start.sh`), which the test stops and
/// starts again while alerts keep arriving.
@Suite("PostgreSQL outage", .serialized, .enabled(if: ProcessInfo.processInfo.environment["REMEDIATOR_TEST_DATABASE_URL"] != nil))
struct PostgresOutageTests {
    @Test("PostgreSQL stopped under load: ingest answers 503 within the connection wait, recovers without a restart, and loses nothing it accepted")
    func stopAndStart() async throws {
        let cluster = try await PrivatePostgres()
        defer { cluster.remove() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("remediator-outage-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let node = try ServerProcess(dataDirectory: directory, environment: [
            "REMEDIATOR_DATABASE_URL": cluster.url, "REMEDIATOR_SECRET_KEY": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
            "REMEDIATOR_WORKERS": "2",
            // A claim whose answer the outage cut off leaves its jobs leased: they are taken
            // over when the lease expires.
            "REMEDIATOR_LEASE_SECONDS": "5",
        ])
        defer { node.terminate() }
        try await node.waitUntilListening()

        let load = LoadRecord()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for sender in 0..<4 {
                group.addTask {
                    var index = 0
                    while !load.stopped {
                        index += 1
                        let started = ContinuousClock.now
                        let current = load.phase
                        let body = #"{"alert_name":"Outage","title":"alert \#(sender)-\#(index)","host":"db-\#(sender)-\#(index)"}"#
                        let answer = try? await node.call(.POST, "/v1/alerts/generic", body: body)
                        let alert = ((answer?.json["alerts"] as? [[String: Any]])?.first?["id"]) as? String
                        load.record(Answer(
                            phase: current, answeredIn: load.phase, status: answer?.status ?? 0, code: (answer?.json["error"] as? [String: Any])?["code"] as? String,
                            alert: alert, took: ContinuousClock.now - started
                        ))
                        try await Task.sleep(for: .milliseconds(20))
                    }
                }
            }
            try await Task.sleep(for: .seconds(2))
            // Calls sent from now on may meet the server going down.
            load.phase = .down
            try await cluster.control("stop")
            try await Task.sleep(for: .seconds(8))
            try await cluster.control("start")
            load.phase = .restarted
            // Ingest must be back within a short while, without restarting the node.
            let deadline = ContinuousClock.now + .seconds(60)
            while ContinuousClock.now < deadline {
                let recovered = load.answers.filter { $0.phase == .restarted && $0.status == 202 }.count
                if recovered >= 20 { break }
                try await Task.sleep(for: .milliseconds(200))
            }
            load.stopped = true
            try await group.waitForAll()
        }

        let all = load.answers
        // Calls answered before the stop; those in flight at the stop may be refused.
        let before = all.filter { $0.phase == .before && $0.answeredIn == .before }
        let down = all.filter { $0.phase == .down }
        let after = all.filter { $0.phase == .restarted }
        #expect(!before.isEmpty && before.allSatisfy { $0.status == 202 }, "\(before.map(\.status))")
        // While PostgreSQL is down: 503 `unavailable`, answered within the connection wait
        // (5 s) plus slack for a loaded machine; never a 500, never a hang.
        let refused = down.filter { $0.status != 202 }
        #expect(!refused.isEmpty)
        #expect(refused.allSatisfy { $0.status == 503 && $0.code == "unavailable" }, "\(Set(refused.map { "\($0.status) \($0.code ?? "-")" }))")
        #expect(down.allSatisfy { $0.took < .seconds(12) }, "\(down.map(\.took).max() ?? .zero)")
        #expect(after.filter { $0.status == 202 }.count >= 20, "ingest recovers after the restart: \(Set(after.map(\.status)))")
        #expect(after.allSatisfy { $0.status == 202 || $0.status == 503 })

        // Everything answered 202 is in the database.
        let accepted = all.compactMap { $0.status == 202 ? $0.alert : nil }
        let stored = Set(try await cluster.rows("SELECT id FROM alerts"))
        #expect(accepted.allSatisfy(stored.contains), "\(accepted.filter { !stored.contains($0) }.count) accepted alerts missing")
        let ready = try await node.call(.GET, "/readyz")
        #expect(ready.status == 200)
        let verify = try await node.call(.GET, "/v1/audit/verify")
        #expect(verify.json["valid"] as? Bool == true, "\(verify.json)")

        // The workers went on too: every job of the accepted alerts ends (the incidents then
        // wait for a human).
        var pending = ""
        for _ in 0..<120 {
            pending = try await cluster.rows("SELECT count(*) FROM jobs WHERE state IN ('queued', 'running')").first ?? ""
            if pending == "0" { break }
            try await Task.sleep(for: .milliseconds(500))
        }
        #expect(pending == "0", "jobs still pending a minute after the restart")

        // And the node still shuts down cleanly: no operation is left waiting on a dead connection.
        Foundation.kill(node.process.processIdentifier, SIGTERM)
        for _ in 0..<300 where node.process.isRunning {
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(!node.process.isRunning, "the node did not exit within 30 s of SIGTERM")
        if !node.process.isRunning {
            #expect(node.process.terminationStatus == 0)
        }
    }

    enum Phase: Sendable { case before, down, restarted }

    /// What the senders saw, and the phase they are in.
    final class LoadRecord: Sendable {
        private let state = Mutex((phase: Phase.before, stopped: false, answers: [Answer]()))

        var phase: Phase {
            get { state.withLock { $0.phase } }
            set { state.withLock { $0.phase = newValue } }
        }

        var stopped: Bool {
            get { state.withLock { $0.stopped } }
            set { state.withLock { $0.stopped = newValue } }
        }

        var answers: [Answer] { state.withLock { $0.answers } }

        func record(_ answer: Answer) {
            state.withLock { $0.answers.append(answer) }
        }
    }

    struct Answer: Sendable {
        var phase: Phase
        var answeredIn: Phase
        var status: Int
        var code: String?
        var alert: String?
        var took: Duration
    }
}
