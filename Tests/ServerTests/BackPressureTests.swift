import Foundation
import HTTPTypes
import Hummingbird
import Server
import Testing

@Suite("Back-pressure")
struct BackPressureTests {
    @Test("past max_queue_depth pending jobs, ingest answers 429 with Retry-After and stores nothing; everything accepted before is kept")
    func refusesPastTheLimit() async throws {
        // An ingest-only node: nothing works the queue, so it only grows.
        try await ServerHarness {
            $0.workers = 0
            $0.planWorkers = 0
            $0.executionWorkers = 0
            $0.maxQueueDepth = 3
        }.run { client in
            var accepted = 0
            var refusal: ServerHarness.Client.Answer?
            let deadline = ContinuousClock.now + .seconds(20)
            while refusal == nil, ContinuousClock.now < deadline {
                let answer = try await client.call(.post, "/v1/alerts/generic", body: Payloads.generic(title: "disk \(accepted)", host: "web-\(accepted)"))
                if answer.status == .accepted {
                    accepted += 1
                } else {
                    refusal = answer
                }
                try await Task.sleep(for: .milliseconds(20))
            }
            let refused = try #require(refusal, "ingest never pushed back")
            #expect(refused.status == .tooManyRequests, "\(refused.text)")
            #expect(refused.errorCode == "overloaded")
            #expect(refused.errorMessage?.contains("limit 3") == true, "\(refused.text)")
            let retryAfter = try #require(refused.headers[.retryAfter].flatMap(Int.init))
            #expect((1...60).contains(retryAfter))
            #expect(accepted >= 3)
            // Every accepted alert opened its incident; the refused one left nothing.
            let listing = try await client.call(.get, "/v1/incidents?limit=100")
            #expect((listing.json["incidents"] as? [Any])?.count == accepted)
            // Reading stays open while ingest is refused.
            #expect(try await client.call(.get, "/v1/incidents?limit=1").status == .ok)
        }
    }

    @Test("max_queue_depth 0 never refuses")
    func unlimited() async throws {
        try await ServerHarness {
            $0.workers = 0
            $0.planWorkers = 0
            $0.executionWorkers = 0
            $0.maxQueueDepth = 0
        }.run { client in
            for index in 0..<8 {
                let answer = try await client.call(.post, "/v1/alerts/generic", body: Payloads.generic(title: "disk \(index)", host: "web-\(index)"))
                #expect(answer.status == .accepted)
                try await Task.sleep(for: .milliseconds(50))
            }
        }
    }
}
