/// At most `limit` calls in flight to one provider; the rest wait their turn in order.
/// A caller cancelled while waiting leaves the queue at once.
public actor ConcurrencyLimiter {
    private var available: Int
    private var waiters: [(id: UInt64, continuation: CheckedContinuation<Bool, Never>)] = []
    private var nextWaiterID: UInt64 = 0

    public init(limit: Int) {
        self.available = max(1, limit)
    }

    /// Runs `body` once a slot is free.
    public func run<Value: Sendable>(_ body: @Sendable () async throws(LLMProviderError) -> Value) async throws(LLMProviderError) -> Value {
        guard await acquire() else {
            throw LLMProviderError(kind: .timeout, provider: "limiter", message: "cancelled while waiting for a free call slot")
        }
        defer { release() }
        return try await body()
    }

    /// `true` with a slot taken; `false` when the caller was cancelled first.
    private func acquire() async -> Bool {
        if available > 0 {
            available -= 1
            return true
        }
        let id = nextWaiterID
        nextWaiterID += 1
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                if Task.isCancelled {
                    continuation.resume(returning: false)
                } else {
                    waiters.append((id: id, continuation: continuation))
                }
            }
        } onCancel: {
            Task { await self.leaveQueue(id) }
        }
    }

    private func leaveQueue(_ id: UInt64) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume(returning: false)
    }

    private func release() {
        if waiters.isEmpty {
            available += 1
        } else {
            waiters.removeFirst().continuation.resume(returning: true)
        }
    }
}
