import Foundation
import Subprocess
import SystemPackage

/// Runs a program to completion or a deadline, feeding it standard input and collecting
/// its output into bounded buffers: the local executor's interpreter, and the OpenSSH
/// client for hosts the built-in SSH client cannot reach.
///
/// The program gets its own session, so a timeout ends it and everything it started:
/// SIGTERM to the group, then SIGKILL after `gracePeriod`.
struct ChildProcess: Sendable {
    var command: [String]
    var environment: [String: String]
    var standardInput: [UInt8]
    var gracePeriod: Duration

    enum Ending: Sendable, Equatable {
        /// The exit code, or 128 + the signal number, as a shell reports it.
        case exited(Int32)
        case timedOut
    }

    /// Throws `SubprocessError` when the program cannot be started.
    func run(timeout: Duration, stdout: OutputBuffer, stderr: OutputBuffer) async throws -> Ending {
        var variables: [Environment.Key: String] = [:]
        for (key, value) in environment {
            if let key = Environment.Key(rawValue: key) { variables[key] = value }
        }
        let environment = Environment.custom(variables)
        var platformOptions = PlatformOptions()
        platformOptions.createSession = true
        platformOptions.teardownSequence = [.gracefulShutDown(toProcessGroup: true, allowedDurationToNextStep: gracePeriod)]
        let options = platformOptions
        let executable: Executable = command[0].hasPrefix("/") ? .path(.init(command[0])) : .name(command[0])
        let arguments = Arguments(Array(command.dropFirst()))
        let input = try Self.inputFile(standardInput)
        let status: TerminationStatus? = try await withThrowingTaskGroup(of: TerminationStatus?.self) { group in
            group.addTask {
                let result = try await Subprocess.run(
                    executable, arguments: arguments, environment: environment,
                    platformOptions: options, input: .fileDescriptor(input, closeAfterSpawningProcess: true), output: .sequence, error: .sequence
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
        switch status {
        case nil: return .timedOut
        case .exited(let code): return .exited(Int32(truncatingIfNeeded: code))
        case .signaled(let signal): return .exited(128 + Int32(truncatingIfNeeded: signal))
        }
    }

    /// The program's standard input as a file, not a pipe: the program reads what it wants,
    /// and nothing is left half-written when it exits or is killed early (with a pipe,
    /// swift-subprocess 1.0 traps on the unfinished writer's descriptor,
    /// swiftlang/swift-subprocess#367, and takes the whole server down). The file is
    /// unlinked at once (mode 0600 from `mkstemp`) and lives only as the descriptor.
    static func inputFile(_ bytes: [UInt8]) throws -> FileDescriptor {
        var template = Array((FileManager.default.temporaryDirectory.path + "/remediator-stdin.XXXXXX").utf8CString)
        let raw = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            let raw = mkstemp(base)
            if raw >= 0 {
                unlink(base)
                _ = fcntl(raw, F_SETFD, FD_CLOEXEC)
            }
            return raw
        }
        guard raw >= 0 else { throw Errno(rawValue: errno) }
        let descriptor = FileDescriptor(rawValue: raw)
        do {
            _ = try descriptor.writeAll(bytes)
            _ = try descriptor.seek(offset: 0, from: FileDescriptor.SeekOrigin.start)
        } catch {
            try? descriptor.close()
            throw error
        }
        return descriptor
    }
}
