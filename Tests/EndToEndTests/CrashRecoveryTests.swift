import Foundation
import NIOHTTP1
import Testing

@Suite("Crash recovery", .serialized)
struct CrashRecoveryTests {
    /// A runbook whose steps take a moment and leave a trace, so the kill lands mid-stage.
    static func runbook(trace: String) -> String {
        """
        ---
        id: slow-fix
        title: Slow fix
        platform: linux
        timeout_seconds: 30
        match:
          alert_names: [SlowThing]
        ---
        ```bash diagnose
        sleep 0.05
        ```

        ```bash remediate
        printf '%s\\n' "$INCIDENT_ID" >> \(trace)
        sleep 0.05
        ```

        ```bash verify
        true
        ```
        """
    }

    @Test("SIGKILL with jobs in flight loses nothing, and no stage completes twice")
    func killAndRestart() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("remediator-crash-\(UUID().uuidString)")
        let runbooks = directory.appendingPathComponent("runbooks")
        try FileManager.default.createDirectory(at: runbooks, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let trace = directory.appendingPathComponent("remediations.log").path
        try Self.runbook(trace: trace).write(to: runbooks.appendingPathComponent("slow.md"), atomically: true, encoding: .utf8)
        // Hundreds of runs on this one host: the rate limits (tested elsewhere) are lifted.
        let environment = [
            "REMEDIATOR_RUNBOOK_DIRS": runbooks.path, "REMEDIATOR_EXECUTOR": "local",
            "REMEDIATOR_APPROVAL": "auto-allow", "REMEDIATOR_WORKERS": "4",
            "REMEDIATOR_RATE_LIMIT_HOST": "100000/1h", "REMEDIATOR_RATE_LIMIT_RUNBOOK": "100000/1h",
        ]
        let data = directory.appendingPathComponent("data")

        let first = try ServerProcess(dataDirectory: data, environment: environment)
        try await first.waitUntilListening()
        var accepted: [(alert: String, incident: String)] = []
        try await withThrowingTaskGroup(of: [(String, String)].self) { group in
            for client in 0..<8 {
                group.addTask {
                    var mine: [(String, String)] = []
                    for index in 0..<25 {
                        // The local executor acts only on this host, so every alert names it.
                        let body = #"{"alert_name":"SlowThing","title":"slow thing \#(client)-\#(index)","host":"localhost","external_id":"slow-\#(client)-\#(index)"}"#
                        guard let answer = try? await first.call(.POST, "/v1/alerts/generic", body: body), answer.status == 202,
                              let alert = (answer.json["alerts"] as? [[String: Any]])?.first,
                              let id = alert["id"] as? String, let incident = alert["incident_id"] as? String else { continue }
                        mine.append((id, incident))
                    }
                    return mine
                }
            }
            for try await batch in group { accepted += batch }
        }
        #expect(accepted.count == 200)
        // Let the pipeline get going, then pull the plug mid-flight.
        try await Task.sleep(for: .milliseconds(700))
        first.kill()
        let tracedBeforeKill = ((try? String(contentsOfFile: trace, encoding: .utf8)) ?? "").split(separator: "\n").count
        #expect(tracedBeforeKill < 200, "the kill should land while work is still pending")

        let second = try ServerProcess(dataDirectory: data, environment: environment)
        try await second.waitUntilListening()
        defer { second.terminate() }
        let settled: Set<String> = ["closed", "failed", "escalated", "blocked", "rejected", "awaiting_approval", "dead_letter"]
        let deadline = ContinuousClock.now + .seconds(120)
        var states: [String: String] = [:]
        for (_, incident) in accepted {
            while true {
                let answer = try await second.call(.GET, "/v1/incidents/\(incident)")
                let state = answer.json["state"] as? String ?? "missing"
                states[incident] = state
                if settled.contains(state) || ContinuousClock.now > deadline { break }
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        #expect(states.values.allSatisfy { settled.contains($0) }, "\(Dictionary(grouping: states.values, by: { $0 }).mapValues(\.count))")

        for (alert, incident) in accepted {
            let stored = try await second.call(.GET, "/v1/alerts/\(alert)")
            #expect(stored.status == 200, "accepted alert \(alert) was lost")
            let detail = try await second.call(.GET, "/v1/incidents/\(incident)")
            let completions = (detail.json["timeline"] as? [[String: Any]] ?? [])
                .filter { $0["action"] as? String == "stage.completed" }
                .compactMap { ($0["details"] as? [String: String])?["stage"] }
            #expect(completions.count == Set(completions).count, "incident \(incident) completed a stage twice: \(completions)")
            if states[incident] == "closed" {
                #expect(completions == ["enrich", "plan", "validate", "gate", "execute", "verify", "close"])
            }
        }
        let lines = ((try? String(contentsOfFile: trace, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        #expect(lines.count == Set(lines).count, "a remediation ran twice for the same incident")
        let closed = states.values.filter { $0 == "closed" }.count
        #expect(closed >= 190, "most incidents should finish; states: \(Dictionary(grouping: states.values, by: { $0 }).mapValues(\.count))")
        let verify = try await second.call(.GET, "/v1/audit/verify")
        #expect(verify.json["valid"] as? Bool == true)
    }
}
