import Hummingbird
import RemediatorCore
import Safety

/// `POST /v1/scripts/validate`: the same report the engine uses, on demand.
struct ScriptRoutes {
    let validator: any ScriptValidator
    let maxBodyBytes: Int

    struct ValidateBody: Decodable {
        let language: String
        let script: String
    }

    func register(on group: RouterGroup<RemediatorRequestContext>) {
        group.post("scripts/validate", use: validate)
    }

    @Sendable func validate(_ request: Request, context: RemediatorRequestContext) async throws -> JSONResponse<SafetyReport> {
        _ = try context.requireKey()
        let body = try await RequestBody.decode(ValidateBody.self, from: request, limit: maxBodyBytes)
        guard let language = ScriptLanguage(rawValue: body.language) else {
            throw APIError(.unprocessableContent, code: "invalid_payload", "language must be \"bash\" or \"powershell\", not \"\(body.language.prefix(32))\"")
        }
        return JSONResponse(validator.validate(body.script, language: language))
    }
}

