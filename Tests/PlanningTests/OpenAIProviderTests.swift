import Foundation
@testable import Planning
import RemediatorCore
import Testing

@Suite("OpenAI-compatible provider against a local server")
struct OpenAIProviderTests {
    static let request = BedrockProviderTests.request

    static func provider(_ url: URL, path: String = "/v1", key: String? = "sk-test") -> OpenAIProvider {
        OpenAIProvider(model: "gpt-4o-mini", baseURL: url.appendingPathComponent(path), apiKey: key, http: LLMHTTPClient(timeout: .seconds(10)))
    }

    static let toolCall = """
        {"id":"chatcmpl-AbC123","object":"chat.completion","created":1764216000,"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_9f8e7d","type":"function","function":{"name":"submit_plan","arguments":"{\\"summary\\":\\"Rotate logs\\"}"}}],"refusal":null},"logprobs":null,"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":1320,"completion_tokens":88,"total_tokens":1408},"system_fingerprint":"fp_0ba0d124f1"}
        """

    @Test("a forced function call comes back as the tool input; the request is a chat completion with the key as Bearer")
    func functionCall() async throws {
        let server = ScriptedHTTPServer([ScriptedHTTPServer.json(Self.toolCall)])
        try await server.serve { url in
            let reply = try await Self.provider(url).complete(Self.request)
            #expect(reply.toolInput == .object(["summary": .string("Rotate logs")]))
            #expect(reply.stop == .complete)
            #expect(reply.usage == TokenUsage(inputTokens: 1320, outputTokens: 88))
        }
        let sent = try #require(await server.received.first)
        #expect(sent.path == "/v1/chat/completions")
        #expect(sent.header("Authorization") == "Bearer sk-test")
        let body = try #require(sent.body.objectValue)
        #expect(body["model"] == .string("gpt-4o-mini"))
        #expect(body["max_tokens"] == .integer(1500))
        #expect(body["tool_choice"] == .object(["type": .string("function"), "function": .object(["name": .string("submit_plan")])]))
        #expect(body["messages"]?.arrayValue?.first?.objectValue?["role"] == .string("system"))
    }

    @Test("a server that rejects tools and json_schema is asked with json_object, and remembers it")
    func degrades() async throws {
        let jsonText = #"{"id":"c1","object":"chat.completion","model":"local","choices":[{"index":0,"message":{"role":"assistant","content":"{\"summary\": \"Rotate logs\"}"},"finish_reason":"stop"}],"usage":{"prompt_tokens":900,"completion_tokens":40,"total_tokens":940}}"#
        let server = ScriptedHTTPServer([
            ScriptedHTTPServer.json(#"{"error":{"code":500,"message":"tool_choice is not supported","type":"server_error"}}"#, status: 500),
            ScriptedHTTPServer.json(#"{"error":{"code":500,"message":"Unsupported response_format type json_schema","type":"server_error"}}"#, status: 500),
            ScriptedHTTPServer.json(jsonText),
            ScriptedHTTPServer.json(jsonText),
        ])
        try await server.serve { url in
            let provider = Self.provider(url, key: nil)
            let first = try await provider.complete(Self.request)
            #expect(first.toolInput == nil)
            #expect(first.text.contains("Rotate logs"))
            _ = try await provider.complete(Self.request)
        }
        let sent = await server.received
        #expect(sent.count == 4)
        #expect(sent[0].body.objectValue?["tools"] != nil)
        #expect(sent[1].body.objectValue?["response_format"]?.objectValue?["type"] == .string("json_schema"))
        #expect(sent[2].body.objectValue?["response_format"] == .object(["type": .string("json_object")]))
        // The second call starts where the first one ended.
        #expect(sent[3].body.objectValue?["response_format"] == .object(["type": .string("json_object")]))
        #expect(sent[2].body.objectValue?["messages"]?.arrayValue?.first?.objectValue?["content"]?.scalarText?.contains("JSON schema") == true)
        #expect(sent[0].header("Authorization") == nil)
    }

    @Test("429 with retry-after-ms is throttling; 401 is authentication; a cut-off reply is truncated")
    func errorsAndTruncation() async throws {
        let server = ScriptedHTTPServer([
            ScriptedHTTPServer.json(
                #"{"error":{"message":"Rate limit reached for gpt-4o-mini in organization org-x on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s.","type":"requests","param":null,"code":"rate_limit_exceeded"}}"#,
                status: 429, headers: [("retry-after-ms", "20000"), ("x-ratelimit-remaining-requests", "0")]
            ),
            ScriptedHTTPServer.json(#"{"error":{"message":"Incorrect API key provided: sk-test. You can find your API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}"#, status: 401),
            ScriptedHTTPServer.json(#"{"id":"c2","object":"chat.completion","model":"gpt-4o-mini","choices":[{"index":0,"message":{"role":"assistant","content":"{\"summary\": \"Rot"},"finish_reason":"length"}],"usage":{"prompt_tokens":900,"completion_tokens":1500,"total_tokens":2400}}"#),
        ])
        try await server.serve { url in
            let provider = Self.provider(url)
            let throttled = await #expect(throws: LLMProviderError.self) { try await provider.complete(Self.request) }
            #expect(throttled?.kind == .throttled)
            #expect(throttled?.retryAfter == .seconds(20))
            let denied = await #expect(throws: LLMProviderError.self) { try await provider.complete(Self.request) }
            #expect(denied?.kind == .authentication)
            let truncated = try await provider.complete(Self.request)
            #expect(truncated.stop == .truncated)
        }
    }

    @Test("Azure: the deployment URL with api-version, the key in api-key")
    func azure() {
        let provider = OpenAIProvider(
            model: "plans", baseURL: URL(string: "https://contoso.openai.azure.com/openai/deployments/plans")!, apiKey: "azure-key",
            http: LLMHTTPClient(timeout: .seconds(5))
        )
        #expect(provider.endpoint.absoluteString == "https://contoso.openai.azure.com/openai/deployments/plans/chat/completions?api-version=2024-10-21")
        let body = (try? JSONDecoder().decode(JSONValue.self, from: provider.body(Self.request, mode: .functionCall)))?.objectValue
        #expect(body?["max_completion_tokens"] == .integer(1500))
    }

    @Test("a server that takes the function call but answers in prose is asked in json_object mode next")
    func proseMovesToJSONObject() async throws {
        let prose = #"{"id":"c3","object":"chat.completion","model":"smollm2","choices":[{"index":0,"message":{"role":"assistant","content":"To fix the disk, clean up some logs."},"finish_reason":"stop"}],"usage":{"prompt_tokens":790,"completion_tokens":12,"total_tokens":802}}"#
        let server = ScriptedHTTPServer([ScriptedHTTPServer.json(prose), ScriptedHTTPServer.json(prose)])
        try await server.serve { url in
            let provider = Self.provider(url, key: nil)
            let first = try await provider.complete(Self.request)
            #expect(first.toolInput == nil && first.stop == .complete)
            _ = try await provider.complete(Self.request)
        }
        let sent = await server.received
        #expect(sent.count == 2)
        #expect(sent[0].body.objectValue?["tools"] != nil)
        #expect(sent[1].body.objectValue?["response_format"] == .object(["type": .string("json_object")]))
    }
}
