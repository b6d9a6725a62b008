import ArgumentParser
import Foundation
import NIOHTTP1

/// `remediator shadow report`: what shadow mode saw, per runbook.
struct ShadowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shadow",
        abstract: "Shadow mode: plans made and shown, never run.",
        subcommands: [Report.self]
    )

    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Shadow incidents per runbook: what Remediator would have run, and how each ended."
        )

        @Option(help: "Output format: text or json.")
        var format: ValidateCommand.Format = .text

        @OptionGroup var options: ClientOptions

        func run() async throws {
            let answer = try await options.client().send(.GET, "/v1/shadow/report")
            guard format == .text else {
                APIClient.printJSON(answer)
                return
            }
            let object = (try? JSONSerialization.jsonObject(with: answer)) as? [String: Any]
            let runbooks = object?["runbooks"] as? [[String: Any]] ?? []
            guard !runbooks.isEmpty else {
                print("no shadow incidents")
                return
            }
            let columns = ["runbook", "incidents", "open", "resolved_by_source", "closed_by_human", "verdict_allow", "verdict_review", "mean_minutes_to_resolution"]
            print(columns.joined(separator: "\t"))
            for runbook in runbooks {
                print(columns.map { column in
                    let key = column == "runbook" ? "runbook_id" : column
                    switch runbook[key] {
                    case nil, is NSNull: return "-"
                    case let number as Double where column == "mean_minutes_to_resolution": return String(format: "%.1f", number)
                    case let value?: return "\(value)"
                    }
                }.joined(separator: "\t"))
            }
        }
    }
}
