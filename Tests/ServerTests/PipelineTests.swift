import Engine
import Foundation
import Hummingbird
import Server
import Testing

@Suite("Alert to fix, over HTTP")
struct PipelineTests {
    @Test("an alert becomes a validated plan, waits for approval, runs as a dry run and closes, all audited")
    func walkthrough() async throws {
        try await ServerHarness().run { client in
            let id = try await client.postAlert("alertmanager", Payloads.diskFull)
            let waiting = try await client.waitForIncident(id, in: ["awaiting_approval"])
            let plan = try #require(waiting["plan"] as? [String: Any])
            let safety = try #require(waiting["safety"] as? [String: Any])
            let hash = try #require(plan["hash"] as? String)
            #expect(plan["runbook_id"] as? String == "linux-disk-full")
            #expect(safety["verdict"] as? String == "allow")
            #expect(safety["plan_hash"] as? String == hash)
            let environment = try #require(plan["environment"] as? [String: String])
            #expect(environment["ALERT_HOST"] == "web-1")
            #expect(environment["ALERT_LABEL_MOUNTPOINT"] == "/var")
            let context = try #require(waiting["context"] as? [String: Any])
            #expect((context["runbooks"] as? [[String: Any]])?.first?["id"] as? String == "linux-disk-full")

            let wrong = try await client.call(.post, "/v1/incidents/\(id)/approve", body: #"{"plan_hash":"\#(String(repeating: "0", count: 64))"}"#)
            #expect(wrong.status == .conflict)
            #expect(wrong.errorMessage?.contains("not the incident's current plan") == true)

            let approved = try await client.call(.post, "/v1/incidents/\(id)/approve", body: #"{"plan_hash":"\#(hash)","comment":"checked"}"#)
            #expect(approved.status == .ok, "\(approved.text)")

            let closed = try await client.waitForIncident(id, in: ["closed"])
            let executions = try #require(closed["executions"] as? [[String: Any]])
            #expect(executions.map { $0["step"] as? String } == ["diagnose", "remediate", "verify"])
            #expect(executions.allSatisfy { $0["status"] as? String == "dry_run" && $0["host"] as? String == "web-1" })
            #expect((executions[1]["stdout"] as? String)?.contains("# dry run: nothing was executed") == true)
            let approvals = try #require(closed["approvals"] as? [[String: Any]])
            #expect(approvals.count == 1)
            #expect(approvals[0]["plan_hash"] as? String == hash)
            #expect(approvals[0]["actor"] as? String == "key:bootstrap-admin")
            let states = (closed["timeline"] as? [[String: Any]] ?? [])
                .filter { $0["action"] as? String == "incident.state_changed" }
                .compactMap { ($0["details"] as? [String: String])?["to"] }
            #expect(states == ["enriched", "planned", "awaiting_approval", "approved", "executing", "verifying", "resolved", "closed"])

            let verify = try await client.call(.get, "/v1/audit/verify")
            #expect(verify.json["valid"] as? Bool == true)
            #expect((verify.json["checked"] as? Int ?? 0) > 10)
        }
    }

    @Test("an alert no runbook matches is escalated to a human")
    func escalates() async throws {
        try await ServerHarness().run { client in
            let id = try await client.postAlert("generic", Payloads.generic(title: "Quarterly revenue below forecast"))
            let incident = try await client.waitForIncident(id, in: ["escalated"])
            #expect((incident["state_reason"] as? String)?.contains("no runbook matched") == true)
            #expect(incident["plan"] == nil)
        }
    }

    @Test("a plan the validator blocks can never be approved")
    func blockedCannotBeApproved() async throws {
        let runbooks = FileManager.default.temporaryDirectory.appendingPathComponent("runbooks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: runbooks, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: runbooks) }
        let dangerous = """
        ---
        id: wipe-everything
        title: Wipe everything
        platform: linux
        match:
          alert_names: [WipeMe]
        ---
        ```bash remediate
        rm -rf --no-preserve-root /
        ```

        ```bash verify
        true
        ```
        """
        try dangerous.write(to: runbooks.appendingPathComponent("wipe.md"), atomically: true, encoding: .utf8)
        try await ServerHarness { $0.runbookDirectories = [runbooks.path] }.run { client in
            let id = try await client.postAlert("generic", Payloads.generic(title: "please wipe", alertName: "WipeMe"))
            let incident = try await client.waitForIncident(id, in: ["blocked"])
            let hash = try #require((incident["plan"] as? [String: Any])?["hash"] as? String)
            #expect((incident["safety"] as? [String: Any])?["verdict"] as? String == "block")
            let answer = try await client.call(.post, "/v1/incidents/\(id)/approve", body: #"{"plan_hash":"\#(hash)"}"#)
            #expect(answer.status == .conflict)
            #expect(answer.errorCode == "conflict")
            #expect(answer.errorMessage?.contains("blocked") == true, "\(answer.text)")
            #expect(answer.errorMessage?.contains("destroy.rm") == true, "\(answer.text)")
            let after = try await client.call(.get, "/v1/incidents/\(id)")
            #expect(after.json["state"] as? String == "blocked")
            #expect((after.json["approvals"] as? [Any])?.isEmpty == true)
            #expect((after.json["executions"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("the source resolving the alert before approval resolves the incident and drops the plan")
    func sourceResolves() async throws {
        try await ServerHarness().run { client in
            let id = try await client.postAlert("alertmanager", Payloads.diskFull)
            _ = try await client.waitForIncident(id, in: ["awaiting_approval"])
            let resolved = Payloads.diskFull.replacingOccurrences(of: #""status":"firing","labels""#, with: #""status":"resolved","labels""#)
            let answer = try await client.call(.post, "/v1/alerts/alertmanager", body: resolved)
            #expect((answer.json["alerts"] as? [[String: Any]])?.first?["action"] as? String == "resolved")
            let incident = try await client.waitForIncident(id, in: ["closed"])
            #expect((incident["executions"] as? [Any])?.isEmpty == true)
            let late = try await client.call(.post, "/v1/incidents/\(id)/approve", body: #"{"plan_hash":"\#(String(repeating: "a", count: 64))"}"#)
            #expect(late.status == .conflict)
        }
    }

    @Test("a rejected plan does not run")
    func reject() async throws {
        try await ServerHarness().run { client in
            let id = try await client.postAlert("alertmanager", Payloads.diskFull)
            let waiting = try await client.waitForIncident(id, in: ["awaiting_approval"])
            let hash = try #require((waiting["plan"] as? [String: Any])?["hash"] as? String)
            let answer = try await client.call(.post, "/v1/incidents/\(id)/reject", body: #"{"plan_hash":"\#(hash)","comment":"not during business hours"}"#)
            #expect(answer.json["state"] as? String == "rejected")
            try await Task.sleep(for: .milliseconds(300))
            let after = try await client.call(.get, "/v1/incidents/\(id)")
            #expect(after.json["state"] as? String == "rejected")
            #expect((after.json["executions"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("auto-allow mode runs a fully allowed plan without a human, recording the policy as approver")
    func autoAllow() async throws {
        try await ServerHarness { $0.approvalMode = .autoAllow }.run { client in
            let id = try await client.postAlert("alertmanager", Payloads.diskFull)
            let closed = try await client.waitForIncident(id, in: ["closed"])
            let approvals = try #require(closed["approvals"] as? [[String: Any]])
            #expect(approvals.first?["actor"] as? String == "policy:auto-allow")
        }
    }

    @Test("duplicate alerts join the open incident")
    func dedup() async throws {
        try await ServerHarness().run { client in
            let first = try await client.postAlert("alertmanager", Payloads.diskFull)
            let second = try await client.postAlert("alertmanager", Payloads.diskFull)
            #expect(first == second)
            let incident = try await client.call(.get, "/v1/incidents/\(first)")
            #expect(incident.json["alert_count"] as? Int == 2)
            let list = try await client.call(.get, "/v1/incidents")
            #expect((list.json["incidents"] as? [Any])?.count == 1)
        }
    }
}
