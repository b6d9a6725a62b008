import ArgumentParser
import Foundation
import NIOHTTP1

/// `remediator pause --reason R`: the kill switch. No step starts anywhere, running steps
/// stop within a second, approved incidents wait.
struct PauseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pause",
        abstract: "Stop all execution at once (operator key or better).",
        discussion: "Running steps are stopped and recorded as interrupted; approved incidents wait until `remediator resume`."
    )

    @Option(help: "Why; recorded in the audit log and shown to everyone.")
    var reason: String

    @OptionGroup var options: ClientOptions

    func run() async throws {
        let body = try JSONSerialization.data(withJSONObject: ["reason": reason])
        APIClient.printJSON(try await options.client().send(.POST, "/v1/execution/pause", body: body))
    }
}

/// `remediator resume`: lifts the kill switch (admin key).
struct ResumeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "resume", abstract: "Let approved plans run again (admin key).")

    @OptionGroup var options: ClientOptions

    func run() async throws {
        APIClient.printJSON(try await options.client().send(.POST, "/v1/execution/resume", body: Data("{}".utf8)))
    }
}
