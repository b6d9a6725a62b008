public import AsyncHTTPClient
public import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// Sends signed requests to AWS JSON APIs: the transport the Bedrock and SSM clients share.
public struct AWSClient: Sendable {
    public let httpClient: HTTPClient
    public let credentials: AWSCredentials
    public let region: String
    /// Answers larger than this are refused rather than buffered.
    public let maximumResponseBytes: Int

    public init(httpClient: HTTPClient = .shared, credentials: AWSCredentials, region: String, maximumResponseBytes: Int = 16 << 20) {
        self.httpClient = httpClient
        self.credentials = credentials
        self.region = region
        self.maximumResponseBytes = maximumResponseBytes
    }

    /// POSTs `body` to `path` under `endpoint`, signed for `signingName`, and returns the
    /// body of a 2xx answer. Anything else throws the service's error, or `Transport` /
    /// `Timeout` when no answer came.
    ///
    /// - Parameter path: percent-encoded, as sent (`/model/amazon.nova-pro-v1%3A0/converse`).
    public func post(
        endpoint: URL, path: String, signingName: String, headers extraHeaders: [(name: String, value: String)] = [], body: Data,
        timeout: Duration, now: Date = Date()
    ) async throws(AWSServiceError) -> Data {
        let basePath = endpoint.path.hasSuffix("/") ? String(endpoint.path.dropLast()) : endpoint.path
        let fullPath = basePath + path
        guard let host = endpoint.host, let scheme = endpoint.scheme else {
            throw AWSServiceError(code: "Transport", message: "\(endpoint) has no host", statusCode: nil)
        }
        let defaultPort = scheme.lowercased() == "https" ? 443 : 80
        let hostHeader = endpoint.port.map { $0 == defaultPort ? host : "\(host):\($0)" } ?? host
        var headers: [(name: String, value: String)] = [(name: "Host", value: hostHeader)] + extraHeaders
        let signer = SigV4Signer(credentials: credentials, region: region, service: signingName)
        headers += signer.signatureHeaders(for: SigV4Signer.Request(method: "POST", path: fullPath, headers: headers, body: body), at: now)

        var request = HTTPClientRequest(url: "\(scheme)://\(hostHeader)\(fullPath)")
        request.method = .POST
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(data: body))
        let response: HTTPClientResponse
        let data: Data
        do {
            response = try await httpClient.execute(request, timeout: .nanoseconds(Int64(timeout / .nanoseconds(1))))
            data = Data(buffer: try await response.body.collect(upTo: maximumResponseBytes))
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
            throw AWSServiceError(code: "Timeout", message: "no answer from \(hostHeader) within \(timeout)", statusCode: nil)
        } catch {
            throw AWSServiceError(code: "Transport", message: "\(hostHeader): \(error)", statusCode: nil)
        }
        guard (200..<300).contains(Int(response.status.code)) else {
            throw AWSServiceError.fromResponse(
                statusCode: Int(response.status.code), headers: response.headers.map { (name: $0.name, value: $0.value) }, body: data
            )
        }
        return data
    }

    /// POSTs `request` encoded as JSON and decodes the 2xx answer: what the JSON APIs
    /// (Bedrock's REST JSON, SSM's JSON 1.1) share. An answer that is not the documented
    /// JSON is `MalformedResponse`, never a crash.
    public func postJSON<Request: Encodable, Answer: Decodable>(
        _ request: Request, to endpoint: URL, path: String, signingName: String, headers: [(name: String, value: String)],
        timeout: Duration, operation: String
    ) async throws(AWSServiceError) -> Answer {
        let body: Data
        do {
            body = try JSONEncoder().encode(request)
        } catch {
            throw AWSServiceError(code: "SerializationException", message: "the \(operation) request cannot be encoded: \(error)", statusCode: nil)
        }
        let answer = try await post(endpoint: endpoint, path: path, signingName: signingName, headers: headers, body: body, timeout: timeout)
        do {
            return try JSONDecoder().decode(Answer.self, from: answer.isEmpty ? Data("{}".utf8) : answer)
        } catch {
            throw AWSServiceError(code: "MalformedResponse", message: "the \(operation) answer is not the documented JSON: \(error)", statusCode: 200)
        }
    }
}
