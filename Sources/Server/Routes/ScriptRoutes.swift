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
        /// Judge under this environment's policy instead of the node's own.
        let environment: String?
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
        var validator = self.validator
        if let environment = body.environment {
            guard let other = validator.forEnvironment(environment) else {
                throw APIError(.unprocessableContent, code: "unknown_environment", "no safety policy names the environment \"\(environment.prefix(64))\"; known: \(validator.environmentNames.joined(separator: ", "))")
            }
            validator = other
        }
        return JSONResponse(validator.validate(body.script, language: language))
    }
}

