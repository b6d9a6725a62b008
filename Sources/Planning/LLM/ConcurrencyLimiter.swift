/// At most `limit` calls in flight to one provider; the rest wait their turn in order.
public actor ConcurrencyLimiter {
    private var available: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []

    public init(limit: Int) {
        self.available = max(1, limit)
    }

    /// Runs `body` once a slot is free.
    public func run<Value: Sendable>(_ body: @Sendable () async throws(LLMProviderError) -> Value) async throws(LLMProviderError) -> Value {
        await acquire()
        defer { release() }
        return try await body()
    }

    private func acquire() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    private func release() {
        if waiters.isEmpty {
            available += 1
        } else {
            waiters.removeFirst().resume()
        }
    }
}
