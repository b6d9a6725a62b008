/// At most `limit` callers at once; the rest wait their turn in order. A caller cancelled
/// while waiting leaves the queue at once.
///
/// Used for LLM calls per provider and for SSH sessions per host and per node.
public actor ConcurrencyLimiter {
    private var available: Int
    private var waiters: [(id: UInt64, continuation: CheckedContinuation<Bool, Never>)] = []
    private var nextWaiterID: UInt64 = 0

    public init(limit: Int) {
        self.available = max(1, limit)
    }

    /// Runs `body` once a slot is free; throws `cancelled()` when the caller is cancelled
    /// while waiting.
    public func run<Value: Sendable, Failure: Error>(
        cancelled: @Sendable () -> Failure, _ body: @Sendable () async throws(Failure) -> Value
    ) async throws(Failure) -> Value {
        guard await acquire() else { throw cancelled() }
        defer { release() }
        return try await body()
    }

    /// `true` with a slot taken; `false` when the caller was cancelled first. A `true`
    /// must be matched by one ``release()``.
    public func acquire() async -> Bool {
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

    public func release() {
        if waiters.isEmpty {
            available += 1
        } else {
            waiters.removeFirst().continuation.resume(returning: true)
        }
    }

    private func leaveQueue(_ id: UInt64) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume(returning: false)
    }
}
