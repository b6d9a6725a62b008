import Foundation
import NIOSSH
public import RemediatorCore

/// Runs steps on inventory hosts over SSH.
///
/// Ed25519 and ECDSA keys and passwords go through the built-in client (swift-nio-ssh),
/// which keeps one connection per host for all its steps. RSA keys and hosts pinned by an
/// RSA host key, which swift-nio-ssh does not implement, go through the system's OpenSSH
/// client with the same pinning. Either way the server must present a pinned key, the
/// script goes on standard input, alert facts arrive as environment variables, and a step
/// that outlives its timeout is ended on the host.
public struct SSHExecutor: Executor {
    public struct Configuration: Sendable {
        /// TCP connect plus the SSH handshake.
        public var connectTimeout: Duration = .seconds(10)
        /// Steps at once on one host (OpenSSH allows 10 sessions per connection).
        public var maximumSessionsPerHost = 4
        /// Steps at once over SSH on this node.
        public var maximumSessions = 32
        /// A connection unused this long is closed.
        public var idleTimeout: Duration = .seconds(60)
        /// Between SIGTERM and closing the session when a step is stopped.
        public var gracePeriod: Duration = .seconds(2)
        public var openSSHExecutable = "/usr/bin/ssh"

        public init() {}
    }

    public let name = "ssh"
    let configuration: Configuration
    let vault: SecretVault?
    let pool: SSHSessionPool

    /// `vault` opens the secrets named by hosts' `credential`; without one only
    /// `private_key_file` hosts can be reached.
    public init(configuration: Configuration = Configuration(), vault: SecretVault?) {
        self.configuration = configuration
        self.vault = vault
        self.pool = SSHSessionPool(limits: .init(
            perHost: configuration.maximumSessionsPerHost, total: configuration.maximumSessions, idleTimeout: configuration.idleTimeout
        ))
    }

    /// Closes the connections kept open between steps.
    public func shutdown() async {
        await pool.closeAll()
    }

    public func run(_ request: ExecutionRequest) async throws -> ExecutionOutcome {
        guard let host = request.target else {
            return ExecutionOutcome(status: .failed, command: "", stderr: "refused: host '\(request.host)' is not in the inventory, so there is no way to reach it over SSH")
        }
        let shown = "ssh \(host.user ?? "?")@\(host.address):\(host.port)"
        do {
            guard let user = host.user else { throw RemoteExecutionError(.configuration, "host '\(host.name)' has no user") }
            let invocation = try RemoteInvocation.make(for: request, platform: host.platform)
            let pin = try SSHHostKeyPin.forHost(host)
            let credential = try await credential(for: host, tenantID: request.tenantID)
            let command = "\(shown) \(Self.display(invocation.command))"
            let stdout = OutputBuffer(limit: request.maxOutputBytes)
            let stderr = OutputBuffer(limit: request.maxOutputBytes)
            let timeout = Duration.seconds(request.step.timeoutSeconds)
            let native: SSHConnection.Authentication
            switch credential {
            case .key(let key?, _) where !pin.needsOpenSSH:
                native = .privateKey(key)
            case .password(let password) where !pin.needsOpenSSH:
                native = .password(password)
            case .key(_, let fileText):
                // An RSA key, or a host pinned only by an RSA host key: the OpenSSH client.
                let client = OpenSSHClient(
                    executable: configuration.openSSHExecutable, connectTimeoutSeconds: Int(configuration.connectTimeout.components.seconds),
                    gracePeriod: configuration.gracePeriod
                )
                let ending = try await client.run(
                    invocation, host: host, user: user, privateKey: fileText, pin: pin, timeout: timeout, stdout: stdout, stderr: stderr
                )
                return ExecutionOutcome(ending, command: command + " (OpenSSH client)", timeoutSeconds: request.step.timeoutSeconds, stdout: stdout, stderr: stderr)
            case .password:
                throw RemoteExecutionError(.configuration, "host '\(host.name)' is pinned only by an RSA host key, which only the OpenSSH client checks, and that path takes keys, not passwords: pin its ed25519 or ECDSA key instead")
            }
            let key = SSHSessionPool.Key(address: host.address, port: host.port, user: user, credential: host.credential ?? host.privateKeyFile ?? "")
            let connectTimeout = configuration.connectTimeout
            let result = try await pool.withSession(host: host.name, key: key, connect: {
                try await SSHConnection.connect(
                    address: host.address, port: host.port, user: user, authentication: native, pin: pin, connectTimeout: connectTimeout
                )
            }) { [grace = configuration.gracePeriod] connection in
                try await connection.run(
                    invocation.command, standardInput: invocation.standardInput, stdout: stdout, stderr: stderr, timeout: timeout, grace: grace
                )
            }
            switch result.stopped {
            case .timedOut:
                return ExecutionOutcome(.timedOut, command: command, timeoutSeconds: request.step.timeoutSeconds, stdout: stdout, stderr: stderr)
            case .cancelled:
                stderr.append(Array("\n[stopped: the step was cancelled; the remote command was sent SIGTERM]".utf8))
                return ExecutionOutcome(
                    status: .interrupted, command: command, exitCode: result.exitCode, stdout: stdout.text, stderr: stderr.text,
                    truncated: stdout.truncated || stderr.truncated
                )
            case nil:
                break
            }
            guard let exitCode = result.exitCode ?? result.exitSignal.map({ _ in 128 + 15 }) else {
                stderr.append(Array("\n[the session closed without an exit status]".utf8))
                return ExecutionOutcome(status: .failed, command: command, stdout: stdout.text, stderr: stderr.text, truncated: stdout.truncated || stderr.truncated)
            }
            if let signal = result.exitSignal {
                stderr.append(Array("\n[ended by signal \(signal)]".utf8))
            }
            return ExecutionOutcome(.exited(exitCode), command: command, timeoutSeconds: request.step.timeoutSeconds, stdout: stdout, stderr: stderr)
        } catch let error as RemoteExecutionError {
            return ExecutionOutcome(status: .failed, command: shown, stderr: error.description)
        } catch let error as SecretError {
            return ExecutionOutcome(status: .failed, command: shown, stderr: "ssh credential for '\(host.name)': \(error)")
        }
    }

    /// How the executor proves who it is on a host.
    enum Credential {
        /// A key file: the built-in client uses `native` (ed25519, ECDSA); the OpenSSH
        /// client reads the file's text (any key, RSA included).
        case key(native: NIOSSHPrivateKey?, fileText: String)
        case password(String)
    }

    /// The host's key or password, from its secret or its key file.
    func credential(for host: InventoryHost, tenantID: TenantID) async throws -> Credential {
        if let name = host.credential {
            guard let vault else { throw RemoteExecutionError(.configuration, "host '\(host.name)' names credential '\(name)', but this node has no secret store") }
            let secret = try await vault.value(of: name, tenantID: tenantID)
            guard let text = secret.text else { throw RemoteExecutionError(.badCredential, "secret '\(name)' is not text (a key file or a password)") }
            if SSHPrivateKeyFile.looksLikeKeyFile(text) {
                return try Self.credential(keyFile: text, source: "secret '\(name)'")
            }
            var password = Substring(text)
            while password.last == "\n" || password.last == "\r" { password.removeLast() }
            guard !password.isEmpty else { throw RemoteExecutionError(.badCredential, "secret '\(name)' is an empty password") }
            return .password(String(password))
        }
        guard let path = host.privateKeyFile else {
            throw RemoteExecutionError(.configuration, "host '\(host.name)' has neither credential nor private_key_file")
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let mode = attributes?[.posixPermissions] as? Int, mode & 0o077 != 0 {
            throw RemoteExecutionError(.badCredential, "private_key_file \(path) can be read by other users (mode \(String(mode, radix: 8))); chmod 600 it")
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw RemoteExecutionError(.badCredential, "private_key_file \(path) cannot be read")
        }
        return try Self.credential(keyFile: text, source: path)
    }

    static func credential(keyFile text: String, source: String) throws(RemoteExecutionError) -> Credential {
        let fileText = text.trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
        switch try SSHPrivateKeyFile.parse(text, source: source) {
        case .native(let key): return .key(native: key, fileText: fileText)
        case .rsa: return .key(native: nil, fileText: fileText)
        }
    }

    /// The command as recorded: an encoded PowerShell script is shown by its length only
    /// (the script itself is recorded with the plan).
    static func display(_ command: String) -> String {
        guard let range = command.range(of: "-EncodedCommand ") else { return command }
        return command[..<range.upperBound] + "<\(command[range.upperBound...].count) characters>"
    }
}
