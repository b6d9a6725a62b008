import Crypto
import Execution
import Foundation
import Glibc
import RemediatorCore
import Testing

/// The real OpenSSH server `scripts/sshd/start.sh` runs on 127.0.0.1 (started by
/// `scripts/test.sh`, which refuses to run the tests without it).
struct TestSSHServer: Sendable {
    let directory: String
    let port: Int
    let user: String
    let password: String

    static let current: TestSSHServer? = {
        let environment = ProcessInfo.processInfo.environment
        guard let directory = environment["REMEDIATOR_TEST_SSHD_DIR"], let port = environment["REMEDIATOR_TEST_SSHD_PORT"].flatMap(Int.init),
              let user = environment["REMEDIATOR_TEST_SSHD_USER"], let password = environment["REMEDIATOR_TEST_SSHD_PASSWORD"] else { return nil }
        return TestSSHServer(directory: directory, port: port, user: user, password: password)
    }()

    func file(_ name: String) -> String { "\(directory)/\(name)" }

    func publicKey(_ name: String) throws -> String {
        try String(contentsOfFile: file(name + ".pub"), encoding: .utf8).split(separator: " ").prefix(2).joined(separator: " ")
    }

    func host(
        name: String = "web-1", platform: InventoryHost.Platform = .linux, credential: String? = nil, keyFile: String? = "user_ed25519",
        hostKey: String? = nil, knownHostsFile: String? = nil
    ) throws -> InventoryHost {
        let pinned = try hostKey ?? publicKey("host_ed25519")
        return InventoryHost(
            name: name, address: "127.0.0.1", port: port, platform: platform, executor: .ssh, user: user,
            credential: credential, privateKeyFile: credential == nil ? keyFile.map(file) : nil,
            hostKey: knownHostsFile == nil ? pinned : nil, knownHostsFile: knownHostsFile
        )
    }
}

@Suite("SSH executor against a real OpenSSH server", .enabled(if: TestSSHServer.current != nil))
struct SSHExecutorTests {
    let server = TestSSHServer.current!
    let store = MemorySecretStore()
    let vault: SecretVault
    let executor: SSHExecutor

    init() throws {
        vault = SecretVault(store: store, key: try SecretKey(SymmetricKey(size: .bits256)))
        var configuration = SSHExecutor.Configuration()
        configuration.gracePeriod = .milliseconds(500)
        configuration.maximumSessionsPerHost = 2
        executor = SSHExecutor(configuration: configuration, vault: vault)
    }

    func request(
        _ script: String, on host: InventoryHost, language: ScriptLanguage = .bash, timeout: Int = 30,
        environment: [String: String] = [:], maxOutput: Int = 64 * 1024
    ) -> ExecutionRequest {
        ExecutionRequest(
            step: PlanStep(name: "remediate", role: .remediate, language: language, script: script, target: host.name, timeoutSeconds: timeout),
            host: host.name, target: host, environment: environment, maxOutputBytes: maxOutput
        )
    }

    @Test("ed25519 key from a key file: stdout, stderr, exit status; alert facts arrive as environment, byte for byte")
    func ed25519KeyFile() async throws {
        let host = try server.host()
        let hostile = "web-1'; rm -rf / $(reboot) `id` \"quoted\"\n\\ é\n"
        let outcome = try await executor.run(request(
            "echo out; echo err >&2; printf '%s' \"$ALERT_HOST\"; printf '|%s|' \"$(whoami)\"", on: host, environment: ["ALERT_HOST": hostile]
        ))
        #expect(outcome.status == .succeeded, "\(outcome.stderr)")
        #expect(outcome.exitCode == 0)
        #expect(outcome.stdout == "out\n" + hostile + "|\(server.user)|")
        #expect(outcome.stderr == "err\n")
        #expect(outcome.command.hasPrefix("ssh \(server.user)@127.0.0.1:\(server.port) exec timeout"))
        await executor.shutdown()
    }

    @Test("ECDSA key and password, each from a sealed secret")
    func secrets() async throws {
        let key = try String(contentsOfFile: server.file("user_ecdsa"), encoding: .utf8)
        try await vault.set("web-ecdsa", value: Data(key.utf8), tenantID: .default, actor: "test")
        try await vault.set("web-password", value: Data((server.password + "\n").utf8), tenantID: .default, actor: "test")
        for credential in ["web-ecdsa", "web-password"] {
            let outcome = try await executor.run(request("echo hello from $(whoami)", on: try server.host(credential: credential)))
            #expect(outcome.status == .succeeded, "\(credential): \(outcome.stderr)")
            #expect(outcome.stdout == "hello from \(server.user)\n")
        }
        try await vault.set("wrong-password", value: Data("not-the-password".utf8), tenantID: .default, actor: "test")
        let refused = try await executor.run(request("echo never", on: try server.host(name: "web-2", credential: "wrong-password")))
        #expect(refused.status == .failed)
        #expect(refused.stderr.contains("authenticationFailed") && refused.stderr.contains("refused the password"))
        #expect(!refused.stderr.contains("not-the-password"))
        let missing = try await executor.run(request("echo never", on: try server.host(name: "web-3", credential: "no-such-secret")))
        #expect(missing.status == .failed && missing.stderr.contains("no secret named 'no-such-secret'"))
        await executor.shutdown()
    }

    @Test("an RSA key goes through the OpenSSH client, pinned and in batch mode")
    func rsaKey() async throws {
        let outcome = try await executor.run(request("echo rsa; exit 4", on: try server.host(keyFile: "user_rsa")))
        #expect(outcome.status == .failed, "\(outcome.stderr)")
        #expect(outcome.exitCode == 4)
        #expect(outcome.stdout == "rsa\n")
        #expect(outcome.command.hasSuffix("(OpenSSH client)"))
        // Pinned by its RSA host key only: the OpenSSH client checks it.
        let rsaPinned = try server.host(keyFile: "user_rsa", hostKey: try server.publicKey("host_rsa"))
        #expect(try await executor.run(request("echo ok", on: rsaPinned)).stdout == "ok\n")
        // An ed25519 key on a host pinned only by its RSA key goes through the OpenSSH client too.
        let ed25519OnRSAPin = try server.host(keyFile: "user_ed25519", hostKey: try server.publicKey("host_rsa"))
        let viaOpenSSH = try await executor.run(request("echo ed25519", on: ed25519OnRSAPin))
        #expect(viaOpenSSH.stdout == "ed25519\n" && viaOpenSSH.command.hasSuffix("(OpenSSH client)"), "\(viaOpenSSH.stderr)")
        // A different RSA pin is refused by the client as well.
        let other = try server.host(keyFile: "user_rsa", hostKey: try server.publicKey("user_rsa"))
        let refused = try await executor.run(request("echo never", on: other))
        #expect(refused.status == .failed)
        #expect(refused.stderr.contains("hostKeyMismatch"), "\(refused.stderr)")
    }

    @Test("a server key that is not the pinned one is refused before anything runs")
    func wrongHostKey() async throws {
        let marker = "\(server.directory)/must-not-exist-\(UUID().uuidString)"
        // The user's own ed25519 key stands in for "some other server".
        let host = try server.host(hostKey: try server.publicKey("user_ed25519"))
        let outcome = try await executor.run(request("touch \(marker)", on: host))
        #expect(outcome.status == .failed)
        #expect(outcome.stderr.contains("hostKeyMismatch") && outcome.stderr.contains("SHA256:"), "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test("known_hosts files: a hashed entry for [address]:port pins the key; a revoked or absent one refuses")
    func knownHosts() async throws {
        let hostKey = try server.publicKey("host_ed25519")
        let salt = Data((0..<20).map { _ in UInt8.random(in: 0...255) })
        let mac = HMAC<Insecure.SHA1>.authenticationCode(for: Data("[127.0.0.1]:\(server.port)".utf8), using: SymmetricKey(data: salt))
        let hashed = "|1|\(salt.base64EncodedString())|\(Data(mac).base64EncodedString()) \(hostKey)\n"
        let files = [
            ("hashed", "# comment\notherhost \(try server.publicKey("user_rsa"))\n" + hashed, true),
            ("wildcard", "[127.0.0.*]:\(server.port) \(hostKey)\n", true),
            ("revoked", "[127.0.0.1]:\(server.port) \(hostKey)\n@revoked * \(hostKey)\n", false),
            ("other-port", "[127.0.0.1]:1 \(hostKey)\n", false),
        ]
        for (name, text, accepted) in files {
            let path = "\(server.directory)/known_hosts_\(name)_\(UUID().uuidString)"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let outcome = try await executor.run(request("echo pinned", on: try server.host(name: "kh-\(name)", knownHostsFile: path)))
            #expect((outcome.status == .succeeded) == accepted, "\(name): \(outcome.stderr)")
            if !accepted { #expect(outcome.stderr.contains("hostKeyMismatch"), "\(name): \(outcome.stderr)") }
        }
        await executor.shutdown()
    }

    @Test("a timed-out step is ended on the host, with everything it started")
    func timeoutEndsRemoteProcess() async throws {
        let outcome = try await executor.run(request("sleep 300 & echo \"child=$!\"; wait", on: try server.host(), timeout: 2))
        #expect(outcome.status == .timedOut)
        #expect(outcome.stderr.contains("timed out after 2s"))
        let pid = try #require(outcome.stdout.split(separator: "=").last.flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) })
        #expect(try await Self.processEnds(pid), "sleep (pid \(pid)) still runs on the host")
        await executor.shutdown()
    }

    @Test("a cancelled step (the kill switch) is ended on the host")
    func cancellationEndsRemoteProcess() async throws {
        let host = try server.host()
        let pidFile = "/tmp/remediator-ssh-test-cancel-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: pidFile) }
        let task = Task { try await executor.run(request("sleep 300 & echo $! > \(pidFile); wait", on: host, timeout: 120)) }
        var pid: Int?
        for _ in 0..<100 where pid == nil {
            try await Task.sleep(for: .milliseconds(100))
            pid = (try? String(contentsOfFile: pidFile, encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
        let started = try #require(pid)
        task.cancel()
        let outcome = try await task.value
        #expect(outcome.status == .interrupted)
        #expect(try await Self.processEnds(started), "sleep (pid \(started)) still runs on the host")
        await executor.shutdown()
    }

    /// Polls `/proc` (the server is this machine) for up to 10 s.
    static func processEnds(_ pid: Int) async throws -> Bool {
        for _ in 0..<100 {
            if !FileManager.default.fileExists(atPath: "/proc/\(pid)") { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    @Test("5 MB of output is cut at the bound and marked; non-UTF-8 bytes are kept as escapes")
    func largeAndBinaryOutput() async throws {
        let host = try server.host()
        let large = try await executor.run(request("head -c 5000000 /dev/zero | tr '\\0' a; echo done >&2", on: host, maxOutput: 1_000_000))
        #expect(large.status == .succeeded, "\(large.stderr)")
        #expect(large.truncated)
        #expect(large.stdout.hasPrefix(String(repeating: "a", count: 1_000_000)))
        #expect(large.stdout.hasSuffix("[output truncated at 1000000 bytes]"))
        #expect(large.stderr == "done\n")
        let binary = try await executor.run(request("printf 'ok\\377\\376é end'", on: host))
        #expect(binary.stdout == "ok\\xFF\\xFEé end")
        await executor.shutdown()
    }

    @Test("a 100 KB script goes whole through standard input")
    func largeScript() async throws {
        let lines = (0..<2_000).map { "echo line-\($0) # " + String(repeating: "x", count: 40) }
        let script = lines.joined(separator: "\n")
        #expect(script.utf8.count > 100_000)
        let outcome = try await executor.run(request(script, on: try server.host(), maxOutput: 1_000_000))
        #expect(outcome.status == .succeeded, "\(outcome.stderr)")
        #expect(outcome.stdout == (0..<2_000).map { "line-\($0)\n" }.joined())
        await executor.shutdown()
    }

    @Test("steps on one host share a connection, and at most the per-host limit run at once")
    func reuseAndLimits() async throws {
        let host = try server.host()
        let first = try await executor.run(request("echo $SSH_CONNECTION", on: host))
        let second = try await executor.run(request("echo $SSH_CONNECTION", on: host))
        #expect(!first.stdout.isEmpty && first.stdout == second.stdout, "two connections: \(first.stdout) / \(second.stdout)")
        // The test user writes it; the test (another user) reads it.
        let log = "/tmp/remediator-ssh-test-concurrency-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: log) }
        let script = "flock \(log).lock -c 'echo start >> \(log)'; sleep 0.4; flock \(log).lock -c 'echo end >> \(log)'"
        try await withThrowingTaskGroup(of: ExecutionOutcome.self) { group in
            for _ in 0..<6 { group.addTask { try await executor.run(request(script, on: host)) } }
            for try await outcome in group { #expect(outcome.status == .succeeded, "\(outcome.stderr)") }
        }
        let events = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        #expect(events.count == 12)
        var running = 0, most = 0
        for event in events {
            running += event == "start" ? 1 : -1
            most = max(most, running)
        }
        #expect(most <= 2, "\(most) steps ran at once on one host; the limit is 2")
        await executor.shutdown()
    }

    /// What the `powershell.exe` shim on the server decoded.
    struct ShimReport: Decodable {
        var args: [String]
        var via_stdin: Bool
        var command_length: Int
        var script: String
    }

    @Test("PowerShell: -EncodedCommand is UTF-16LE base64 PowerShell decodes to the script; a long script goes through stdin")
    func powerShellEncoding() async throws {
        let windows = try server.host(name: "win-1", platform: .windows)
        let short = "Get-Service -Name 'Spooler' | Restart-Service # é ✓ 😀"
        let long = (0..<400).map { "Write-Output 'line \($0) ü'" }.joined(separator: "\r\n")
        for (script, viaStdin) in [(short, false), (long, true)] {
            let outcome = try await executor.run(request(script, on: windows, language: .powershell, environment: ["ALERT_HOST": "win-1'; Stop-Computer"]))
            #expect(outcome.status == .succeeded, "\(outcome.stderr)")
            let report = try JSONDecoder().decode(ShimReport.self, from: Data(outcome.stdout.utf8))
            #expect(report.args == ["-NoProfile", "-NonInteractive"])
            #expect(report.via_stdin == viaStdin)
            #expect(report.command_length <= 8_000)
            let preamble = "$env:ALERT_HOST = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('\(Data("win-1'; Stop-Computer".utf8).base64EncodedString())'))\n"
            #expect(report.script == preamble + script)
            #expect(outcome.command.contains("powershell.exe -NoProfile -NonInteractive -EncodedCommand <"))
        }
        let bash = try await executor.run(request("echo no", on: windows))
        #expect(bash.status == .failed && bash.stderr.contains("runs Windows"))
        await executor.shutdown()
    }

    @Test("the node-wide session limit holds across hosts")
    func globalLimit() async throws {
        var configuration = SSHExecutor.Configuration()
        configuration.maximumSessions = 1
        let executor = SSHExecutor(configuration: configuration, vault: vault)
        let log = "/tmp/remediator-ssh-test-global-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: log) }
        let script = "flock \(log).lock -c 'echo start >> \(log)'; sleep 0.3; flock \(log).lock -c 'echo end >> \(log)'"
        let hosts = [try server.host(name: "a"), try server.host(name: "b"), try server.host(name: "c")]
        try await withThrowingTaskGroup(of: ExecutionOutcome.self) { group in
            for host in hosts { group.addTask { try await executor.run(request(script, on: host)) } }
            for try await outcome in group { #expect(outcome.status == .succeeded, "\(outcome.stderr)") }
        }
        let events = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        #expect(events == ["start", "end", "start", "end", "start", "end"])
        await executor.shutdown()
    }

    @Test("key files that cannot be used are refused with the reason: passphrase, readable by others, not a key")
    func unusableKeyFiles() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("remediator-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let protected = directory.appendingPathComponent("protected").path
        let keygen = Process()
        keygen.executableURL = URL(fileURLWithPath: "/usr/bin/ssh-keygen")
        keygen.arguments = ["-q", "-t", "ed25519", "-N", "a passphrase", "-f", protected]
        try keygen.run()
        keygen.waitUntilExit()
        let readable = directory.appendingPathComponent("readable").path
        try FileManager.default.copyItem(atPath: server.file("user_ed25519"), toPath: readable)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: readable)
        let garbage = directory.appendingPathComponent("garbage").path
        try "-----BEGIN OPENSSH PRIVATE KEY-----\nbm90IGEga2V5\n-----END OPENSSH PRIVATE KEY-----\n".write(toFile: garbage, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: garbage)
        for (path, expected) in [(protected, "protected by a passphrase"), (readable, "can be read by other users"), (garbage, "not a well-formed OpenSSH private key")] {
            var host = try server.host(keyFile: nil)
            host.privateKeyFile = path
            let outcome = try await executor.run(request("echo never", on: host))
            #expect(outcome.status == .failed)
            #expect(outcome.stderr.contains("badCredential") && outcome.stderr.contains(expected), "\(outcome.stderr)")
        }
    }

    @Test("an unreachable port and a host without a target fail with clear errors")
    func unreachable() async throws {
        var host = try server.host(name: "gone")
        host.port = 1
        let outcome = try await executor.run(request("echo never", on: host))
        #expect(outcome.status == .failed && outcome.stderr.contains("connectionFailed"), "\(outcome.stderr)")
        var untargeted = request("echo never", on: host)
        untargeted.target = nil
        #expect(try await executor.run(untargeted).stderr.contains("not in the inventory"))
    }

    @Test("a server that accepts the connection and never speaks fails the step at the connect timeout")
    func silentServer() async throws {
        // A listening socket nobody accepts on: the kernel completes TCP, nothing answers.
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(socket >= 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && listen(socket, 8) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        #expect(bound)
        var configuration = SSHExecutor.Configuration()
        configuration.connectTimeout = .seconds(1)
        let executor = SSHExecutor(configuration: configuration, vault: vault)
        var host = try server.host(name: "silent")
        host.port = Int(UInt16(bigEndian: address.sin_port))
        let outcome = try await executor.run(request("echo never", on: host))
        #expect(outcome.status == .failed)
        #expect(outcome.stderr.contains("did not finish within"), "\(outcome.stderr)")
    }
}
