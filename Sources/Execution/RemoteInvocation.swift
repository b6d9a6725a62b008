import Foundation
import RemediatorCore

/// The command line and standard input that run one step on a remote host.
///
/// The script never goes on the command line for bash: it is sent on standard input to
/// `bash -s`, so its size is unlimited and it does not show in `ps`. PowerShell gets it
/// as `-EncodedCommand` (base64 of UTF-16LE, what PowerShell expects), or, when that
/// would not fit a Windows command line, a short encoded loader that reads the encoded
/// script from standard input in lines.
///
/// Alert facts become environment variables through a preamble that carries each value
/// base64-encoded (sshd drops most client-sent variables). Base64 has no character a shell
/// or PowerShell reads as code, so alert text never becomes script text.
struct RemoteInvocation: Sendable, Equatable {
    var command: String
    var standardInput: Data

    /// Longest `-EncodedCommand` sent on the command line: cmd.exe, the default shell of
    /// Windows OpenSSH, stops at 8,191 characters.
    static let maximumEncodedCommandLength = 8_000
    /// Seconds the remote `timeout` waits past the step's own timeout: the executor ends
    /// the step first; this ends it if the connection is gone.
    static let remoteGrace = 5

    static func make(for request: ExecutionRequest, platform: InventoryHost.Platform) throws(RemoteExecutionError) -> RemoteInvocation {
        let environment = try checkedEnvironment(request.environment)
        switch (request.step.language, platform) {
        case (.bash, .linux):
            let limit = request.step.timeoutSeconds + remoteGrace
            let preamble = environment.map { key, value in
                "\(key)=\"$(printf '%s' '\(base64(value))' | base64 -d; printf x)\"; \(key)=\"${\(key)%x}\"; export \(key)\n"
            }.joined()
            let stdin = preamble + Interpreter.standardInput(for: request.step)
            return RemoteInvocation(command: "exec timeout -k \(remoteGrace) \(limit) bash -s", standardInput: Data(stdin.utf8))
        case (.bash, .windows):
            throw RemoteExecutionError(.configuration, "step '\(request.step.name)' is a bash script and host '\(request.host)' runs Windows")
        case (.powershell, let platform):
            let program = platform == .windows ? "powershell.exe" : "pwsh"
            let encoded = encodedCommand(try powerShellScript(for: request))
            let prefix = (platform == .linux ? "exec timeout -k \(remoteGrace) \(request.step.timeoutSeconds + remoteGrace) " : "")
                + "\(program) -NoProfile -NonInteractive -EncodedCommand "
            if encoded.count <= maximumEncodedCommandLength {
                return RemoteInvocation(command: prefix + encoded, standardInput: Data())
            }
            let lines = stride(from: 0, to: encoded.count, by: 76).map { offset -> Substring in
                let start = encoded.index(encoded.startIndex, offsetBy: offset)
                return encoded[start..<(encoded.index(start, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex)]
            }
            return RemoteInvocation(
                command: prefix + encodedCommand(stdinLoader), standardInput: Data((lines.joined(separator: "\n") + "\n").utf8)
            )
        }
    }

    /// A PowerShell step's script with the alert facts set first, as `$env:` variables.
    static func powerShellScript(for request: ExecutionRequest) throws(RemoteExecutionError) -> String {
        let preamble = try checkedEnvironment(request.environment).map { key, value in
            "$env:\(key) = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('\(base64(value))'))\n"
        }.joined()
        return preamble + request.step.script
    }

    /// Reads the base64 of a UTF-16LE script from standard input and runs it.
    static let stdinLoader =
        "$encoded = [Console]::In.ReadToEnd() -replace '\\s', ''; "
        + "$script = [Text.Encoding]::Unicode.GetString([Convert]::FromBase64String($encoded)); "
        + "& ([ScriptBlock]::Create($script))"

    /// What `-EncodedCommand` takes: base64 of the script's UTF-16LE bytes.
    static func encodedCommand(_ script: String) -> String {
        var bytes = Data()
        bytes.reserveCapacity(script.utf16.count * 2)
        for unit in script.utf16 {
            bytes.append(UInt8(truncatingIfNeeded: unit))
            bytes.append(UInt8(truncatingIfNeeded: unit >> 8))
        }
        return bytes.base64EncodedString()
    }

    static func base64(_ value: String) -> String {
        Data(value.utf8).base64EncodedString()
    }

    /// The variables sorted by name; a name that is not a plain identifier is refused
    /// rather than spliced into the preamble.
    static func checkedEnvironment(_ environment: [String: String]) throws(RemoteExecutionError) -> [(String, String)] {
        for name in environment.keys {
            let bytes = Array(name.utf8)
            let isIdentifier = !bytes.isEmpty && !(bytes[0] >= 0x30 && bytes[0] <= 0x39) && bytes.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "_")
            }
            guard isIdentifier else { throw RemoteExecutionError(.configuration, "environment variable name '\(name)' is not an identifier") }
        }
        return environment.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
