import AWS
import Execution
import Foundation
import RemediatorCore
import Testing

@Suite("SSM executor against a local Run Command server")
struct SSMExecutorTests {
    static let credentials = AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")

    func executor(_ url: URL, credentials: AWSCredentials = Self.credentials) -> SSMExecutor {
        var configuration = SSMExecutor.Configuration()
        configuration.pollInterval = .milliseconds(50)
        return SSMExecutor(
            configuration: configuration, client: AWSClient(credentials: credentials, region: "us-east-1"),
            environment: ["AWS_ENDPOINT_URL_SSM": url.absoluteString]
        )
    }

    func request(
        _ script: String, instance: String = "i-0123456789abcdef0", platform: InventoryHost.Platform = .linux, language: ScriptLanguage = .bash,
        timeout: Int = 30, environment: [String: String] = [:], maxOutput: Int = 64 * 1024
    ) -> ExecutionRequest {
        let host = InventoryHost(name: "build-1", address: "build-1", platform: platform, executor: .ssm, instanceID: instance, region: "eu-west-1")
        return ExecutionRequest(
            step: PlanStep(name: "remediate", role: .remediate, language: language, script: script, target: host.name, timeoutSeconds: timeout),
            host: host.name, target: host, environment: environment, maxOutputBytes: maxOutput
        )
    }

    @Test("a bash step runs through AWS-RunShellScript: signed calls, output, exit code, alert facts byte for byte")
    func runShellScript() async throws {
        let fake = FakeSSM(credentials: Self.credentials, instances: ["i-0123456789abcdef0"])
        try await fake.serve { url in
            let hostile = "x'; reboot; $(id) `id`\nREMEDIATOR_STEP\n"
            let script = "echo out; echo err >&2; printf '%s|' \"$ALERT_HOST\"; cat <<'REMEDIATOR_STEP'\ninner\nREMEDIATOR_STEP\nexit 3"
            let outcome = try await executor(url).run(request(script, environment: ["ALERT_HOST": hostile]))
            #expect(outcome.status == .failed, "\(outcome.stderr)")
            #expect(outcome.exitCode == 3)
            #expect(outcome.stdout == "out\n\(hostile)|inner\n")
            #expect(outcome.stderr == "err\n")
            #expect(outcome.command.hasPrefix("ssm AWS-RunShellScript i-0123456789abcdef0 (eu-west-1) command "))
            let received = await fake.received
            #expect(received.allSatisfy { $0.signatureValid })
            #expect(received.map(\.target).first == "AmazonSSM.SendCommand")
            #expect(received.contains { $0.target == "AmazonSSM.GetCommandInvocation" })
            // The alert text never appears in the commands sent, only its base64.
            guard case .object(let sent) = try #require(received.first?.body), case .object(let parameters) = sent["Parameters"] else {
                Issue.record("SendCommand's body is not an object with Parameters")
                return
            }
            #expect(!"\(sent)".contains("reboot"))
            #expect(parameters["executionTimeout"] == .array([.string("35")]))
            #expect(sent["Comment"] == .string("remediator remediate on build-1"))
            #expect(sent["DocumentName"] == .string("AWS-RunShellScript"))
        }
    }

    @Test("a run past its timeout is cancelled in SSM and ends on the instance")
    func timeout() async throws {
        let fake = FakeSSM(credentials: Self.credentials, instances: ["i-0123456789abcdef0"])
        try await fake.serve { url in
            var configuration = SSMExecutor.Configuration()
            configuration.pollInterval = .milliseconds(50)
            configuration.deliveryTimeoutSeconds = 1
            let executor = SSMExecutor(
                configuration: configuration, client: AWSClient(credentials: Self.credentials, region: "us-east-1"),
                environment: ["AWS_ENDPOINT_URL_SSM": url.absoluteString]
            )
            let outcome = try await executor.run(request("echo started; sleep 300", timeout: 1))
            #expect(outcome.status == .timedOut, "\(outcome.stderr)")
            #expect(outcome.stderr.contains("the SSM command was cancelled"))
            let received = await fake.received
            #expect(received.last?.target == "AmazonSSM.CancelCommand")
            let id = try #require(outcome.command.split(separator: " ").last.map(String.init))
            #expect(await fake.command(id)?.status == "Cancelled")
        }
    }

    @Test("a cancelled step (the kill switch) cancels the SSM command")
    func cancellation() async throws {
        let fake = FakeSSM(credentials: Self.credentials, instances: ["i-0123456789abcdef0"])
        try await fake.serve { url in
            let executor = executor(url)
            let task = Task { try await executor.run(request("sleep 300", timeout: 120)) }
            // Cancelled once the command runs, whatever the executor is doing at that moment.
            while await !fake.received.contains(where: { $0.target == "AmazonSSM.GetCommandInvocation" }) {
                try await Task.sleep(for: .milliseconds(10))
            }
            task.cancel()
            let outcome = try await task.value
            #expect(outcome.status == .interrupted)
            #expect(await fake.received.last?.target == "AmazonSSM.CancelCommand")
        }
    }

    @Test("a step cancelled while SendCommand is on its way still cancels the command it started")
    func cancellationDuringSend() async throws {
        let fake = FakeSSM(credentials: Self.credentials, instances: ["i-0123456789abcdef0"])
        await fake.delaySendCommand(by: .seconds(1))
        try await fake.serve { url in
            let executor = executor(url)
            let task = Task { try await executor.run(request("sleep 300", timeout: 120)) }
            while await !fake.received.contains(where: { $0.target == "AmazonSSM.SendCommand" }) {
                try await Task.sleep(for: .milliseconds(10))
            }
            task.cancel()
            let outcome = try await task.value
            #expect(outcome.status == .interrupted, "\(outcome.stderr)")
            #expect(await fake.received.last?.target == "AmazonSSM.CancelCommand")
            let id = try #require(outcome.command.split(separator: " ").last.map(String.init))
            #expect(await fake.command(id)?.status == "Cancelled")
        }
    }

    @Test("PowerShell on Windows goes to AWS-RunPowerShellScript with the alert facts as $env: preamble")
    func powerShell() async throws {
        let fake = FakeSSM(credentials: Self.credentials, instances: ["i-0123456789abcdef0"])
        try await fake.serve { url in
            let outcome = try await executor(url).run(request(
                "Restart-Service -Name Spooler", platform: .windows, language: .powershell, environment: ["ALERT_HOST": "win'; Stop-Computer"]
            ))
            #expect(outcome.status == .succeeded, "\(outcome.stderr)")
            let encoded = Data("win'; Stop-Computer".utf8).base64EncodedString()
            #expect(outcome.stdout == "$env:ALERT_HOST = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('\(encoded)'))\nRestart-Service -Name Spooler")
            #expect(outcome.command.hasPrefix("ssm AWS-RunPowerShellScript"))
        }
    }

    @Test("output beyond SSM's 24,000 characters is marked truncated")
    func largeOutput() async throws {
        let fake = FakeSSM(credentials: Self.credentials, instances: ["i-0123456789abcdef0"])
        try await fake.serve { url in
            let outcome = try await executor(url).run(request("head -c 100000 /dev/zero | tr '\\0' a"))
            #expect(outcome.status == .succeeded)
            #expect(outcome.truncated)
            #expect(outcome.stdout.count == 24_000)
            #expect(outcome.stderr.contains("at most 24000 characters"))
        }
    }

    @Test("an unknown instance, a wrong key and a host without instance_id fail with the service's error")
    func errors() async throws {
        let fake = FakeSSM(credentials: Self.credentials, instances: ["i-0123456789abcdef0"])
        try await fake.serve { url in
            let unknown = try await executor(url).run(request("echo never", instance: "i-0000000000000dead"))
            #expect(unknown.status == .failed && unknown.stderr.contains("InvalidInstanceId"), "\(unknown.stderr)")
            let wrongKey = AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "not-the-secret")
            let refused = try await executor(url, credentials: wrongKey).run(request("echo never"))
            #expect(refused.status == .failed && refused.stderr.contains("InvalidSignatureException"), "\(refused.stderr)")
            #expect(!refused.stderr.contains("not-the-secret"))
            var noInstance = request("echo never")
            noInstance.target?.instanceID = nil
            #expect(try await executor(url).run(noInstance).stderr.contains("no instance_id"))
            #expect(await fake.commands.isEmpty)
        }
    }
}
