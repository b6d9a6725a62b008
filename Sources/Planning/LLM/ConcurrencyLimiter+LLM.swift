public import RemediatorCore

extension ConcurrencyLimiter {
    /// Runs an LLM call once a slot is free; a caller cancelled while waiting gets a
    /// timeout error, as if the call had not answered.
    public func run<Value: Sendable>(_ body: @Sendable () async throws(LLMProviderError) -> Value) async throws(LLMProviderError) -> Value {
        try await run(cancelled: {
            LLMProviderError(kind: .timeout, provider: "limiter", message: "cancelled while waiting for a free call slot")
        }, body)
    }
}
