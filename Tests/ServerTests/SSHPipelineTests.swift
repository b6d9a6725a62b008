import Execution
import Foundation
import Hummingbird
import RemediatorCore
import Server
import Testing

/// The whole pipeline against the real OpenSSH server `scripts/test.sh` starts.
@Suite("Alert to fix over SSH", .enabled(if: ProcessInfo.processInfo.environment["REMEDIATOR_TEST_SSHD_DIR"] != nil))
struct SSHPipelineTests {
    static let runbook = """
        ---
        id: e2e-marker
        title: Record that the fix ran
        platform: linux
        timeout_seconds: 30
        match:
          alert_names: [MarkerMissing]
        ---
        ```bash remediate
        printf 'fixed %s as %s\\n' "$ALERT_HOST" "$(id -un)"
        ```

        ```bash verify
        test "$(id -un)" != root
        ```
        """

    @Test("an approved plan runs on an inventory host over SSH with a key from the secret store, verifies and closes")
    func overSSH() async throws {
        let environment = ProcessInfo.processInfo.environment
        let directory = try #require(environment["REMEDIATOR_TEST_SSHD_DIR"])
        let port = try #require(environment["REMEDIATOR_TEST_SSHD_PORT"].flatMap(Int.init))
        let user = try #require(environment["REMEDIATOR_TEST_SSHD_USER"])
        let hostKey = try String(contentsOfFile: "\(directory)/host_ed25519.pub", encoding: .utf8).split(separator: " ").prefix(2).joined(separator: " ")
        let key = try String(contentsOfFile: "\(directory)/user_ed25519", encoding: .utf8)
        let runbooks = FileManager.default.temporaryDirectory.appendingPathComponent("runbooks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: runbooks, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: runbooks) }
        try Self.runbook.write(to: runbooks.appendingPathComponent("e2e-marker.md"), atomically: true, encoding: .utf8)
        let inventory = try InventoryLoader.load(yaml: """
            hosts:
              - name: app-1
                address: 127.0.0.1
                port: \(port)
                executor: ssh
                user: \(user)
                credential: app-1-key
                host_key: \(hostKey)
            """, origin: "test")

        try await ServerHarness {
            $0.inventory = inventory
            $0.runbookDirectories = [runbooks.path]
        }.run { client in
            let stored = try await client.call(.put, "/v1/secrets/app-1-key", body: String(decoding: try JSONSerialization.data(withJSONObject: ["value": key]), as: UTF8.self))
            #expect(stored.status == .ok, "\(stored.text)")
            let id = try await client.postAlert("generic", Payloads.generic(title: "marker missing", host: "app-1", alertName: "MarkerMissing"))
            let waiting = try await client.waitForIncident(id, in: ["awaiting_approval"])
            let hash = try #require((waiting["plan"] as? [String: Any])?["hash"] as? String)
            let approved = try await client.call(.post, "/v1/incidents/\(id)/approve", body: #"{"plan_hash":"\#(hash)"}"#)
            #expect(approved.status == .ok, "\(approved.text)")
            let closed = try await client.waitForIncident(id, in: ["closed", "failed"], timeout: .seconds(60))
            #expect(closed["state"] as? String == "closed", "\(closed["state_reason"] ?? "")")
            let executions = try #require(closed["executions"] as? [[String: Any]])
            #expect(executions.map { $0["step"] as? String } == ["remediate", "verify"])
            #expect(executions.allSatisfy { $0["executor"] as? String == "ssh" && $0["status"] as? String == "succeeded" })
            #expect(executions.first?["stdout"] as? String == "fixed app-1 as \(user)\n")
            #expect((executions.first?["command"] as? String)?.hasPrefix("ssh \(user)@127.0.0.1:\(port)") == true)
        }
    }
}
