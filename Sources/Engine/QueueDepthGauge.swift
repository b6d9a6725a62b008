import Foundation
public import RemediatorCore
public import ServiceLifecycle
import Synchronization

/// How full the job queue is, sampled in the background so that ingest can refuse new
/// work when the node is too far behind without a count query per request.
///
/// Past ``limit`` pending jobs, ``overload`` says so and how long to wait: ingest answers
/// 429 with `Retry-After` instead of queueing work the node cannot get to. Nothing already
/// accepted is affected; a refused alert was never accepted.
public final class QueueDepthGauge: Service, Sendable {
    /// Refusal details: the depth seen, the limit and the wait to suggest.
    public struct Overload: Sendable, Equatable {
        public let depth: Int
        public let limit: Int
        public let retryAfterSeconds: Int
    }

    private struct State {
        var depth = 0
        var sampledAt: ContinuousClock.Instant?
        /// Jobs finished per second, smoothed over the samples where the queue shrank.
        var drainPerSecond: Double?
    }

    private let store: any JobQueue
    /// 0 turns the limit off.
    public let limit: Int
    private let interval: Duration
    private let state = Mutex(State())

    public init(store: any JobQueue, limit: Int, interval: Duration = .milliseconds(250)) {
        self.store = store
        self.limit = max(0, limit)
        self.interval = interval
    }

    /// Set while the queue holds at least ``limit`` jobs.
    public var overload: Overload? {
        guard limit > 0 else { return nil }
        return state.withLock { state in
            guard state.depth >= limit else { return nil }
            // Long enough for the node to work the queue back under the limit, from the
            // rate it has been draining at; 5 s when it has not been seen draining.
            let excess = Double(state.depth - limit + 1)
            let wait = state.drainPerSecond.map { excess / max($0, 0.1) } ?? 5
            return Overload(depth: state.depth, limit: limit, retryAfterSeconds: Int(min(60, max(1, wait.rounded(.up)))))
        }
    }

    public func run() async throws {
        guard limit > 0 else {
            // A service that returns ends the group: wait for shutdown instead.
            try? await gracefulShutdown()
            return
        }
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await self.sample()
                try? await Task.sleep(for: self.interval)
            }
        }
    }

    /// Reads the depth once; a failed read keeps the last value (the store being down is
    /// reported by ingest itself).
    public func sample() async {
        guard let depth = try? await store.pendingJobCount() else { return }
        let now = ContinuousClock.now
        state.withLock { state in
            if let last = state.sampledAt, depth < state.depth {
                let seconds = (now - last).timeInterval
                if seconds > 0 {
                    let rate = Double(state.depth - depth) / seconds
                    state.drainPerSecond = state.drainPerSecond.map { 0.7 * $0 + 0.3 * rate } ?? rate
                }
            }
            state.depth = depth
            state.sampledAt = now
        }
    }
}
