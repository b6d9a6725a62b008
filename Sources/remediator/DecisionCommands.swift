import ArgumentParser
import Foundation
import NIOHTTP1

/// What approving and rejecting share: the incident, the plan hash the human reviewed,
/// a comment, and where the server is.
struct DecisionOptions: ParsableArguments {
    @Argument(help: "Incident id.")
    var id: String

    @Option(name: .customLong("plan-hash"), help: "The plan hash shown by `incidents show`.")
    var planHash: String

    @Option(help: "Why.")
    var comment: String?

    @OptionGroup var client: ClientOptions

    /// Posts the decision to `/v1/incidents/{id}/{action}` and prints the incident.
    func send(_ action: String) async throws {
        let body = try JSONSerialization.data(withJSONObject: ["plan_hash": planHash, "comment": comment ?? ""])
        APIClient.printJSON(try await client.client().send(.POST, "/v1/incidents/\(encodeComponent(id))/\(action)", body: body))
    }
}

struct ApproveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve an incident's plan. The approval binds to the plan hash you reviewed (see `incidents show`)."
    )

    @OptionGroup var decision: DecisionOptions

    func run() async throws {
        try await decision.send("approve")
    }
}

struct RejectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reject", abstract: "Reject an incident's plan.")

    @OptionGroup var decision: DecisionOptions

    func run() async throws {
        try await decision.send("reject")
    }
}
