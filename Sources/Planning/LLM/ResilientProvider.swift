public import RemediatorCore

/// A provider wrapped in the reliability every LLM call gets: a concurrency limit,
/// retries with exponential backoff and jitter that honour `Retry-After`, and a circuit
/// breaker that fails fast while the provider is down.
///
/// Only retryable failures (throttling, 5xx, timeouts, lost connections) are retried; a
/// wait the provider asks for beyond ``Policy/maximumRetryAfter`` is not waited out, so a
/// stage never sleeps for minutes: the planner falls back instead.
public struct ResilientProvider: LLMProvider {
    public struct Policy: Sendable {
        public var maximumAttempts = 3
        public var baseDelay: Duration = .milliseconds(500)
        public var maximumDelay: Duration = .seconds(10)
        public var maximumRetryAfter: Duration = .seconds(30)

        public init() {}
    }

    public var name: String { base.name }
    public var model: String { base.model }
    let base: any LLMProvider
    let policy: Policy
    public let breaker: CircuitBreaker
    let limiter: ConcurrencyLimiter

    public init(_ base: any LLMProvider, policy: Policy = Policy(), breaker: CircuitBreaker = CircuitBreaker(), maximumConcurrentCalls: Int = 4) {
        self.base = base
        self.policy = policy
        self.breaker = breaker
        self.limiter = ConcurrencyLimiter(limit: maximumConcurrentCalls)
    }

    public func complete(_ request: LLMRequest) async throws(LLMProviderError) -> LLMReply {
        try await limiter.run { () async throws(LLMProviderError) -> LLMReply in
            var attempt = 1
            while true {
                guard breaker.allowsCall() else {
                    throw LLMProviderError(kind: .unavailable, provider: name, message: "circuit open after repeated failures; not calling \(name) for now")
                }
                do throws(LLMProviderError) {
                    let reply = try await base.complete(request)
                    breaker.recordSuccess()
                    return reply
                } catch {
                    guard error.isRetryable || error.kind == .authentication else {
                        breaker.recordNeutral()
                        throw error
                    }
                    breaker.recordFailure()
                    guard error.isRetryable, attempt < policy.maximumAttempts else { throw error }
                    let delay = error.retryAfter ?? backoff(attempt: attempt)
                    guard delay <= policy.maximumRetryAfter else { throw error }
                    do {
                        try await Task.sleep(for: delay)
                    } catch {
                        throw LLMProviderError(kind: .timeout, provider: name, message: "cancelled while waiting to retry")
                    }
                    attempt += 1
                }
            }
        }
    }

    /// `base × 2^(attempt-1)`, capped, with up to half of it as random jitter so that
    /// throttled callers do not retry in step.
    func backoff(attempt: Int) -> Duration {
        let exponential = policy.baseDelay * (1 << min(attempt - 1, 20))
        let capped = min(exponential, policy.maximumDelay)
        return capped / 2 + capped / 2 * Double.random(in: 0...1)
    }
}
