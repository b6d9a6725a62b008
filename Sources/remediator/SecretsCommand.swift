import ArgumentParser
import Foundation
import NIOHTTP1

/// `remediator secrets set|list|delete`: secrets the executors use (SSH keys, passwords,
/// tokens), sealed at rest by the server. Values are read from a file or standard input,
/// never from the command line, where `ps` and shell history would show them.
struct SecretsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "secrets",
        abstract: "Store, list and delete secrets (admin key required).",
        subcommands: [Put.self, List.self, Delete.self]
    )

    struct Put: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Store a secret, replacing any earlier value.",
            discussion: "The value is the file's exact bytes, or standard input without its final line break."
        )

        @Argument(help: "Secret name: letters, digits, '.', '_' or '-'.")
        var name: String

        @Option(help: "Read the value from this file (e.g. a private key).")
        var file: String?

        @OptionGroup var options: ClientOptions

        func run() async throws {
            var value: Data
            if let file {
                guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
                value = data
            } else {
                value = FileHandle.standardInput.readDataToEndOfFile()
                if value.last == UInt8(ascii: "\n") { value.removeLast() }
                if value.last == UInt8(ascii: "\r") { value.removeLast() }
            }
            guard !value.isEmpty else { throw ValidationError("the value is empty") }
            let body = try JSONSerialization.data(withJSONObject: ["value_base64": value.base64EncodedString()])
            let data = try await options.client().send(.PUT, "/v1/secrets/\(encodeComponent(name))", body: body)
            let summary = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
            print("stored \(name) (key \(summary?["key_id"] ?? "?"))")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List secret names (never values).")

        @Flag(help: "Print the raw JSON.")
        var json = false

        @OptionGroup var options: ClientOptions

        func run() async throws {
            let data = try await options.client().send(.GET, "/v1/secrets")
            guard !json, let listing = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
                  let secrets = listing["secrets"] as? [[String: Any]] else {
                APIClient.printJSON(data)
                return
            }
            for secret in secrets {
                print(["name", "key_id", "updated_at"].map { "\(secret[$0] ?? "")" }.joined(separator: "  "))
            }
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a secret.")

        @Argument(help: "Secret name.")
        var name: String

        @OptionGroup var options: ClientOptions

        func run() async throws {
            _ = try await options.client().send(.DELETE, "/v1/secrets/\(encodeComponent(name))")
            print("deleted \(name)")
        }
    }
}
