public import Logging
public import RemediatorCore
public import ServiceLifecycle
import Synchronization

/// Durable ingest with group commit.
///
/// Concurrent webhook calls are committed together: while one transaction is being
/// written, the calls that arrive queue up and go into the next one. Each caller returns
/// only after its own alerts are committed, so "accepted" always means "durable", and
/// the disk's fsync cost is shared instead of paid per alert.
public final class IngestService: Service, CustomStringConvertible {
    private struct Pending {
        var request: IngestRequest
        var continuation: CheckedContinuation<[IngestedAlert], any Error>
    }

    private struct State {
        var queue: [Pending] = []
        var accepting = true
    }

    private let store: any IngestStore
    private let signal: WorkSignal
    private let maxBatch: Int
    private let logger: Logger
    private let state = Mutex(State())
    private let wakeups: AsyncStream<Void>
    private let wakeup: AsyncStream<Void>.Continuation

    public var description: String { "IngestService(batches of up to \(maxBatch))" }

    public init(store: any IngestStore, signal: WorkSignal, maxBatch: Int, logger: Logger) {
        self.store = store
        self.signal = signal
        self.maxBatch = max(1, maxBatch)
        self.logger = logger
        (wakeups, wakeup) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Commits the request's alerts and returns what became of each.
    ///
    /// - Throws: ``StoreError`` with code `unavailable` when the store cannot commit or
    ///   the service is shutting down; nothing of the request is stored then.
    public func submit(_ request: IngestRequest) async throws -> [IngestedAlert] {
        try await withCheckedThrowingContinuation { continuation in
            let accepted = state.withLock { state -> Bool in
                guard state.accepting else { return false }
                state.queue.append(Pending(request: request, continuation: continuation))
                return true
            }
            if accepted {
                wakeup.yield()
            } else {
                continuation.resume(throwing: StoreError.unavailable("the server is shutting down; send the alert again"))
            }
        }
    }

    public func run() async throws {
        await withGracefulShutdownHandler {
            for await _ in wakeups {
                await drain()
            }
        } onGracefulShutdown: {
            self.state.withLock { $0.accepting = false }
            self.wakeup.finish()
        }
        // Whatever was accepted before shutdown is still committed.
        state.withLock { $0.accepting = false }
        await drain()
    }

    private func drain() async {
        while true {
            let batch = state.withLock { state -> [Pending] in
                let count = min(maxBatch, state.queue.count)
                let batch = Array(state.queue.prefix(count))
                state.queue.removeFirst(count)
                return batch
            }
            guard !batch.isEmpty else { return }
            await commit(batch)
        }
    }

    private func commit(_ batch: [Pending]) async {
        do {
            let started = ContinuousClock.now
            let results = try await store.ingest(batch.map(\.request))
            logger.trace("ingest batch committed", metadata: ["requests": "\(batch.count)", "duration": "\(ContinuousClock.now - started)"])
            for (pending, result) in zip(batch, results) {
                pending.continuation.resume(returning: result)
            }
            signal.notify()
        } catch let error as StoreError where error.code == .unavailable {
            // The store is down (the batch waited out the connection wait): the calls that
            // queued meanwhile get the same 503 now rather than each waiting that long again.
            let waiting = state.withLock { state -> [Pending] in
                defer { state.queue.removeAll() }
                return state.queue
            }
            for pending in batch + waiting { pending.continuation.resume(throwing: error) }
        } catch where batch.count == 1 {
            batch[0].continuation.resume(throwing: error)
        } catch {
            // One request should not sink the others: commit them one by one.
            logger.warning("a grouped ingest commit failed; committing its requests one by one", metadata: ["error": "\(error)"])
            for pending in batch {
                await commit([pending])
            }
        }
    }
}
