import Foundation
import RemediatorCore

/// Runs a step through the system's OpenSSH client, for what swift-nio-ssh cannot do:
/// RSA user keys and RSA host keys.
///
/// The client runs with no user or system configuration (`-F /dev/null`), in batch mode,
/// with strict host-key checking against a known_hosts file holding only the pinned keys
/// (under a fixed alias, so the address plays no part), and with the key in a private
/// temporary directory that is removed afterwards. Each step is its own connection.
struct OpenSSHClient: Sendable {
    var executable: String
    var connectTimeoutSeconds: Int
    var gracePeriod: Duration

    static let hostAlias = "remediator-target"

    /// Runs `invocation` on `host` as `user` with the RSA `privateKey` (its file text).
    func run(
        _ invocation: RemoteInvocation, host: InventoryHost, user: String, privateKey: String, pin: SSHHostKeyPin,
        timeout: Duration, stdout: OutputBuffer, stderr: OutputBuffer
    ) async throws -> ChildProcess.Ending {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("remediator-ssh-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: directory) }
        let keyPath = directory.appendingPathComponent("id").path
        let knownHostsPath = directory.appendingPathComponent("known_hosts").path
        let knownHosts = pin.keys.map { "\(Self.hostAlias) \($0)\n" }.joined()
        if let problem = PrivateFile.create(keyPath, contents: privateKey) ?? PrivateFile.create(knownHostsPath, contents: knownHosts) {
            throw RemoteExecutionError(.configuration, problem)
        }
        let arguments = [
            executable, "-F", "/dev/null", "-T",
            "-o", "BatchMode=yes",
            "-o", "StrictHostKeyChecking=yes",
            "-o", "UserKnownHostsFile=\(knownHostsPath)",
            "-o", "GlobalKnownHostsFile=/dev/null",
            "-o", "HostKeyAlias=\(Self.hostAlias)",
            "-o", "IdentitiesOnly=yes",
            "-o", "IdentityFile=\(keyPath)",
            "-o", "PasswordAuthentication=no",
            "-o", "KbdInteractiveAuthentication=no",
            "-o", "ConnectTimeout=\(connectTimeoutSeconds)",
            "-o", "ServerAliveInterval=15",
            "-o", "LogLevel=ERROR",
            "-p", String(host.port), "-l", user,
            "--", host.address, invocation.command,
        ]
        let process = ChildProcess(
            command: arguments, environment: ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"],
            standardInput: Array(invocation.standardInput), gracePeriod: gracePeriod
        )
        let ending = try await process.run(timeout: timeout, stdout: stdout, stderr: stderr)
        // 255 is the client's own failure (connection, host key, authentication).
        if case .exited(255) = ending, stdout.isEmpty {
            let message = stderr.text.trimmingCharacters(in: .whitespacesAndNewlines)
            let endpoint = "\(host.address):\(host.port)"
            if message.contains("Host key verification failed") || message.contains("REMOTE HOST IDENTIFICATION HAS CHANGED") {
                throw RemoteExecutionError(.hostKeyMismatch, "\(endpoint) did not present the host key pinned in \(pin.source); refusing to connect (\(message))")
            }
            if message.contains("Permission denied") {
                throw RemoteExecutionError(.authenticationFailed, "\(endpoint) refused the key for user '\(user)' (\(message))")
            }
            throw RemoteExecutionError(.connectionFailed, "the OpenSSH client could not run the step on \(endpoint): \(message)")
        }
        return ending
    }
}
