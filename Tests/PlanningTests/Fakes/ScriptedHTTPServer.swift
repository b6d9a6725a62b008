import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import RemediatorCore

/// A local HTTP server on 127.0.0.1 that records every POST and answers with scripted
/// replies in order: the stand-in for OpenAI-compatible and Anthropic APIs, whose exact
/// answers (bodies, error envelopes, throttling headers) each test writes out.
actor ScriptedHTTPServer {
    struct Reply: Sendable {
        var status: Int
        var headers: [(String, String)] = []
        var body: String
    }

    struct Received: Sendable {
        let path: String
        let query: String?
        let headers: [(name: String, value: String)]
        let body: JSONValue

        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    private var replies: [Reply]
    private(set) var received: [Received] = []

    init(_ replies: [Reply]) {
        self.replies = replies
    }

    static func json(_ body: String, status: Int = 200, headers: [(String, String)] = []) -> Reply {
        Reply(status: status, headers: [("Content-Type", "application/json")] + headers, body: body)
    }

    func serve(_ body: @Sendable (URL) async throws -> Void) async throws {
        let router = Router()
        router.post("**") { request, _ -> Response in
            let headers = request.headers.map { (name: $0.name.canonicalName, value: $0.value) }
            let bytes = try await request.body.collect(upTo: 8 << 20)
            return await self.answer(path: request.uri.path, query: request.uri.query, headers: headers, body: Data(buffer: bytes))
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            guard let port = client.port, let url = URL(string: "http://127.0.0.1:\(port)") else { throw FakeServerError.noPort }
            try await body(url)
        }
    }

    private func answer(path: String, query: String?, headers: [(name: String, value: String)], body: Data) -> Response {
        received.append(Received(path: path, query: query, headers: headers, body: (try? JSONDecoder().decode(JSONValue.self, from: body)) ?? .null))
        let reply = replies.isEmpty ? ScriptedHTTPServer.json(#"{"error":{"message":"no scripted reply left","type":"server_error"}}"#, status: 500) : replies.removeFirst()
        var response = Response(status: HTTPResponse.Status(code: reply.status), body: .init(byteBuffer: ByteBuffer(string: reply.body)))
        for (name, value) in reply.headers {
            if let field = HTTPField.Name(name) { response.headers[field] = value }
        }
        return response
    }
}
