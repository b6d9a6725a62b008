import Synchronization

/// Counts what LLM planning does and costs, for `/metrics`: calls per provider and
/// outcome, tokens, dollars, runbook fallbacks and plan-cache hits.
public final class LLMUsageMeter: Sendable {
    public struct Snapshot: Sendable, Equatable {
        /// Calls by provider and outcome (`ok` or an error kind such as `throttled`).
        public var calls: [CallKey: Int] = [:]
        public var inputTokens: [String: Int] = [:]
        public var outputTokens: [String: Int] = [:]
        public var costUSD: [String: Double] = [:]
        public var fallbacks = 0
        public var cacheHits = 0
        public var cacheMisses = 0
    }

    public struct CallKey: Sendable, Hashable, Comparable {
        public var provider: String
        public var outcome: String

        public static func < (lhs: CallKey, rhs: CallKey) -> Bool {
            (lhs.provider, lhs.outcome) < (rhs.provider, rhs.outcome)
        }
    }

    private let state = Mutex(Snapshot())

    public init() {}

    func recordCall(provider: String, outcome: String, usage: TokenUsage = .zero, cost: Double = 0) {
        state.withLock { state in
            state.calls[CallKey(provider: provider, outcome: outcome), default: 0] += 1
            state.inputTokens[provider, default: 0] += usage.inputTokens
            state.outputTokens[provider, default: 0] += usage.outputTokens
            state.costUSD[provider, default: 0] += cost
        }
    }

    func recordFallback() {
        state.withLock { $0.fallbacks += 1 }
    }

    func recordCache(hit: Bool) {
        state.withLock { state in
            if hit { state.cacheHits += 1 } else { state.cacheMisses += 1 }
        }
    }

    public var snapshot: Snapshot {
        state.withLock { $0 }
    }
}
