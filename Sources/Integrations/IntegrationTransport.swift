public import AsyncHTTPClient
public import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
public import RemediatorCore

/// Sends one integration's HTTP requests behind its circuit breaker and sorts the answers
/// into success, worth-retrying and refused.
///
/// While the breaker is open no request goes out: callers get ``IntegrationUnavailable``
/// at once, and the close stage waits for the breaker instead of spending attempts. A
/// failure that opens (or reopens) the breaker is reported the same way.
public struct IntegrationTransport: Sendable {
    public struct Answer: Sendable {
        public let status: Int
        public let body: Data
    }

    public let integration: String
    public let httpClient: HTTPClient
    public let timeout: Duration
    public let breaker: CircuitBreaker
    /// Answers larger than this are refused rather than buffered.
    let maximumResponseBytes = 1 << 20

    public init(integration: String, httpClient: HTTPClient = .shared, timeout: Duration = .seconds(10), breaker: CircuitBreaker = CircuitBreaker()) {
        self.integration = integration
        self.httpClient = httpClient
        self.timeout = timeout
        self.breaker = breaker
    }

    /// Sends `request` and returns a 2xx answer; anything else throws.
    public func send(_ request: HTTPClientRequest) async throws -> Answer {
        guard breaker.allowsCall() else {
            throw IntegrationUnavailable(integration: integration, retryAfter: breaker.timeUntilTrial() ?? .seconds(1), reason: "circuit breaker open")
        }
        let answer: Answer
        do {
            let response = try await httpClient.execute(request, timeout: .nanoseconds(Int64(timeout / .nanoseconds(1))))
            let body = try await response.body.collect(upTo: maximumResponseBytes)
            answer = Answer(status: Int(response.status.code), body: Data(buffer: body))
        } catch {
            let host = URL(string: request.url)?.host ?? "the server"
            let what = (error as? HTTPClientError).map { [.deadlineExceeded, .readTimeout, .connectTimeout].contains($0) } == true
                ? "no answer from \(host) within \(timeout)" : "\(host) unreachable: \(error)"
            throw failure(IntegrationError(integration: integration, kind: .unreachable, message: what))
        }
        switch answer.status {
        case 200..<300:
            breaker.recordSuccess()
            return answer
        case 408, 429, 500...:
            throw failure(IntegrationError(integration: integration, kind: .unavailable(status: answer.status), message: "answered \(answer.status)\(Self.excerpt(answer.body))"))
        default:
            // The service is up and said no: not its health, our request or credentials.
            breaker.recordNeutral()
            throw IntegrationError(integration: integration, kind: .rejected(status: answer.status), message: "refused the request with \(answer.status)\(Self.excerpt(answer.body))")
        }
    }

    /// Counts a failure worth retrying. Once it has opened the breaker the integration is
    /// down, not this request wrong: the caller waits for the breaker (uncounted) instead
    /// of spending its attempts, so an outage of any length ends in delivery, not in a
    /// dead letter.
    private func failure(_ error: IntegrationError) -> any Error {
        breaker.recordFailure()
        guard let wait = breaker.timeUntilTrial() else { return error }
        return IntegrationUnavailable(integration: integration, retryAfter: wait, reason: error.message)
    }

    /// The start of an error body on one line, for the job's error and the log.
    static func excerpt(_ body: Data) -> String {
        let text = String(decoding: body.prefix(200), as: UTF8.self)
            .map { $0.isNewline || $0.asciiValue.map { $0 < 0x20 } == true ? " " : String($0) }
            .joined()
            .trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? "" : ": \(text)"
    }
}
