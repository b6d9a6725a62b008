import Engine
import Foundation
import Hummingbird
import Ingest
import RemediatorCore

/// `POST /v1/alerts/{source}` and `GET /v1/alerts/{id}`.
struct AlertRoutes {
    let ingest: IngestService
    /// Past its limit, alerts are refused with 429 before anything is read or stored.
    let queueDepth: QueueDepthGauge
    let store: any Store
    let adapters: AlertAdapters
    let maxBodyBytes: Int
    let metrics: ServerMetrics

    struct IngestResponse: ResponseEncodable {
        struct Item: Encodable {
            let id: String
            let incidentID: String?
            let source: String
            let status: AlertStatus
            let severity: Severity
            let title: String
            let host: String
            let service: String
            let externalID: String
            let fingerprint: String
            let action: IngestedAlert.Action

            enum CodingKeys: String, CodingKey {
                case id, source, status, severity, title, host, service, fingerprint, action
                case incidentID = "incident_id"
                case externalID = "external_id"
            }
        }

        let accepted: Int
        let alerts: [Item]
    }

    func register(on group: RouterGroup<RemediatorRequestContext>) {
        // One parameter name for both: the router keys a path's parameter by position, so
        // POST's `{source}` and GET's `{id}` share the segment `:segment`.
        group.post("alerts/:segment", use: receive)
        group.get("alerts/:segment", use: show)
    }

    @Sendable func receive(_ request: Request, context: RemediatorRequestContext) async throws -> EditedResponse<IngestResponse> {
        let key = try context.requireKey()
        try Roles.require(.operator_, for: key, doing: "send alerts")
        let source = try context.parameters.require("segment")
        do {
            let adapter = try adapters.adapter(for: source)
            if let overload = queueDepth.overload {
                throw APIError(
                    .tooManyRequests, code: "overloaded",
                    "\(overload.depth) jobs are waiting (limit \(overload.limit)); nothing of this request was stored: send it again after \(overload.retryAfterSeconds)s",
                    headers: [.retryAfter: String(overload.retryAfterSeconds)]
                )
            }
            let body = try await RequestBody.collect(request, limit: maxBodyBytes)
            let receivedAt = Date()
            let alerts = try adapter.normalize(body, receivedAt: receivedAt)
            let results = try await ingest.submit(IngestRequest(tenantID: key.tenantID, alerts: alerts, receivedAt: receivedAt))
            metrics.recordIngest(alerts: results.count)
            let items = results.map { result in
                let content = result.alert.content
                return IngestResponse.Item(
                    id: result.alert.id, incidentID: result.alert.incidentID, source: content.source, status: content.status,
                    severity: content.severity, title: content.title, host: content.host, service: content.service,
                    externalID: content.externalID, fingerprint: content.fingerprint, action: result.action
                )
            }
            return EditedResponse(status: .accepted, response: IngestResponse(accepted: items.count, alerts: items))
        } catch {
            metrics.recordRejectedIngest()
            throw error
        }
    }

    @Sendable func show(_ request: Request, context: RemediatorRequestContext) async throws -> JSONResponse<Alert> {
        let key = try context.requireKey()
        let id = try context.parameters.require("segment")
        guard let alert = try await store.alert(id: id, tenantID: key.tenantID) else {
            throw APIError.notFound("alert \(id.prefix(64)) does not exist")
        }
        return JSONResponse(alert)
    }
}

