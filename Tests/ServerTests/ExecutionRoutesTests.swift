import Foundation
import Hummingbird
import Server
import Testing

@Suite("Kill switch API")
struct ExecutionRoutesTests {
    @Test("operators may pause, only admins resume; the state says who paused and why")
    func pauseAndResume() async throws {
        let harness = ServerHarness()
        let operatorKey = try await harness.addOperatorKey()
        try await harness.run { client in
            #expect(try await client.call(.get, "/v1/execution").json["paused"] as? Bool == false)
            let bad = try await client.call(.post, "/v1/execution/pause", body: #"{"reason": "  "}"#, key: operatorKey)
            #expect(bad.status == .unprocessableContent, "\(bad.text)")
            #expect(try await client.call(.post, "/v1/execution/pause", body: "{}", key: operatorKey).status == .unprocessableContent)

            let paused = try await client.call(.post, "/v1/execution/pause", body: #"{"reason": "wrong fleet"}"#, key: operatorKey)
            #expect(paused.status == .ok, "\(paused.text)")
            let state = try await client.call(.get, "/v1/execution", key: operatorKey).json
            #expect(state["paused"] as? Bool == true)
            #expect(state["reason"] as? String == "wrong fleet")
            #expect((state["actor"] as? String)?.contains("oncall") == true)

            #expect(try await client.call(.post, "/v1/execution/resume", body: "{}", key: operatorKey).status == .forbidden)
            #expect(try await client.call(.get, "/v1/execution").json["paused"] as? Bool == true)
            #expect(try await client.call(.post, "/v1/execution/resume", body: "{}").status == .ok)
            #expect(try await client.call(.get, "/v1/execution").json["paused"] as? Bool == false)
            #expect(try await client.call(.post, "/v1/execution/pause", body: #"{"reason": "x"}"#, key: nil).status == .unauthorized)
        }
    }
}
