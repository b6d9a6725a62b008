public import AsyncHTTPClient
public import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import RemediatorCore

/// Posts JSON to an LLM API and hands back the answer, whatever its status; transport
/// failures and timeouts become ``LLMProviderError``s.
public struct LLMHTTPClient: Sendable {
    public let httpClient: HTTPClient
    public let timeout: Duration
    /// Answers larger than this are refused rather than buffered.
    public let maximumResponseBytes: Int

    public init(httpClient: HTTPClient = .shared, timeout: Duration, maximumResponseBytes: Int = 8 << 20) {
        self.httpClient = httpClient
        self.timeout = timeout
        self.maximumResponseBytes = maximumResponseBytes
    }

    public struct Answer: Sendable {
        public let status: Int
        public let headers: [(name: String, value: String)]
        public let body: Data

        public func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }

        /// `retry-after-ms` (OpenAI), else `Retry-After`.
        public var retryAfter: Duration? {
            if let milliseconds = header("retry-after-ms").flatMap(Double.init), milliseconds >= 0 { return .milliseconds(Int64(milliseconds)) }
            return header("retry-after").flatMap { RetryAfter.parse($0) }
        }
    }

    public func post(_ url: URL, headers: [(name: String, value: String)], body: Data, provider: String) async throws(LLMProviderError) -> Answer {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Accept", value: "application/json")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(data: body))
        do {
            let response = try await httpClient.execute(request, timeout: .nanoseconds(Int64(timeout / .nanoseconds(1))))
            let data = Data(buffer: try await response.body.collect(upTo: maximumResponseBytes))
            return Answer(status: Int(response.status.code), headers: response.headers.map { (name: $0.name, value: $0.value) }, body: data)
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
            throw LLMProviderError(kind: .timeout, provider: provider, message: "no answer from \(url.host ?? "the server") within \(timeout)")
        } catch {
            throw LLMProviderError(kind: .unavailable, provider: provider, message: "\(url.host ?? "the server"): \(error)")
        }
    }

    /// The kind of failure an HTTP status means for an LLM API.
    public static func kind(ofStatus status: Int) -> LLMProviderError.Kind {
        switch status {
        case 401, 403: .authentication
        case 408: .timeout
        case 429: .throttled
        case 500...: .unavailable
        default: .rejected
        }
    }
}
