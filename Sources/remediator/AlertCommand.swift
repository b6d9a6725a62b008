import ArgumentParser
import Foundation
import NIOHTTP1

struct AlertCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alert",
        abstract: "Send alerts to the server.",
        subcommands: [Send.self]
    )

    struct Send: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "POST a webhook payload from a file ('-' for standard input).")

        @Option(help: "Source format: generic, alertmanager, datadog, ...")
        var source: String = "generic"

        @Argument(help: "JSON payload file.")
        var file: String

        @OptionGroup var options: ClientOptions

        func run() async throws {
            let data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: file))
            let answer = try await options.client().send(.POST, "/v1/alerts/\(encodeComponent(source))", body: data)
            APIClient.printJSON(answer)
        }
    }
}
