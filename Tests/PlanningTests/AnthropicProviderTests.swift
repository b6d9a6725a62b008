import Foundation
@testable import Planning
import RemediatorCore
import Testing

@Suite("Anthropic provider against a local server")
struct AnthropicProviderTests {
    static let request = BedrockProviderTests.request

    static func provider(_ url: URL) -> AnthropicProvider {
        AnthropicProvider(model: "claude-sonnet-4-5", baseURL: url, apiKey: "sk-ant-test", http: LLMHTTPClient(timeout: .seconds(10)))
    }

    @Test("a tool_use block is the tool input; headers and body are the Messages API's")
    func toolUse() async throws {
        let server = ScriptedHTTPServer([ScriptedHTTPServer.json("""
            {"id":"msg_01XFDUDYJgAACzvnptvVoYEL","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929","content":[{"type":"text","text":"I'll submit the plan."},{"type":"tool_use","id":"toolu_01A09q90qw90lq917835lq9","name":"submit_plan","input":{"summary":"Rotate logs"}}],"stop_reason":"tool_use","stop_sequence":null,"usage":{"input_tokens":2095,"output_tokens":503}}
            """)])
        try await server.serve { url in
            let reply = try await Self.provider(url).complete(Self.request)
            #expect(reply.toolInput == .object(["summary": .string("Rotate logs")]))
            #expect(reply.text == "I'll submit the plan.")
            #expect(reply.usage == TokenUsage(inputTokens: 2095, outputTokens: 503))
            #expect(reply.stop == .complete)
        }
        let sent = try #require(await server.received.first)
        #expect(sent.path == "/v1/messages")
        #expect(sent.header("x-api-key") == "sk-ant-test")
        #expect(sent.header("anthropic-version") == "2023-06-01")
        let body = try #require(sent.body.objectValue)
        #expect(body["max_tokens"] == .integer(1500))
        #expect(body["system"] == .string("You plan remediations."))
        #expect(body["tool_choice"] == .object(["type": .string("tool"), "name": .string("submit_plan")]))
        #expect(body["tools"]?.arrayValue?.first?.objectValue?["input_schema"] == BedrockProviderTests.tool.schema)
    }

    @Test("rate limits and overload are throttling with retry-after; bad keys are authentication; max_tokens is truncation")
    func errors() async throws {
        let server = ScriptedHTTPServer([
            ScriptedHTTPServer.json(#"{"type":"error","error":{"type":"rate_limit_error","message":"Number of request tokens has exceeded your per-minute rate limit"},"request_id":"req_011CSHoEeqs5C35K2UUqR7Fy"}"#, status: 429, headers: [("retry-after", "7")]),
            ScriptedHTTPServer.json(#"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_02"}"#, status: 529),
            ScriptedHTTPServer.json(#"{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"},"request_id":"req_03"}"#, status: 401),
            ScriptedHTTPServer.json(#"{"type":"error","error":{"type":"invalid_request_error","message":"max_tokens: Field required"},"request_id":"req_04"}"#, status: 400),
            ScriptedHTTPServer.json(#"{"id":"msg_2","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[{"type":"text","text":"{\"summary\": \"Rot"}],"stop_reason":"max_tokens","stop_sequence":null,"usage":{"input_tokens":10,"output_tokens":1500}}"#),
        ])
        try await server.serve { url in
            let provider = Self.provider(url)
            let limited = await #expect(throws: LLMProviderError.self) { try await provider.complete(Self.request) }
            #expect(limited?.kind == .throttled && limited?.retryAfter == .seconds(7))
            let overloaded = await #expect(throws: LLMProviderError.self) { try await provider.complete(Self.request) }
            #expect(overloaded?.kind == .throttled && overloaded?.statusCode == 529)
            let denied = await #expect(throws: LLMProviderError.self) { try await provider.complete(Self.request) }
            #expect(denied?.kind == .authentication)
            let rejected = await #expect(throws: LLMProviderError.self) { try await provider.complete(Self.request) }
            #expect(rejected?.kind == .rejected && rejected?.isRetryable == false)
            let truncated = try await provider.complete(Self.request)
            #expect(truncated.stop == .truncated)
        }
    }
}
