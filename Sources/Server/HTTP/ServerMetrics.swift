public import Planning
import Synchronization

/// Counters for `/metrics`, kept in memory per process.
public final class ServerMetrics: Sendable {
    private let alertsAccepted = Atomic<Int>(0)
    private let ingestRequests = Atomic<Int>(0)
    private let ingestRejected = Atomic<Int>(0)
    /// LLM calls, tokens, cost, fallbacks and plan-cache hits.
    public let llm = LLMUsageMeter()

    public init() {}

    func recordIngest(alerts: Int) {
        ingestRequests.add(1, ordering: .relaxed)
        alertsAccepted.add(alerts, ordering: .relaxed)
    }

    func recordRejectedIngest() {
        ingestRejected.add(1, ordering: .relaxed)
    }

    var snapshot: (alerts: Int, requests: Int, rejected: Int) {
        (alertsAccepted.load(ordering: .relaxed), ingestRequests.load(ordering: .relaxed), ingestRejected.load(ordering: .relaxed))
    }
}
