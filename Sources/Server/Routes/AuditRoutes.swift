import Hummingbird
import RemediatorCore

/// `GET /v1/audit` and `GET /v1/audit/verify`.
struct AuditRoutes {
    let audit: any AuditLog

    struct Page: ResponseEncodable {
        let events: [AuditEvent]
        let nextAfter: Int64?

        enum CodingKeys: String, CodingKey {
            case events
            case nextAfter = "next_after"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(events, forKey: .events)
            try container.encode(nextAfter, forKey: .nextAfter)
        }
    }

    func register(on group: RouterGroup<RemediatorRequestContext>) {
        group.get("audit", use: list)
        group.get("audit/verify", use: verify)
    }

    @Sendable func list(_ request: Request, context: RemediatorRequestContext) async throws -> Page {
        let key = try context.requireKey()
        var after: Int64 = 0
        if let text = request.uri.queryParameters["after"] {
            guard let value = Int64(text), value >= 0 else { throw APIError.badRequest("after must be a non-negative sequence number") }
            after = value
        }
        var limit = 100
        if let text = request.uri.queryParameters["limit"] {
            guard let value = Int(text), (1...1000).contains(value) else { throw APIError.badRequest("limit must be a whole number from 1 to 1000") }
            limit = value
        }
        let subject = request.uri.queryParameters["subject"].map(String.init)
        let events = try await audit.auditEvents(tenantID: key.tenantID, subject: subject, after: after, limit: limit)
        return Page(events: events, nextAfter: events.count == limit ? events.last?.sequence : nil)
    }

    /// The chain is shared by all tenants, so walking it is for administrators.
    @Sendable func verify(_ request: Request, context: RemediatorRequestContext) async throws -> JSONResponse<AuditVerification> {
        try Roles.require(.admin, for: try context.requireKey(), doing: "verify the audit chain")
        return JSONResponse(try await audit.verifyAuditChain())
    }
}

