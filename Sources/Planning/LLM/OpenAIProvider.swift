public import Foundation
import RemediatorCore
import Synchronization

/// OpenAI-compatible chat completions: OpenAI, Azure OpenAI, Ollama, vLLM, llama.cpp.
///
/// The plan is asked for with the strongest structured-output feature the server takes:
/// a forced function call, then `response_format` `json_schema`, then `json_object`, then
/// plain text with the schema in the instructions. Servers that reject a feature (400,
/// 422, or the 500 some local servers answer) move this provider down the ladder for
/// good, and so does one that takes the function call but answers in prose; the
/// planner's strict decoding and repair request cover what the weaker modes let through.
public final class OpenAIProvider: LLMProvider {
    public let name = "openai"
    public let model: String
    let endpoint: URL
    let apiKey: String?
    let isAzure: Bool
    let http: LLMHTTPClient
    /// The lowest rung known to work, shared by concurrent calls.
    private let firstMode = Mutex(Mode.functionCall)

    enum Mode: Int, CaseIterable, Comparable {
        case functionCall, jsonSchema, jsonObject, plainText

        static func < (lhs: Mode, rhs: Mode) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// - Parameters:
    ///   - baseURL: `https://api.openai.com/v1`, `http://127.0.0.1:8080/v1`, or an Azure
    ///     deployment (`https://NAME.openai.azure.com/openai/deployments/DEPLOYMENT`).
    ///   - apiVersion: Azure's `api-version` query value.
    public init(model: String, baseURL: URL, apiKey: String?, http: LLMHTTPClient, apiVersion: String = "2024-10-21") {
        self.model = model
        self.apiKey = apiKey
        self.http = http
        self.isAzure = baseURL.host?.hasSuffix(".openai.azure.com") == true
        var components = URLComponents(url: baseURL.appendingPathComponent("chat/completions"), resolvingAgainstBaseURL: false)
        if isAzure { components?.queryItems = [URLQueryItem(name: "api-version", value: apiVersion)] }
        self.endpoint = components?.url ?? baseURL.appendingPathComponent("chat/completions")
    }

    public func complete(_ request: LLMRequest) async throws(LLMProviderError) -> LLMReply {
        var mode = firstMode.withLock { $0 }
        while true {
            let answer = try await http.post(endpoint, headers: authorizationHeaders, body: body(request, mode: mode), provider: name)
            if (200..<300).contains(answer.status) {
                let reply = try reply(answer.body, tool: request.tool.name)
                if mode == .functionCall, reply.stop == .complete, reply.toolInput == nil, LLMPlanner.jsonObject(in: reply.text) == nil {
                    // The server took the forced function call and answered in prose (llama.cpp
                    // with a small model does): later calls, the repair request first, go out
                    // as `json_object`, which such servers constrain by grammar.
                    firstMode.withLock { $0 = max($0, .jsonObject) }
                }
                return reply
            }
            let error = Self.error(answer, provider: name)
            guard Self.isUnsupportedFeature(error, status: answer.status), let next = Mode(rawValue: mode.rawValue + 1) else { throw error }
            mode = next
            firstMode.withLock { $0 = max($0, next) }
        }
    }

    private var authorizationHeaders: [(name: String, value: String)] {
        guard let apiKey, !apiKey.isEmpty else { return [] }
        return isAzure ? [(name: "api-key", value: apiKey)] : [(name: "Authorization", value: "Bearer \(apiKey)")]
    }

    func body(_ request: LLMRequest, mode: Mode) -> Data {
        var system = request.system
        if mode >= .jsonObject, let schema = try? JSONEncoder().encode(request.tool.schema) {
            system += "\n\nAnswer with one JSON object (no other text) that follows this JSON schema: " + String(decoding: schema, as: UTF8.self)
        }
        var messages: [JSONValue] = [.object(["role": .string("system"), "content": .string(system)])]
        messages += request.messages.map { .object(["role": .string($0.role.rawValue), "content": .string($0.text)]) }
        var body: [String: JSONValue] = [
            "model": .string(model), "messages": .array(messages), "temperature": .number(request.temperature),
            // OpenAI's own API counts `max_completion_tokens`; compatible servers read `max_tokens`.
            (endpoint.host == "api.openai.com" || isAzure ? "max_completion_tokens" : "max_tokens"): .integer(Int64(request.maxOutputTokens)),
        ]
        switch mode {
        case .functionCall:
            body["tools"] = .array([.object(["type": .string("function"), "function": .object([
                "name": .string(request.tool.name), "description": .string(request.tool.description), "parameters": request.tool.schema,
            ])])])
            body["tool_choice"] = .object(["type": .string("function"), "function": .object(["name": .string(request.tool.name)])])
        case .jsonSchema:
            body["response_format"] = .object(["type": .string("json_schema"), "json_schema": .object([
                "name": .string(request.tool.name), "schema": request.tool.schema, "strict": .bool(true),
            ])])
        case .jsonObject:
            body["response_format"] = .object(["type": .string("json_object")])
        case .plainText:
            break
        }
        return (try? JSONEncoder().encode(JSONValue.object(body))) ?? Data()
    }

    func reply(_ data: Data, tool: String) throws(LLMProviderError) -> LLMReply {
        guard let object = (try? JSONDecoder().decode(JSONValue.self, from: data))?.objectValue,
              let choice = object["choices"]?.arrayValue?.first?.objectValue, let message = choice["message"]?.objectValue else {
            throw LLMProviderError(kind: .malformedReply, provider: name, message: "the answer has no choices[0].message: \(String(decoding: data.prefix(300), as: UTF8.self))")
        }
        var toolInput: JSONValue?
        for call in message["tool_calls"]?.arrayValue ?? [] {
            guard let function = call.objectValue?["function"]?.objectValue, function["name"]?.scalarText == tool else { continue }
            // Arguments arrive as a JSON string; a string that is not JSON is left for the repair request.
            if case .string(let arguments)? = function["arguments"] {
                toolInput = try? JSONDecoder().decode(JSONValue.self, from: Data(arguments.utf8))
            } else if let arguments = function["arguments"], arguments.objectValue != nil {
                toolInput = arguments
            }
            break
        }
        let finish = choice["finish_reason"]?.scalarText ?? "stop"
        let stop: LLMReply.StopReason = switch finish {
        case "stop", "tool_calls", "function_call": .complete
        case "length": .truncated
        case "content_filter": .filtered(finish)
        default: .other(finish)
        }
        let usage = object["usage"]?.objectValue
        return LLMReply(
            toolInput: toolInput, text: message["content"]?.scalarText ?? "", stop: stop,
            usage: TokenUsage(
                inputTokens: Int(usage?["prompt_tokens"]?.scalarText ?? "") ?? 0, outputTokens: Int(usage?["completion_tokens"]?.scalarText ?? "") ?? 0
            ),
            provider: name, model: object["model"]?.scalarText ?? model
        )
    }

    /// `{"error": {"message", "type", "code"}}`, or llama.cpp's `{"error": {"code": 500, "message"}}`.
    static func error(_ answer: LLMHTTPClient.Answer, provider: String) -> LLMProviderError {
        let object = (try? JSONDecoder().decode(JSONValue.self, from: answer.body))?.objectValue
        let detail = object?["error"]?.objectValue
        let message = detail?["message"]?.scalarText ?? object?["error"]?.scalarText ?? object?["detail"]?.scalarText
            ?? String(decoding: answer.body.prefix(300), as: UTF8.self)
        let type = detail?["type"]?.scalarText ?? detail?["code"]?.scalarText
        return LLMProviderError(
            kind: LLMHTTPClient.kind(ofStatus: answer.status), provider: provider, message: type.map { "\($0): \(message)" } ?? message,
            statusCode: answer.status, retryAfter: answer.retryAfter
        )
    }

    /// A refusal of the request's shape rather than of the request: worth a weaker mode.
    static func isUnsupportedFeature(_ error: LLMProviderError, status: Int) -> Bool {
        guard [400, 404, 422, 500, 501].contains(status) else { return false }
        let message = error.message.lowercased()
        return featureWords.contains { message.contains($0) }
    }

    /// What servers name when they refuse a request's shape (tools, formats, grammars).
    static let featureWords = [
        "tool", "function", "response_format", "json_schema", "json_object", "schema", "grammar", "not supported", "unsupported", "not implemented",
    ]
}
