import Execution
import Foundation
import Hummingbird
import Ingest
import RemediatorCore

/// `GET /v1/secrets`, `PUT /v1/secrets/{name}`, `DELETE /v1/secrets/{name}`, for admins.
///
/// Values go in and never come out: answers carry names, key ids and times only.
struct SecretRoutes {
    let vault: SecretVault
    let maxBodyBytes: Int

    struct Listing: ResponseEncodable {
        let secrets: [SecretSummary]
    }

    /// `value` for text (passwords, PEM and OpenSSH keys), `value_base64` for bytes.
    struct Body: Decodable {
        let value: String?
        let valueBase64: String?

        enum CodingKeys: String, CodingKey {
            case value
            case valueBase64 = "value_base64"
        }
    }

    func register(on group: RouterGroup<RemediatorRequestContext>) {
        group.get("secrets", use: list)
        group.put("secrets/:name", use: put)
        group.delete("secrets/:name", use: delete)
    }

    @Sendable func list(_ request: Request, context: RemediatorRequestContext) async throws -> Listing {
        let key = try context.requireKey()
        try Roles.require(.admin, for: key, doing: "list secrets")
        return Listing(secrets: try await vault.list(tenantID: key.tenantID))
    }

    @Sendable func put(_ request: Request, context: RemediatorRequestContext) async throws -> JSONResponse<SecretSummary> {
        let key = try context.requireKey()
        try Roles.require(.admin, for: key, doing: "set secrets")
        let name = try context.parameters.require("name")
        let body = try await RequestBody.decode(Body.self, from: request, limit: maxBodyBytes)
        let value: Data
        switch (body.value, body.valueBase64) {
        case (let text?, nil):
            value = Data(text.utf8)
        case (nil, let encoded?):
            guard let bytes = Data(base64Encoded: encoded) else { throw APIError.badRequest("value_base64 is not valid base64") }
            value = bytes
        default:
            throw APIError(.unprocessableContent, code: "invalid_payload", "give exactly one of value (text) and value_base64 (bytes)")
        }
        do {
            return JSONResponse(try await vault.set(name, value: value, tenantID: key.tenantID, actor: context.actor))
        } catch let error as SecretError {
            throw Self.apiError(error)
        }
    }

    @Sendable func delete(_ request: Request, context: RemediatorRequestContext) async throws -> Response {
        let key = try context.requireKey()
        try Roles.require(.admin, for: key, doing: "delete secrets")
        let name = try context.parameters.require("name")
        do {
            guard try await vault.delete(name, tenantID: key.tenantID, actor: context.actor) else {
                throw APIError.notFound("no secret named '\(name)'")
            }
        } catch let error as SecretError {
            throw Self.apiError(error)
        }
        return Response(status: .noContent)
    }

    static func apiError(_ error: SecretError) -> APIError {
        switch error.code {
        case .badName, .badValue: APIError(.unprocessableContent, code: "invalid_secret", error.message)
        case .notFound: APIError.notFound(error.message)
        case .badKey, .wrongKey, .tampered: APIError(.internalServerError, code: "secret_key", error.message)
        }
    }
}
