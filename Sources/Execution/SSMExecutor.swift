public import AWS
import Foundation
public import RemediatorCore

/// Runs steps on EC2 and managed instances through AWS Systems Manager Run Command:
/// `SendCommand` with `AWS-RunShellScript` or `AWS-RunPowerShellScript`, then
/// `GetCommandInvocation` until the run ends.
///
/// A bash step is handed to `bash -s` through a quoted here-document, so it runs as it does
/// over SSH (read whole before it starts, under `timeout`); alert facts arrive through the
/// same base64 preamble. A run that outlives its timeout, or a step that is cancelled (the
/// kill switch), is cancelled in SSM (`CancelCommand`).
public struct SSMExecutor: Executor {
    public struct Configuration: Sendable {
        /// Between two `GetCommandInvocation` calls.
        public var pollInterval: Duration = .seconds(1)
        /// How long SSM may take to reach the instance (SendCommand's `TimeoutSeconds`).
        public var deliveryTimeoutSeconds = 60

        public init() {}
    }

    public let name = "ssm"
    let configuration: Configuration
    let awsClient: AWSClient
    let defaultRegion: String
    let environment: [String: String]

    /// - Parameters:
    ///   - environment: where `AWS_ENDPOINT_URL_SSM` / `AWS_ENDPOINT_URL` are read.
    public init(configuration: Configuration = Configuration(), client: AWSClient, environment: [String: String]) {
        self.configuration = configuration
        self.awsClient = client
        self.defaultRegion = client.region
        self.environment = environment
    }

    /// SSM answers with at most this many characters of each output stream.
    static let ssmOutputLimit = 24_000

    public func run(_ request: ExecutionRequest) async throws -> ExecutionOutcome {
        guard let host = request.target, let instanceID = host.instanceID else {
            return ExecutionOutcome(status: .failed, command: "", stderr: "refused: host '\(request.host)' has no instance_id in the inventory, so SSM cannot reach it")
        }
        let region = host.region ?? defaultRegion
        let document = host.platform == .windows ? "AWS-RunPowerShellScript" : "AWS-RunShellScript"
        var shown = "ssm \(document) \(instanceID) (\(region))"
        do {
            let client = try ssmClient(region: region)
            let commands = try Self.commands(for: request, platform: host.platform)
            guard !Task.isCancelled else {
                return ExecutionOutcome(status: .interrupted, command: shown, stderr: "[stopped: the step was cancelled before the command was sent]")
            }
            // Sent outside this task's cancellation: a SendCommand cut off half-way may still
            // start the command, and only its id lets a cancelled step cancel it in SSM.
            let executionTimeout = request.step.timeoutSeconds + RemoteInvocation.remoteGrace
            let deliveryTimeout = configuration.deliveryTimeoutSeconds
            let comment = "remediator \(request.step.name) on \(host.name)"
            let commandID = try await Task {
                try await client.sendCommand(
                    instanceID: instanceID, document: document, commands: commands,
                    executionTimeoutSeconds: executionTimeout, deliveryTimeoutSeconds: deliveryTimeout, comment: comment
                )
            }.value
            shown += " command \(commandID)"
            return try await follow(commandID, instanceID: instanceID, client: client, request: request, shown: shown)
        } catch let error as AWSServiceError {
            return ExecutionOutcome(status: .failed, command: shown, stderr: "ssm: \(error)")
        } catch let error as RemoteExecutionError {
            return ExecutionOutcome(status: .failed, command: shown, stderr: error.description)
        }
    }

    /// Polls until the run ends, its time is up, or the step is cancelled.
    func follow(_ commandID: String, instanceID: String, client: SSMClient, request: ExecutionRequest, shown: String) async throws -> ExecutionOutcome {
        let deadline = ContinuousClock.now + .seconds(request.step.timeoutSeconds + configuration.deliveryTimeoutSeconds)
        var invocation = SSMClient.Invocation(status: "Pending")
        while !invocation.isFinished {
            guard !Task.isCancelled, ContinuousClock.now < deadline else {
                // A task that is not cancelled itself sends the cancel.
                let cancelled = Task.isCancelled
                await Task { try? await client.cancelCommand(commandID: commandID, instanceID: instanceID) }.value
                return outcome(
                    invocation, status: cancelled ? .interrupted : .timedOut, request: request, shown: shown,
                    note: cancelled ? "[stopped: the step was cancelled; the SSM command was cancelled]" : "[timed out after \(request.step.timeoutSeconds)s; the SSM command was cancelled]"
                )
            }
            try? await Task.sleep(for: configuration.pollInterval)
            do {
                invocation = try await client.getCommandInvocation(commandID: commandID, instanceID: instanceID)
            } catch {
                // Right after SendCommand the invocation may not exist yet; throttling passes; a
                // poll cut off by cancellation goes round once more to cancel the command.
                guard error.code == "InvocationDoesNotExist" || error.isRetryable || Task.isCancelled else { throw error }
            }
        }
        let status: Execution.Status = switch invocation.status {
        case "Success": .succeeded
        case "TimedOut": .timedOut
        case "Cancelled": .interrupted
        default: .failed
        }
        let note = status == .succeeded || invocation.status == "Failed" ? nil : "[SSM status \(invocation.status)\(invocation.statusDetails.map { ": \($0)" } ?? "")]"
        return outcome(invocation, status: status, request: request, shown: shown, note: note)
    }

    func outcome(_ invocation: SSMClient.Invocation, status: Execution.Status, request: ExecutionRequest, shown: String, note: String?) -> ExecutionOutcome {
        let stdout = OutputBuffer(limit: request.maxOutputBytes)
        let stderr = OutputBuffer(limit: request.maxOutputBytes)
        stdout.append(Array((invocation.standardOutputContent ?? "").utf8))
        stderr.append(Array((invocation.standardErrorContent ?? "").utf8))
        var cutBySSM = false
        for content in [invocation.standardOutputContent, invocation.standardErrorContent] where (content?.count ?? 0) >= Self.ssmOutputLimit {
            cutBySSM = true
        }
        if cutBySSM { stderr.append(Array("\n[SSM returns at most \(Self.ssmOutputLimit) characters of each output stream]".utf8)) }
        if let note { stderr.append(Array("\n\(note)".utf8)) }
        let exitCode = invocation.responseCode.flatMap { $0 >= 0 ? Int32(truncatingIfNeeded: $0) : nil }
        return ExecutionOutcome(
            status: status, command: shown, exitCode: exitCode, stdout: stdout.text, stderr: stderr.text,
            truncated: stdout.truncated || stderr.truncated || cutBySSM
        )
    }

    func ssmClient(region: String) throws -> SSMClient {
        let regional = AWSClient(httpClient: awsClient.httpClient, credentials: awsClient.credentials, region: region, maximumResponseBytes: awsClient.maximumResponseBytes)
        do {
            return SSMClient(client: regional, endpoint: try AWSEndpoint.url(service: "ssm", region: region, environment: environment))
        } catch {
            throw RemoteExecutionError(.configuration, "SSM endpoint for \(region): \(error)")
        }
    }

    /// The document's `commands`: for Linux, the step as standard input of `bash -s` (or
    /// the `pwsh` command line) through a quoted here-document whose delimiter is not in
    /// the text; for Windows, the PowerShell script itself.
    static func commands(for request: ExecutionRequest, platform: InventoryHost.Platform) throws(RemoteExecutionError) -> [String] {
        if platform == .windows {
            guard request.step.language == .powershell else {
                throw RemoteExecutionError(.configuration, "step '\(request.step.name)' is a bash script and host '\(request.host)' runs Windows")
            }
            return try RemoteInvocation.powerShellScript(for: request).components(separatedBy: "\n")
        }
        let invocation = try RemoteInvocation.make(for: request, platform: platform)
        let input = String(decoding: invocation.standardInput, as: UTF8.self)
        var delimiter = "REMEDIATOR_STEP"
        while input.contains(delimiter) { delimiter += "_" + String(UInt32.random(in: 0...UInt32.max), radix: 16) }
        let body = input.hasSuffix("\n") || input.isEmpty ? input : input + "\n"
        return ["\(invocation.command) <<'\(delimiter)'"] + body.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) + [delimiter]
    }
}
