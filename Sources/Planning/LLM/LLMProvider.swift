/// A chat model behind an HTTP API: Bedrock Converse, OpenAI-compatible chat
/// completions, Anthropic Messages.
///
/// A provider makes one call; retries, the circuit breaker and the concurrency limit are
/// the planner's, so they work the same for every provider.
public protocol LLMProvider: Sendable {
    /// `bedrock`, `openai`, `anthropic`.
    var name: String { get }
    var model: String { get }

    func complete(_ request: LLMRequest) async throws(LLMProviderError) -> LLMReply
}

/// A call that brought no usable reply, sorted by what the caller can do about it.
public struct LLMProviderError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// 429 or a throttling code: wait (``retryAfter`` when the provider said) and retry.
        case throttled
        /// 5xx, a lost connection, a model not ready: retry after a backoff.
        case unavailable
        /// No answer in time.
        case timeout
        /// Bad or expired credentials, no access to the model: retrying will not help.
        case authentication
        /// The provider refused the request as malformed or unsupported.
        case rejected
        /// The answer was not the provider's documented format.
        case malformedReply
    }

    public let kind: Kind
    public let provider: String
    public let message: String
    public let statusCode: Int?
    public let retryAfter: Duration?

    public init(kind: Kind, provider: String, message: String, statusCode: Int? = nil, retryAfter: Duration? = nil) {
        self.kind = kind
        self.provider = provider
        self.message = message
        self.statusCode = statusCode
        self.retryAfter = retryAfter
    }

    /// Whether the same call may succeed later.
    public var isRetryable: Bool {
        kind == .throttled || kind == .unavailable || kind == .timeout
    }

    public var description: String {
        "\(provider): \(kind)\(statusCode.map { " (HTTP \($0))" } ?? ""): \(message)"
    }
}
