import ArgumentParser
import Foundation
import NIOHTTP1

/// The body of an approve or reject call.
private func decisionBody(planHash: String, comment: String?) throws -> Data {
    try JSONSerialization.data(withJSONObject: ["plan_hash": planHash, "comment": comment ?? ""])
}

struct ApproveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve an incident's plan. The approval binds to the plan hash you reviewed (see `incidents show`)."
    )

    @Argument(help: "Incident id.")
    var id: String

    @Option(name: .customLong("plan-hash"), help: "The plan hash shown by `incidents show`.")
    var planHash: String

    @Option(help: "Why it is safe to run.")
    var comment: String?

    @OptionGroup var options: ClientOptions

    func run() async throws {
        let body = try decisionBody(planHash: planHash, comment: comment)
        APIClient.printJSON(try await options.client().send(.POST, "/v1/incidents/\(encodeComponent(id))/approve", body: body))
    }
}

struct RejectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reject", abstract: "Reject an incident's plan.")

    @Argument(help: "Incident id.")
    var id: String

    @Option(name: .customLong("plan-hash"), help: "The plan hash shown by `incidents show`.")
    var planHash: String

    @Option(help: "Why not.")
    var comment: String?

    @OptionGroup var options: ClientOptions

    func run() async throws {
        let body = try decisionBody(planHash: planHash, comment: comment)
        APIClient.printJSON(try await options.client().send(.POST, "/v1/incidents/\(encodeComponent(id))/reject", body: body))
    }
}
