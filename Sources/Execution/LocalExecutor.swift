import Foundation
public import RemediatorCore
import Subprocess

/// Runs steps on this host, for the host Remediator itself runs on (and for tests).
///
/// The script goes to the interpreter on standard input; the environment is a small
/// fixed base plus the alert facts, nothing inherited from the server. A timeout ends the
/// interpreter and everything it started (see ``ChildProcess``).
public struct LocalExecutor: Executor {
    public let name = "local"
    /// How long a timed-out step gets between SIGTERM and SIGKILL.
    public var gracePeriod: Duration
    /// The names this host answers to; a step for any other host is refused, because
    /// running it here would act on the wrong machine.
    public var hostNames: Set<String>

    public init(gracePeriod: Duration = .seconds(2), hostNames: Set<String> = LocalExecutor.defaultHostNames) {
        self.gracePeriod = gracePeriod
        self.hostNames = hostNames
    }

    /// `localhost`, the loopback addresses and this machine's host name.
    public static var defaultHostNames: Set<String> {
        var names: Set<String> = ["localhost", "127.0.0.1", "::1"]
        let hostName = ProcessInfo.processInfo.hostName
        names.insert(hostName)
        if let short = hostName.split(separator: ".").first { names.insert(String(short)) }
        return names
    }

    /// The environment every step starts from.
    static let baseEnvironment: [String: String] = [
        "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        "LANG": "C.UTF-8",
        "HOME": "/tmp",
    ]

    public func run(_ request: ExecutionRequest) async throws -> ExecutionOutcome {
        let command = Interpreter.command(for: request.step.language)
        guard hostNames.contains(request.host) else {
            return ExecutionOutcome(
                status: .failed, command: command.joined(separator: " "),
                stderr: "refused: the local executor runs only on this host (\(hostNames.sorted().joined(separator: ", "))), not on '\(request.host)'"
            )
        }
        let stdout = OutputBuffer(limit: request.maxOutputBytes)
        let stderr = OutputBuffer(limit: request.maxOutputBytes)
        let process = ChildProcess(
            command: command,
            environment: Self.baseEnvironment.merging(request.environment, uniquingKeysWith: { _, alert in alert }),
            standardInput: Array(Interpreter.standardInput(for: request.step).utf8),
            gracePeriod: gracePeriod
        )
        let commandLine = command.joined(separator: " ")
        let ending: ChildProcess.Ending
        do {
            ending = try await process.run(timeout: .seconds(request.step.timeoutSeconds), stdout: stdout, stderr: stderr)
        } catch let error as SubprocessError {
            return ExecutionOutcome(status: .failed, command: commandLine, stderr: "could not start \(command[0]): \(error)")
        }
        return ExecutionOutcome(ending, command: commandLine, timeoutSeconds: request.step.timeoutSeconds, stdout: stdout, stderr: stderr)
    }
}
