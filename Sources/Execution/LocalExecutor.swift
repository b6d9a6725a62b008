import Foundation
public import RemediatorCore
import Subprocess
import SystemPackage

/// Runs steps on this host, for the host Remediator itself runs on (and for tests).
///
/// The script goes to the interpreter on standard input; the environment is a small
/// fixed base plus the alert facts, nothing inherited from the server. The process gets
/// its own session so a timeout ends it and everything it started: SIGTERM to the group,
/// then SIGKILL after a grace period.
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
        var variables: [Environment.Key: String] = [:]
        for (key, value) in Self.baseEnvironment.merging(request.environment, uniquingKeysWith: { _, alert in alert }) {
            if let key = Environment.Key(rawValue: key) {
                variables[key] = value
            }
        }
        let environment = Environment.custom(variables)
        var platformOptions = PlatformOptions()
        platformOptions.createSession = true
        platformOptions.teardownSequence = [.gracefulShutDown(toProcessGroup: true, allowedDurationToNextStep: gracePeriod)]
        let options = platformOptions
        let executable: Executable = command[0].hasPrefix("/") ? .path(.init(command[0])) : .name(command[0])
        let arguments = Arguments(Array(command.dropFirst()))
        let script = Interpreter.standardInput(for: request.step)
        let timeout = Duration.seconds(request.step.timeoutSeconds)
        let commandLine = command.joined(separator: " ")

        let status: TerminationStatus?
        do {
            status = try await withThrowingTaskGroup(of: TerminationStatus?.self) { group in
                group.addTask {
                    let result = try await Subprocess.run(
                        executable, arguments: arguments, environment: environment,
                        platformOptions: options, input: .string(script), output: .sequence, error: .sequence
                    ) { execution in
                        try await withThrowingTaskGroup(of: Void.self) { readers in
                            readers.addTask {
                                for try await buffer in execution.standardOutput {
                                    buffer.withUnsafeBytes { stdout.append($0) }
                                }
                            }
                            readers.addTask {
                                for try await buffer in execution.standardError {
                                    buffer.withUnsafeBytes { stderr.append($0) }
                                }
                            }
                            try await readers.waitForAll()
                        }
                    }
                    return result.terminationStatus
                }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return nil
                }
                let first = try await group.next() ?? nil
                group.cancelAll()
                return first
            }
        } catch let error as SubprocessError {
            return ExecutionOutcome(status: .failed, command: commandLine, stderr: "could not start \(command[0]): \(error)")
        }
        guard let status else {
            return ExecutionOutcome(
                status: .timedOut, command: commandLine, exitCode: nil, stdout: stdout.text,
                stderr: stderr.text + "\n[timed out after \(request.step.timeoutSeconds)s; the process group was terminated]",
                truncated: stdout.truncated || stderr.truncated
            )
        }
        let exitCode: Int32
        switch status {
        case .exited(let code): exitCode = Int32(truncatingIfNeeded: code)
        case .signaled(let signal): exitCode = 128 + Int32(truncatingIfNeeded: signal)
        }
        return ExecutionOutcome(
            status: exitCode == 0 ? .succeeded : .failed, command: commandLine, exitCode: exitCode,
            stdout: stdout.text, stderr: stderr.text, truncated: stdout.truncated || stderr.truncated
        )
    }
}
