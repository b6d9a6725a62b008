import Hummingbird
import RemediatorCore

/// `GET /v1/shadow/report`: what shadow mode saw, per runbook (``ShadowReport``), for the
/// caller's tenant.
struct ShadowRoutes {
    let store: any IncidentStore

    func register(on group: RouterGroup<RemediatorRequestContext>) {
        group.get("shadow/report", use: report)
    }

    @Sendable func report(_ request: Request, context: RemediatorRequestContext) async throws -> JSONResponse<ShadowReport> {
        let key = try context.requireKey()
        return JSONResponse(try await store.shadowReport(tenantID: key.tenantID))
    }
}
