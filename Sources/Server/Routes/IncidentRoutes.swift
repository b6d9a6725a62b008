import Engine
import Foundation
import Hummingbird
import Ingest
import RemediatorCore

/// Listing, showing and acting on incidents.
struct IncidentRoutes {
    let store: any Store
    let actions: IncidentActions
    let maxBodyBytes: Int

    struct Page: ResponseEncodable {
        let incidents: [Incident]
        let nextCursor: String?

        enum CodingKeys: String, CodingKey {
            case incidents
            case nextCursor = "next_cursor"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(incidents, forKey: .incidents)
            try container.encode(nextCursor, forKey: .nextCursor)
        }
    }

    /// The incident with everything that belongs to it.
    struct Detail: ResponseEncodable {
        let incident: Incident
        let alerts: [Alert]
        let approvals: [Approval]
        let executions: [Execution]
        let jobs: [Job]
        let timeline: [AuditEvent]

        enum CodingKeys: String, CodingKey {
            case alerts, approvals, executions, jobs, timeline
        }

        func encode(to encoder: any Encoder) throws {
            try incident.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(alerts, forKey: .alerts)
            try container.encode(approvals, forKey: .approvals)
            try container.encode(executions, forKey: .executions)
            try container.encode(jobs, forKey: .jobs)
            try container.encode(timeline, forKey: .timeline)
        }
    }

    struct DecisionBody: Decodable {
        let planHash: String
        let comment: String?

        enum CodingKeys: String, CodingKey {
            case planHash = "plan_hash"
            case comment
        }
    }

    struct CommentBody: Decodable {
        let comment: String?
    }

    func register(on group: RouterGroup<RemediatorRequestContext>) {
        group.get("incidents", use: list)
        group.get("incidents/:id", use: show)
        group.post("incidents/:id/approve", use: approve)
        group.post("incidents/:id/reject", use: reject)
        group.post("incidents/:id/retry", use: retry)
        group.post("incidents/:id/cancel", use: cancel)
    }

    @Sendable func list(_ request: Request, context: RemediatorRequestContext) async throws -> Page {
        let key = try context.requireKey()
        var state: IncidentState?
        if let text = request.uri.queryParameters["state"].map(String.init), !text.isEmpty {
            guard let parsed = IncidentState(rawValue: text) else {
                throw APIError.badRequest("state '\(text.prefix(40))' is not an incident state; use one of \(IncidentState.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            state = parsed
        }
        var limit = 50
        if let text = request.uri.queryParameters["limit"] {
            guard let parsed = Int(text), (1...500).contains(parsed) else {
                throw APIError.badRequest("limit must be a whole number from 1 to 500")
            }
            limit = parsed
        }
        let cursor = request.uri.queryParameters["cursor"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        let page = try await store.incidents(tenantID: key.tenantID, state: state, limit: limit, cursor: cursor)
        return Page(incidents: page.incidents, nextCursor: page.nextCursor)
    }

    @Sendable func show(_ request: Request, context: RemediatorRequestContext) async throws -> Detail {
        let key = try context.requireKey()
        let id = try context.parameters.require("id")
        guard let incident = try await store.incident(id: id, tenantID: key.tenantID) else {
            throw APIError.notFound("incident \(id.prefix(64)) does not exist")
        }
        async let alerts = store.alerts(incidentID: id, tenantID: key.tenantID, limit: 50)
        async let approvals = store.approvals(incidentID: id, tenantID: key.tenantID)
        async let executions = store.executions(incidentID: id, tenantID: key.tenantID)
        async let jobs = store.jobs(incidentID: id, tenantID: key.tenantID)
        async let timeline = store.auditEvents(tenantID: key.tenantID, subject: "incident/\(id)", after: 0, limit: 1000)
        return try await Detail(incident: incident, alerts: alerts, approvals: approvals, executions: executions, jobs: jobs, timeline: timeline)
    }

    @Sendable func approve(_ request: Request, context: RemediatorRequestContext) async throws -> JSONResponse<Incident> {
        let key = try context.requireKey()
        try Roles.require(.operator_, for: key, doing: "approve plans")
        let body = try await decision(request)
        return JSONResponse(try await actions.approve(incidentID: try context.parameters.require("id"), tenantID: key.tenantID, actor: context.actor, planHash: body.planHash, comment: body.comment ?? ""))
    }

    @Sendable func reject(_ request: Request, context: RemediatorRequestContext) async throws -> JSONResponse<Incident> {
        let key = try context.requireKey()
        try Roles.require(.operator_, for: key, doing: "reject plans")
        let body = try await decision(request)
        return JSONResponse(try await actions.reject(incidentID: try context.parameters.require("id"), tenantID: key.tenantID, actor: context.actor, planHash: body.planHash, comment: body.comment ?? ""))
    }

    @Sendable func retry(_ request: Request, context: RemediatorRequestContext) async throws -> JSONResponse<Incident> {
        let key = try context.requireKey()
        try Roles.require(.operator_, for: key, doing: "retry incidents")
        return JSONResponse(try await actions.retry(incidentID: try context.parameters.require("id"), tenantID: key.tenantID, actor: context.actor))
    }

    @Sendable func cancel(_ request: Request, context: RemediatorRequestContext) async throws -> JSONResponse<Incident> {
        let key = try context.requireKey()
        try Roles.require(.operator_, for: key, doing: "cancel incidents")
        let body = try await optionalComment(request)
        return JSONResponse(try await actions.cancel(incidentID: try context.parameters.require("id"), tenantID: key.tenantID, actor: context.actor, comment: body))
    }

    private func decision(_ request: Request) async throws -> DecisionBody {
        let body = try await RequestBody.decode(DecisionBody.self, from: request, limit: maxBodyBytes)
        guard body.planHash.count == 64, body.planHash.allSatisfy(\.isHexDigit) else {
            throw APIError(.unprocessableContent, code: "invalid_payload", "plan_hash must be the 64-character hex hash of the plan you reviewed")
        }
        return DecisionBody(planHash: body.planHash.lowercased(), comment: body.comment)
    }

    private func optionalComment(_ request: Request) async throws -> String {
        let data = try await RequestBody.collect(request, limit: maxBodyBytes)
        guard !data.isEmpty else { return "" }
        return try PayloadDecoder.decode(CommentBody.self, from: data).comment ?? ""
    }
}

