import Hummingbird
import Logging
import Planning
import RemediatorCore

/// `/healthz`, `/readyz` and `/metrics`: unauthenticated, and free of tenant data.
struct OperationsRoutes {
    let store: any Store
    let metrics: ServerMetrics

    struct Status: ResponseEncodable {
        let status: String
    }

    func register(on router: Router<RemediatorRequestContext>) {
        router.get("healthz") { _, _ in Status(status: "ok") }
        router.get("readyz", use: ready)
        router.get("metrics", use: render)
        router.get("openapi.yaml") { _, _ in OpenAPIDocument.response() }
    }

    @Sendable func ready(_ request: Request, context: RemediatorRequestContext) async throws -> Status {
        do {
            _ = try await store.pendingJobCount()
            return Status(status: "ready")
        } catch {
            // The detail goes to the log, not to an unauthenticated caller.
            context.logger.error("readiness: the store cannot be read", metadata: ["error": "\(error)"])
            throw APIError(.serviceUnavailable, code: "unavailable", "the store cannot be read; see the server log", headers: [.retryAfter: "5"])
        }
    }

    /// The planner's LLM usage in the exposition format.
    static func llmMetrics(_ llm: LLMUsageMeter.Snapshot) -> String {
        var text = "# HELP remediator_llm_calls_total LLM calls by provider and outcome.\n# TYPE remediator_llm_calls_total counter\n"
        for (key, count) in llm.calls.sorted(by: { $0.key < $1.key }) {
            text += "remediator_llm_calls_total{provider=\"\(key.provider)\",outcome=\"\(key.outcome)\"} \(count)\n"
        }
        text += "# HELP remediator_llm_tokens_total Tokens sent to and received from LLMs.\n# TYPE remediator_llm_tokens_total counter\n"
        for (provider, tokens) in llm.inputTokens.sorted(by: { $0.key < $1.key }) {
            text += "remediator_llm_tokens_total{provider=\"\(provider)\",direction=\"input\"} \(tokens)\n"
            text += "remediator_llm_tokens_total{provider=\"\(provider)\",direction=\"output\"} \(llm.outputTokens[provider] ?? 0)\n"
        }
        text += "# HELP remediator_llm_cost_usd_total What LLM calls cost, from the configured prices.\n# TYPE remediator_llm_cost_usd_total counter\n"
        for (provider, cost) in llm.costUSD.sorted(by: { $0.key < $1.key }) {
            text += "remediator_llm_cost_usd_total{provider=\"\(provider)\"} \(cost)\n"
        }
        text += "# HELP remediator_llm_fallbacks_total Plans the runbook planner made because the model's answer could not be used.\n# TYPE remediator_llm_fallbacks_total counter\n"
        text += "remediator_llm_fallbacks_total \(llm.fallbacks)\n"
        text += "# HELP remediator_llm_plan_cache_total Plan-cache lookups.\n# TYPE remediator_llm_plan_cache_total counter\n"
        text += "remediator_llm_plan_cache_total{result=\"hit\"} \(llm.cacheHits)\n"
        text += "remediator_llm_plan_cache_total{result=\"miss\"} \(llm.cacheMisses)\n"
        return text
    }

    /// Prometheus text exposition format 0.0.4.
    @Sendable func render(_ request: Request, context: RemediatorRequestContext) async throws -> Response {
        let counts = try await store.incidentCounts(tenantID: nil)
        let pending = try await store.pendingJobCount()
        let snapshot = metrics.snapshot
        var text = ""
        text += "# HELP remediator_alerts_accepted_total Alerts committed by the ingest API.\n# TYPE remediator_alerts_accepted_total counter\n"
        text += "remediator_alerts_accepted_total \(snapshot.alerts)\n"
        text += "# HELP remediator_ingest_requests_total Webhook calls that committed alerts.\n# TYPE remediator_ingest_requests_total counter\n"
        text += "remediator_ingest_requests_total \(snapshot.requests)\n"
        text += "# HELP remediator_ingest_rejected_total Webhook calls refused (bad input, store unavailable).\n# TYPE remediator_ingest_rejected_total counter\n"
        text += "remediator_ingest_rejected_total \(snapshot.rejected)\n"
        text += "# HELP remediator_jobs_pending Jobs queued or running.\n# TYPE remediator_jobs_pending gauge\n"
        text += "remediator_jobs_pending \(pending)\n"
        text += "# HELP remediator_incidents Incidents by state.\n# TYPE remediator_incidents gauge\n"
        for state in IncidentState.allCases {
            text += "remediator_incidents{state=\"\(state.rawValue)\"} \(counts[state] ?? 0)\n"
        }
        text += Self.llmMetrics(metrics.llm.snapshot)
        return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
