public import AsyncHTTPClient
public import AWS
public import Foundation
import RemediatorCore

/// Amazon Bedrock through the Converse API (default model Amazon Nova Pro), the plan
/// requested as a tool call.
public struct BedrockProvider: LLMProvider {
    public static let defaultModel = "amazon.nova-pro-v1:0"

    public let name = "bedrock"
    public let model: String
    let client: BedrockRuntimeClient
    let timeout: Duration

    public init(model: String = Self.defaultModel, client: BedrockRuntimeClient, timeout: Duration) {
        self.model = model
        self.client = client
        self.timeout = timeout
    }

    /// A provider with credentials, region and endpoint found the way the AWS SDKs find
    /// them (``AWSCredentialChain``, ``AWSEndpoint``).
    public init(
        model: String = Self.defaultModel, environment: [String: String], homeDirectory: String?, timeout: Duration, httpClient: HTTPClient = .shared
    ) throws(AWSConfigurationError) {
        let chain = AWSCredentialChain(environment: environment, homeDirectory: homeDirectory)
        let region = try chain.region()
        let endpoint = try AWSEndpoint.url(service: "bedrock-runtime", region: region, environment: environment)
        self.init(model: model, client: BedrockRuntimeClient(
            client: AWSClient(httpClient: httpClient, credentials: try chain.credentials(), region: region), endpoint: endpoint
        ), timeout: timeout)
    }

    public func complete(_ request: LLMRequest) async throws(LLMProviderError) -> LLMReply {
        // The named tool first; a model that rejects forcing one tool gets `any`, then `auto`.
        let choices: [BedrockConverse.ToolChoice?] = [.tool(request.tool.name), .any, nil]
        var lastError: LLMProviderError?
        for choice in choices {
            do {
                let response = try await client.converse(modelID: model, converseRequest(request, toolChoice: choice), timeout: timeout)
                return reply(response, tool: request.tool.name)
            } catch {
                let mapped = Self.map(error)
                guard mapped.kind == .rejected, error.code == "ValidationException", Self.mentionsToolChoice(error.message) else { throw mapped }
                lastError = mapped
            }
        }
        throw lastError ?? LLMProviderError(kind: .rejected, provider: name, message: "no tool choice accepted")
    }

    func converseRequest(_ request: LLMRequest, toolChoice: BedrockConverse.ToolChoice?) -> BedrockConverse.Request {
        BedrockConverse.Request(
            messages: request.messages.map { BedrockConverse.Message(role: $0.role.rawValue, content: [BedrockConverse.ContentBlock(text: $0.text)]) },
            system: request.system.isEmpty ? nil : [BedrockConverse.SystemBlock(text: request.system)],
            inferenceConfig: BedrockConverse.InferenceConfig(maxTokens: request.maxOutputTokens, temperature: request.temperature),
            toolConfig: BedrockConverse.ToolConfig(
                tools: [BedrockConverse.Tool(name: request.tool.name, description: request.tool.description, schema: request.tool.schema)],
                toolChoice: toolChoice
            )
        )
    }

    func reply(_ response: BedrockConverse.Response, tool: String) -> LLMReply {
        let blocks = response.output.message?.content ?? []
        let stop: LLMReply.StopReason = switch response.stopReason {
        case "end_turn", "tool_use", "stop_sequence": .complete
        case "max_tokens", "model_context_window_exceeded": .truncated
        case "guardrail_intervened", "content_filtered": .filtered(response.stopReason)
        default: .other(response.stopReason)
        }
        return LLMReply(
            toolInput: blocks.lazy.compactMap(\.toolUse).first { $0.name == tool }?.input,
            text: blocks.compactMap(\.text).joined(separator: "\n"),
            stop: stop,
            usage: TokenUsage(inputTokens: response.usage?.inputTokens ?? 0, outputTokens: response.usage?.outputTokens ?? 0),
            provider: name, model: model
        )
    }

    static func map(_ error: AWSServiceError) -> LLMProviderError {
        let kind: LLMProviderError.Kind
        switch error.code {
        case _ where error.isThrottling: kind = .throttled
        case "Timeout": kind = .timeout
        case "MalformedResponse": kind = .malformedReply
        case "AccessDeniedException", "UnrecognizedClientException", "ExpiredTokenException", "InvalidSignatureException",
             "IncompleteSignatureException", "MissingAuthenticationTokenException":
            kind = .authentication
        case _ where error.isRetryable: kind = .unavailable
        default: kind = .rejected
        }
        return LLMProviderError(kind: kind, provider: "bedrock", message: "\(error.code): \(error.message)", statusCode: error.statusCode, retryAfter: error.retryAfter)
    }

    static func mentionsToolChoice(_ message: String) -> Bool {
        let lowered = message.lowercased()
        return lowered.contains("toolchoice") || lowered.contains("tool_choice") || lowered.contains("tool choice")
    }
}
