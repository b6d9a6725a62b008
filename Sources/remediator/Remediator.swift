import ArgumentParser

/// The `remediator` command: the server and a client for its API.
@main
struct Remediator: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remediator",
        abstract: "Turns monitoring alerts into verified, approved fixes.",
        subcommands: [
            ServeCommand.self, ValidateCommand.self, AlertCommand.self, IncidentsCommand.self,
            ApproveCommand.self, RejectCommand.self, PauseCommand.self, ResumeCommand.self, ShadowCommand.self, SecretsCommand.self, CorpusCommand.self, BenchCommand.self,
        ]
    )
}
