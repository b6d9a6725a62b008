public import Foundation

/// Bedrock Runtime's `Converse` call over a signed ``AWSClient``.
public struct BedrockRuntimeClient: Sendable {
    public let client: AWSClient
    /// The Bedrock Runtime endpoint (``AWSEndpoint/url(service:region:environment:)``).
    public let endpoint: URL

    public init(client: AWSClient, endpoint: URL) {
        self.client = client
        self.endpoint = endpoint
    }

    /// Sends one Converse request to `modelID` (a model id such as `amazon.nova-pro-v1:0`,
    /// an inference profile id or an ARN).
    public func converse(modelID: String, _ request: BedrockConverse.Request, timeout: Duration) async throws(AWSServiceError) -> BedrockConverse.Response {
        try await client.postJSON(
            request, to: endpoint, path: Self.conversePath(modelID: modelID), signingName: "bedrock",
            headers: [(name: "Content-Type", value: "application/json"), (name: "Accept", value: "application/json")], timeout: timeout,
            operation: "Converse"
        )
    }

    /// `/model/amazon.nova-pro-v1%3A0/converse`: the model id is one path segment, with
    /// `:` and `/` (ARNs) percent-encoded as the AWS SDKs send them.
    public static func conversePath(modelID: String) -> String {
        "/model/\(SigV4Signer.uriEncode(modelID))/converse"
    }
}
