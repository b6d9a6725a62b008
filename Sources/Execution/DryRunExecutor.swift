import Foundation
public import RemediatorCore

/// The default executor: runs nothing and records exactly what would have run, where.
///
/// Until a target is configured every plan ends here, so a fresh install can take real
/// alerts and show its plans without touching a host.
public struct DryRunExecutor: Executor {
    public let name = "dry-run"

    public init() {}

    public func run(_ request: ExecutionRequest) async throws -> ExecutionOutcome {
        let step = request.step
        let interpreter = Interpreter.command(for: step.language)
        var record = "# dry run: nothing was executed\n"
        record += "# host: \(request.host)\n"
        if let target = request.target {
            record += "# target: \(target.name) (\(target.address):\(target.port), \(target.platform.rawValue)), inventory executor \(target.executor.rawValue)\n"
        }
        record += "# step: \(step.name) (\(step.role.rawValue)), timeout \(step.timeoutSeconds)s\n"
        record += "# interpreter: \(interpreter.joined(separator: " ")) (script on standard input)\n"
        for (key, value) in request.environment.sorted(by: { $0.key < $1.key }) {
            record += "# env \(key)=\(Self.quoted(value))\n"
        }
        record += step.script
        let bounded = OutputBuffer(limit: request.maxOutputBytes)
        bounded.append(Array(record.utf8))
        return ExecutionOutcome(
            status: .dryRun,
            command: interpreter.joined(separator: " "),
            exitCode: nil,
            stdout: bounded.text,
            stderr: "",
            truncated: bounded.truncated
        )
    }

    /// Shell-style single quoting, so the record shows values unambiguously.
    static func quoted(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
