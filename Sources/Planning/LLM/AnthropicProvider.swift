public import Foundation
import RemediatorCore

/// Anthropic's Messages API, the plan asked for as a forced tool call.
public struct AnthropicProvider: LLMProvider {
    public static let apiVersion = "2023-06-01"

    public let name = "anthropic"
    public let model: String
    let endpoint: URL
    let apiKey: String
    let http: LLMHTTPClient

    /// - Parameter baseURL: `https://api.anthropic.com` (the path `/v1/messages` is added).
    public init(model: String, baseURL: URL, apiKey: String, http: LLMHTTPClient) {
        self.model = model
        self.endpoint = baseURL.appendingPathComponent("v1/messages")
        self.apiKey = apiKey
        self.http = http
    }

    public func complete(_ request: LLMRequest) async throws(LLMProviderError) -> LLMReply {
        let body: JSONValue = .object([
            "model": .string(model),
            "max_tokens": .integer(Int64(request.maxOutputTokens)),
            "temperature": .number(request.temperature),
            "system": .string(request.system),
            "messages": .array(request.messages.map { .object(["role": .string($0.role.rawValue), "content": .string($0.text)]) }),
            "tools": .array([.object([
                "name": .string(request.tool.name), "description": .string(request.tool.description), "input_schema": request.tool.schema,
            ])]),
            "tool_choice": .object(["type": .string("tool"), "name": .string(request.tool.name)]),
        ])
        let answer = try await http.post(
            endpoint, headers: [(name: "x-api-key", value: apiKey), (name: "anthropic-version", value: Self.apiVersion)],
            body: (try? JSONEncoder().encode(body)) ?? Data(), provider: name
        )
        guard (200..<300).contains(answer.status) else { throw Self.error(answer) }
        return try reply(answer.body, tool: request.tool.name)
    }

    func reply(_ data: Data, tool: String) throws(LLMProviderError) -> LLMReply {
        guard let object = (try? JSONDecoder().decode(JSONValue.self, from: data))?.objectValue, let content = object["content"]?.arrayValue,
              let stopReason = object["stop_reason"]?.scalarText else {
            throw LLMProviderError(kind: .malformedReply, provider: name, message: "the answer is not a Messages response: \(String(decoding: data.prefix(300), as: UTF8.self))")
        }
        let blocks = content.compactMap(\.objectValue)
        let toolInput = blocks.first { $0["type"]?.scalarText == "tool_use" && $0["name"]?.scalarText == tool }?["input"]
        let text = blocks.filter { $0["type"]?.scalarText == "text" }.compactMap { $0["text"]?.scalarText }.joined(separator: "\n")
        let stop: LLMReply.StopReason = switch stopReason {
        case "end_turn", "tool_use", "stop_sequence": .complete
        case "max_tokens", "model_context_window_exceeded": .truncated
        case "refusal": .filtered(stopReason)
        default: .other(stopReason)
        }
        let usage = object["usage"]?.objectValue
        return LLMReply(
            toolInput: toolInput, text: text, stop: stop,
            usage: TokenUsage(
                inputTokens: Int(usage?["input_tokens"]?.scalarText ?? "") ?? 0, outputTokens: Int(usage?["output_tokens"]?.scalarText ?? "") ?? 0
            ),
            provider: name, model: object["model"]?.scalarText ?? model
        )
    }

    /// `{"type": "error", "error": {"type": "rate_limit_error", "message": "..."}}`; 529 is
    /// `overloaded_error`, worth retrying like throttling.
    static func error(_ answer: LLMHTTPClient.Answer) -> LLMProviderError {
        let detail = (try? JSONDecoder().decode(JSONValue.self, from: answer.body))?.objectValue?["error"]?.objectValue
        let type = detail?["type"]?.scalarText
        let message = detail?["message"]?.scalarText ?? String(decoding: answer.body.prefix(300), as: UTF8.self)
        let kind: LLMProviderError.Kind = switch type {
        case "rate_limit_error", "overloaded_error": .throttled
        case "authentication_error", "permission_error": .authentication
        case "api_error": .unavailable
        default: LLMHTTPClient.kind(ofStatus: answer.status)
        }
        return LLMProviderError(
            kind: kind, provider: "anthropic", message: type.map { "\($0): \(message)" } ?? message, statusCode: answer.status, retryAfter: answer.retryAfter
        )
    }
}
