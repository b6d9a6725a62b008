import Engine
import Foundation
import Hummingbird
import RemediatorCore

/// The kill switch: `GET /v1/execution`, `POST /v1/execution/pause` (operators: anyone on
/// call may pull the brake), `POST /v1/execution/resume` (admins).
struct ExecutionRoutes {
    let executionSwitch: ExecutionSwitch
    let maxBodyBytes: Int

    struct State: ResponseEncodable {
        let paused: Bool
        let reason: String?
        let actor: String?
        let since: Date?

        init(_ pause: ExecutionPause?) {
            paused = pause != nil
            reason = pause?.reason
            actor = pause?.actor
            since = pause?.since
        }
    }

    struct PauseBody: Decodable {
        let reason: String
    }

    func register(on group: RouterGroup<RemediatorRequestContext>) {
        group.get("execution", use: state)
        group.post("execution/pause", use: pause)
        group.post("execution/resume", use: resume)
    }

    @Sendable func state(_ request: Request, context: RemediatorRequestContext) async throws -> State {
        _ = try context.requireKey()
        return State(try await executionSwitch.state())
    }

    @Sendable func pause(_ request: Request, context: RemediatorRequestContext) async throws -> State {
        try Roles.require(.operator_, for: try context.requireKey(), doing: "pause execution")
        let body = try await RequestBody.decode(PauseBody.self, from: request, limit: maxBodyBytes)
        let reason = body.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...500).contains(reason.count) else {
            throw APIError(.unprocessableContent, code: "invalid_payload", "reason must say why, in 1–500 characters")
        }
        return State(try await executionSwitch.pause(reason: reason, actor: context.actor))
    }

    @Sendable func resume(_ request: Request, context: RemediatorRequestContext) async throws -> State {
        try Roles.require(.admin, for: try context.requireKey(), doing: "resume execution")
        try await executionSwitch.resume(actor: context.actor)
        return State(nil)
    }
}
