import Foundation
import Hummingbird
import Server
import Testing
import Yams

@Suite("OpenAPI document")
struct OpenAPIDocumentTests {
    @Test("GET /openapi.yaml serves the document without a key, and it describes the routes the server has")
    func served() async throws {
        try await ServerHarness().run { client in
            let answer = try await client.call(.get, "/openapi.yaml", key: nil)
            #expect(answer.status == .ok)
            #expect(answer.headers[.contentType]?.hasPrefix("application/yaml") == true)
            let document = try #require(try Yams.load(yaml: answer.text) as? [String: Any])
            #expect(document["openapi"] as? String == "3.0.3")
            let paths = try #require(document["paths"] as? [String: Any])
            for path in [
                "/healthz", "/readyz", "/metrics", "/openapi.yaml", "/v1/alerts/{segment}", "/v1/incidents", "/v1/incidents/{id}",
                "/v1/incidents/{id}/approve", "/v1/scripts/validate", "/v1/audit/verify", "/v1/execution/pause", "/v1/inventory",
                "/v1/shadow/report", "/v1/secrets/{name}",
            ] {
                #expect(paths[path] != nil, "\(path) is not in the document")
            }
            // Every documented GET without parameters answers as documented (not 404).
            for (path, item) in paths where !path.contains("{") {
                guard let operations = item as? [String: Any], operations["get"] != nil else { continue }
                let status = try await client.call(.get, path).status
                #expect(status != .notFound && status.code < 500, "GET \(path) answered \(status.code)")
            }
        }
    }
}
