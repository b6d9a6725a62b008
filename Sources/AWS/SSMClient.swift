public import Foundation

/// AWS Systems Manager Run Command over a signed ``AWSClient``: `SendCommand`,
/// `GetCommandInvocation` and `CancelCommand` in the JSON 1.1 protocol (`POST /` with
/// `X-Amz-Target: AmazonSSM.<Action>`).
public struct SSMClient: Sendable {
    public let client: AWSClient
    /// The SSM endpoint (``AWSEndpoint/url(service:region:environment:)`` with `ssm`).
    public let endpoint: URL
    /// Per API call; polling is bounded by the caller.
    public var callTimeout: Duration = .seconds(30)

    public init(client: AWSClient, endpoint: URL) {
        self.client = client
        self.endpoint = endpoint
    }

    /// What `GetCommandInvocation` reports about one instance's run.
    public struct Invocation: Sendable, Equatable, Decodable {
        /// `Pending`, `InProgress`, `Delayed`, `Success`, `Cancelled`, `TimedOut`, `Failed`,
        /// `Cancelling`.
        public var status: String
        public var statusDetails: String?
        /// The script's exit code; -1 while it runs.
        public var responseCode: Int?
        public var standardOutputContent: String?
        public var standardErrorContent: String?

        public init(status: String, statusDetails: String? = nil, responseCode: Int? = nil, standardOutputContent: String? = nil, standardErrorContent: String? = nil) {
            self.status = status
            self.statusDetails = statusDetails
            self.responseCode = responseCode
            self.standardOutputContent = standardOutputContent
            self.standardErrorContent = standardErrorContent
        }

        /// Whether the run has ended (successfully or not).
        public var isFinished: Bool {
            ["Success", "Cancelled", "TimedOut", "Failed", "Undeliverable", "Terminated"].contains(status)
        }

        enum CodingKeys: String, CodingKey {
            case status = "Status"
            case statusDetails = "StatusDetails"
            case responseCode = "ResponseCode"
            case standardOutputContent = "StandardOutputContent"
            case standardErrorContent = "StandardErrorContent"
        }
    }

    /// Runs `commands` with `document` (`AWS-RunShellScript`, `AWS-RunPowerShellScript`) on
    /// one instance; returns the command id.
    ///
    /// - Parameters:
    ///   - executionTimeoutSeconds: how long the agent lets the script run (the document's
    ///     `executionTimeout`).
    ///   - deliveryTimeoutSeconds: how long SSM tries to reach the instance (at least 30).
    public func sendCommand(
        instanceID: String, document: String, commands: [String], executionTimeoutSeconds: Int, deliveryTimeoutSeconds: Int, comment: String
    ) async throws(AWSServiceError) -> String {
        struct Body: Encodable {
            var InstanceIds: [String]
            var DocumentName: String
            var Parameters: [String: [String]]
            var TimeoutSeconds: Int
            var Comment: String
        }
        struct Answer: Decodable {
            struct Command: Decodable { var CommandId: String }
            var Command: Command
        }
        let body = Body(
            InstanceIds: [instanceID], DocumentName: document,
            Parameters: ["commands": commands, "executionTimeout": [String(executionTimeoutSeconds)]],
            TimeoutSeconds: max(30, deliveryTimeoutSeconds), Comment: String(comment.prefix(100))
        )
        let answer: Answer = try await call("SendCommand", body)
        return answer.Command.CommandId
    }

    public func getCommandInvocation(commandID: String, instanceID: String) async throws(AWSServiceError) -> Invocation {
        try await call("GetCommandInvocation", ["CommandId": commandID, "InstanceId": instanceID])
    }

    public func cancelCommand(commandID: String, instanceID: String) async throws(AWSServiceError) {
        struct Body: Encodable {
            var CommandId: String
            var InstanceIds: [String]
        }
        struct Empty: Decodable {}
        let _: Empty = try await call("CancelCommand", Body(CommandId: commandID, InstanceIds: [instanceID]))
    }

    func call<Body: Encodable, Answer: Decodable>(_ action: String, _ body: Body) async throws(AWSServiceError) -> Answer {
        try await client.postJSON(
            body, to: endpoint, path: "/", signingName: "ssm",
            headers: [(name: "Content-Type", value: "application/x-amz-json-1.1"), (name: "X-Amz-Target", value: "AmazonSSM.\(action)")],
            timeout: callTimeout, operation: action
        )
    }
}
