import Foundation
import Hummingbird
import RemediatorCore
import Server
import Testing

@Suite("Shadow mode API")
struct ShadowRoutesTests {
    @Test("a shadowed runbook's incident shows its plan, refuses approval, and GET /v1/shadow/report counts how it ended")
    func report() async throws {
        try await ServerHarness { $0.shadow = ShadowMode(runbooks: ["linux-disk-full"]) }.run { client in
            let id = try await client.postAlert("alertmanager", Payloads.diskFull)
            let shadow = try await client.waitForIncident(id, in: ["shadow"])
            #expect((shadow["shadow"] as? String)?.hasPrefix("runbook linux-disk-full is in shadow mode") == true)
            let hash = try #require((shadow["plan"] as? [String: Any])?["hash"] as? String)
            let approve = try await client.call(.post, "/v1/incidents/\(id)/approve", body: #"{"plan_hash":"\#(hash)"}"#)
            #expect(approve.status == .conflict, "\(approve.text)")

            var answer = try await client.call(.get, "/v1/shadow/report")
            #expect(answer.status == .ok)
            var runbooks = try #require(answer.json["runbooks"] as? [[String: Any]])
            #expect(runbooks.first?["runbook_id"] as? String == "linux-disk-full")
            #expect(runbooks.first?["open"] as? Int == 1)

            let resolved = Payloads.diskFull.replacingOccurrences(of: #""status":"firing","labels""#, with: #""status":"resolved","labels""#)
            _ = try await client.call(.post, "/v1/alerts/alertmanager", body: resolved)
            let closed = try await client.waitForIncident(id, in: ["closed"])
            #expect(closed["shadow_outcome"] as? String == "resolved_by_source")
            #expect((closed["executions"] as? [Any])?.isEmpty == true)

            answer = try await client.call(.get, "/v1/shadow/report")
            runbooks = try #require(answer.json["runbooks"] as? [[String: Any]])
            #expect(runbooks.first?["incidents"] as? Int == 1)
            #expect(runbooks.first?["resolved_by_source"] as? Int == 1)
            #expect(runbooks.first?["open"] as? Int == 0)
            #expect(try await client.call(.get, "/v1/shadow/report", key: nil).status == .unauthorized)
        }
    }
}
