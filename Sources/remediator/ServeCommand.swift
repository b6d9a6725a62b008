import ArgumentParser
import Foundation
import Hummingbird
import Logging
import Server

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the server (defaults: 127.0.0.1:8080, ./remediator-data, dry-run executor, human approval)."
    )

    @Option(help: "YAML configuration file (also REMEDIATOR_CONFIG).")
    var config: String?

    @Option(help: "Address to listen on (also REMEDIATOR_HOST).")
    var host: String?

    @Option(help: "Port to listen on (also REMEDIATOR_PORT).")
    var port: Int?

    @Option(name: .customLong("data-dir"), help: "Directory for the database and keys (also REMEDIATOR_DATA_DIR).")
    var dataDirectory: String?

    func run() async throws {
        let configuration: ServerConfiguration
        do {
            configuration = try ConfigurationLoader().load(.init(configFile: config, host: host, port: port, dataDirectory: dataDirectory))
        } catch {
            FileHandle.standardError.write(Data("remediator serve: \(error.description)\n".utf8))
            throw ExitCode.failure
        }
        var logger = Logger(label: "remediator")
        logger.logLevel = Logger.Level(rawValue: configuration.logLevel) ?? .info
        let app = try await RemediatorApplication.build(configuration: configuration, logger: logger)
        try await app.runService()
    }
}
