@testable import AWS
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import RemediatorCore

/// Bedrock Runtime's `Converse` endpoint played by a local server on 127.0.0.1.
///
/// It checks every request's SigV4 signature against the credentials it was given (a
/// wrong key, region or service is answered as AWS answers it), records what it received
/// and answers with the scripted replies in order, in Bedrock's wire format.
actor FakeBedrock {
    enum Answer: Sendable {
        /// A Converse answer with this body (JSON text).
        case converse(String)
        /// An AWS error: status, `x-amzn-ErrorType` code, message, optional `Retry-After`.
        case error(status: Int, code: String, message: String, retryAfter: String? = nil)
        /// No answer for this long (the client's timeout should fire first).
        case stall(Duration)
    }

    struct Received: Sendable {
        let path: String
        let body: JSONValue
        let signatureValid: Bool
    }

    let credentials: AWSCredentials
    let region: String
    private var answers: [Answer]
    private(set) var received: [Received] = []

    init(credentials: AWSCredentials, region: String = "us-east-1", answers: [Answer]) {
        self.credentials = credentials
        self.region = region
        self.answers = answers
    }

    func enqueue(_ answer: Answer) {
        answers.append(answer)
    }

    /// Runs `body` with the server listening; `body` gets the endpoint URL.
    func serve(_ body: @Sendable (URL) async throws -> Void) async throws {
        let router = Router()
        router.post("/model/:model/converse") { request, _ -> Response in
            let path = request.uri.path
            // HTTP/1's Host header arrives as the request's authority.
            let headers = [(name: "host", value: request.head.authority ?? "")] + request.headers.map { (name: $0.name.canonicalName, value: $0.value) }
            let bytes = try await request.body.collect(upTo: 8 << 20)
            return await self.answer(path: path, headers: headers, body: Data(buffer: bytes))
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            guard let port = client.port, let url = URL(string: "http://127.0.0.1:\(port)") else { throw FakeServerError.noPort }
            try await body(url)
        }
    }

    private func answer(path: String, headers: [(name: String, value: String)], body: Data) async -> Response {
        let signatureValid = verifySignature(path: path, headers: headers, body: body)
        let json = (try? JSONDecoder().decode(JSONValue.self, from: body)) ?? .null
        received.append(Received(path: path, body: json, signatureValid: signatureValid))
        guard signatureValid else {
            return Self.error(status: 403, code: "InvalidSignatureException", message: "The request signature we calculated does not match the signature you provided.")
        }
        let next = answers.isEmpty ? Answer.error(status: 500, code: "InternalServerException", message: "the fake has no scripted answer left") : answers.removeFirst()
        switch next {
        case .converse(let text):
            var response = Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: text)))
            response.headers[.contentType] = "application/json"
            response.headers[HTTPField.Name("x-amzn-RequestId")!] = UUID().uuidString.lowercased()
            return response
        case .error(let status, let code, let message, let retryAfter):
            var response = Self.error(status: status, code: code, message: message)
            if let retryAfter { response.headers[HTTPField.Name("Retry-After")!] = retryAfter }
            return response
        case .stall(let duration):
            try? await Task.sleep(for: duration)
            return Self.error(status: 500, code: "InternalServerException", message: "stalled")
        }
    }

    static func error(status: Int, code: String, message: String) -> Response {
        var response = Response(
            status: HTTPResponse.Status(code: status),
            body: .init(byteBuffer: ByteBuffer(string: #"{"message":"# + Self.jsonString(message) + "}"))
        )
        response.headers[.contentType] = "application/json"
        response.headers[HTTPField.Name("x-amzn-ErrorType")!] = "\(code):http://internal.amazon.com/coral/com.amazon.bedrock/"
        response.headers[HTTPField.Name("x-amzn-RequestId")!] = UUID().uuidString.lowercased()
        return response
    }

    static func jsonString(_ text: String) -> String {
        String(decoding: (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8), as: UTF8.self)
    }

    /// Recomputes the signature from what arrived, as AWS does: the headers the
    /// Authorization names, the path as sent, the body's hash, scope `bedrock`.
    private func verifySignature(path: String, headers: [(name: String, value: String)], body: Data) -> Bool {
        guard let authorization = headers.first(where: { $0.name.lowercased() == "authorization" })?.value,
              let amzDate = headers.first(where: { $0.name.lowercased() == "x-amz-date" })?.value,
              let signedPart = authorization.split(separator: " ").first(where: { $0.hasPrefix("SignedHeaders=") }) else { return false }
        let signedNames = signedPart.dropFirst("SignedHeaders=".count).split(separator: ",")[0].split(separator: ";").map(String.init)
        let signed = headers.filter { signedNames.contains($0.name.lowercased()) }
        let signer = SigV4Signer(credentials: credentials, region: region, service: "bedrock")
        let request = SigV4Signer.Request(method: "POST", path: path, headers: signed, body: body)
        return signer.authorization(for: request, amzDate: amzDate) == authorization
    }
}

enum FakeServerError: Error {
    case noPort
}
