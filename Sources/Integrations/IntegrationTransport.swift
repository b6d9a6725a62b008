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
            answer = try await exchange(request)
        } catch where Task.isCancelled {
            // The stage was stopped (shutdown), not answered: nothing about the service's health.
            breaker.recordNeutral()
            throw CancellationError()
        } catch {
            let host = URL(string: request.url)?.host ?? "the server"
            let timedOut = error is DeadlineExceeded
                || (error as? HTTPClientError).map { [.deadlineExceeded, .readTimeout, .connectTimeout].contains($0) } == true
            let what = timedOut ? "no complete answer from \(host) within \(timeout)" : "\(host) unreachable: \(error)"
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
            // Whatever a 401 or 403 says back is about the credentials: not kept.
            let detail = [401, 403].contains(answer.status) ? " (check the configured credentials)" : Self.excerpt(answer.body)
            throw IntegrationError(integration: integration, kind: .rejected(status: answer.status), message: "refused the request with \(answer.status)\(detail)")
        }
    }

    /// The request and the whole answer, body included, within ``timeout``: a server that
    /// sends headers and then stalls must not hold the stage (and its lease) forever.
    private func exchange(_ request: HTTPClientRequest) async throws -> Answer {
        try await withThrowingTaskGroup(of: Answer.self) { group in
            group.addTask {
                let response = try await httpClient.execute(request, timeout: .nanoseconds(Int64(timeout / .nanoseconds(1))))
                let body = try await response.body.collect(upTo: maximumResponseBytes)
                return Answer(status: Int(response.status.code), body: Data(buffer: body))
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw DeadlineExceeded()
            }
            defer { group.cancelAll() }
            guard let answer = try await group.next() else { throw DeadlineExceeded() }
            return answer
        }
    }

    struct DeadlineExceeded: Error {}

    /// Counts a failure worth retrying. Once it has opened the breaker the integration is
    /// down, not this request wrong: the caller waits for the breaker (uncounted) instead
    /// of spending its attempts, so an outage of any length ends in delivery, not in a
    /// dead letter.
    private func failure(_ error: IntegrationError) -> any Error {
        breaker.recordFailure()
        guard let wait = breaker.timeUntilTrial() else { return error }
        return IntegrationUnavailable(integration: integration, retryAfter: wait, reason: error.message)
    }

    /// The start of an error body on one line, for the job's error and the log: control
    /// and formatting characters (bidi overrides included) become spaces, and anything that
    /// looks like a credential echoed back by a proxy is cut off.
    static func excerpt(_ body: Data) -> String {
        var text = String(decoding: body.prefix(200), as: UTF8.self)
        if let echoed = text.range(of: "authorization", options: .caseInsensitive) ?? text.range(of: "basic ", options: .caseInsensitive) {
            text = String(text[..<echoed.lowerBound])
        }
        let scalars = text.unicodeScalars.map { scalar -> Unicode.Scalar in
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator: " "
            default: scalar
            }
        }
        let line = String(String.UnicodeScalarView(scalars)).trimmingCharacters(in: .whitespaces)
        return line.isEmpty ? "" : ": \(line)"
    }
}
