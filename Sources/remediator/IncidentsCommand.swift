import ArgumentParser
import Foundation
import NIOHTTP1

struct IncidentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incidents",
        abstract: "List and inspect incidents.",
        subcommands: [List.self, Show.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List incidents, newest first.")

        @Option(help: "Only incidents in this state (e.g. awaiting_approval).")
        var state: String?

        @Option(help: "Most incidents to list (1–500).")
        var limit: Int = 50

        @Option(help: "Continue after this cursor (next_cursor of the previous page).")
        var cursor: String?

        @Flag(help: "Print the raw JSON.")
        var json = false

        @OptionGroup var options: ClientOptions

        func run() async throws {
            var query = "limit=\(limit)"
            if let state { query += "&state=\(encodeComponent(state))" }
            if let cursor { query += "&cursor=\(encodeComponent(cursor))" }
            let data = try await options.client().send(.GET, "/v1/incidents?\(query)")
            if json {
                APIClient.printJSON(data)
                return
            }
            guard let page = try JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let incidents = page["incidents"] as? [[String: Any]] else {
                APIClient.printJSON(data)
                return
            }
            for incident in incidents {
                let fields = ["id", "state", "severity", "host", "title"].map { "\(incident[$0] ?? "")" }
                print(fields.joined(separator: "  "))
            }
            if let next = page["next_cursor"] as? String {
                print("more: --cursor \(next)")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show an incident with its plan, safety report, approvals, executions and timeline.")

        @Argument(help: "Incident id.")
        var id: String

        @OptionGroup var options: ClientOptions

        func run() async throws {
            APIClient.printJSON(try await options.client().send(.GET, "/v1/incidents/\(encodeComponent(id))"))
        }
    }
}
