import AWS
import Foundation
@testable import Planning
import RemediatorCore
import Testing

@Suite("Bedrock provider against a local Converse server")
struct BedrockProviderTests {
    static let credentials = AWSCredentials(accessKeyID: "AKIDFAKE", secretAccessKey: "fake/secret/key", sessionToken: "fake-session")
    static let tool = LLMTool(
        name: "submit_plan", description: "Submit the remediation plan.",
        schema: .object(["type": .string("object"), "properties": .object(["summary": .object(["type": .string("string")])]), "required": .array([.string("summary")])])
    )
    static let request = LLMRequest(
        system: "You plan remediations.", messages: [LLMMessage(role: .user, text: "Disk full on web-1.")], tool: tool, maxOutputTokens: 1500
    )

    static func provider(_ url: URL, credentials: AWSCredentials = credentials, timeout: Duration = .seconds(10)) -> BedrockProvider {
        BedrockProvider(client: BedrockRuntimeClient(client: AWSClient(credentials: credentials, region: "us-east-1"), endpoint: url), timeout: timeout)
    }

    static let toolUseAnswer = """
        {"output":{"message":{"role":"assistant","content":[{"text":"Here is the plan."},{"toolUse":{"toolUseId":"tooluse_kZJMlvQmRJ6eAyJE5GIl7Q","name":"submit_plan","input":{"summary":"Rotate logs"}}}]}},"stopReason":"tool_use","usage":{"inputTokens":1187,"outputTokens":243,"totalTokens":1430},"metrics":{"latencyMs":1375}}
        """

    @Test("a tool-use answer becomes the tool input, with usage; the request is signed and shaped as Converse wants")
    func toolUse() async throws {
        let fake = FakeBedrock(credentials: Self.credentials, answers: [.converse(Self.toolUseAnswer)])
        try await fake.serve { url in
            let reply = try await Self.provider(url).complete(Self.request)
            #expect(reply.toolInput == .object(["summary": .string("Rotate logs")]))
            #expect(reply.text == "Here is the plan.")
            #expect(reply.stop == .complete)
            #expect(reply.usage == TokenUsage(inputTokens: 1187, outputTokens: 243))
            #expect(reply.model == "amazon.nova-pro-v1:0")
        }
        let received = await fake.received
        #expect(received.count == 1)
        let first = try #require(received.first)
        #expect(first.path == "/model/amazon.nova-pro-v1%3A0/converse")
        #expect(first.signatureValid)
        let body = try #require(first.body.objectValue)
        #expect(body["system"] == .array([.object(["text": .string("You plan remediations.")])]))
        #expect(body["messages"] == .array([.object(["role": .string("user"), "content": .array([.object(["text": .string("Disk full on web-1.")])])])]))
        #expect(body["inferenceConfig"]?.objectValue?["maxTokens"] == .integer(1500))
        let toolConfig = try #require(body["toolConfig"]?.objectValue)
        #expect(toolConfig["toolChoice"] == .object(["tool": .object(["name": .string("submit_plan")])]))
        #expect(toolConfig["tools"]?.arrayValue?.first?.objectValue?["toolSpec"]?.objectValue?["inputSchema"] == .object(["json": Self.tool.schema]))
    }

    @Test("a reply cut off by the token limit is marked truncated")
    func truncated() async throws {
        let fake = FakeBedrock(credentials: Self.credentials, answers: [.converse("""
            {"output":{"message":{"role":"assistant","content":[{"text":"{\\"summary\\": \\"Rot"}]}},"stopReason":"max_tokens","usage":{"inputTokens":900,"outputTokens":1500,"totalTokens":2400},"metrics":{"latencyMs":9000}}
            """)])
        try await fake.serve { url in
            let reply = try await Self.provider(url).complete(Self.request)
            #expect(reply.stop == .truncated)
            #expect(reply.toolInput == nil)
        }
    }

    @Test("throttling is retryable and carries Retry-After; bad credentials and rejected requests are final")
    func errors() async throws {
        let fake = FakeBedrock(credentials: Self.credentials, answers: [
            .error(status: 429, code: "ThrottlingException", message: "Too many requests, please wait before trying again.", retryAfter: "2"),
            .error(status: 503, code: "ServiceUnavailableException", message: "Bedrock is unable to process your request."),
            .error(status: 400, code: "ValidationException", message: "Malformed input request: #: extraneous key [foo] is not permitted"),
        ])
        try await fake.serve { url in
            let provider = Self.provider(url)
            let throttled = await #expect(throws: LLMProviderError.self) { try await provider.complete(Self.request) }
            #expect(throttled?.kind == .throttled)
            #expect(throttled?.retryAfter == .seconds(2))
            #expect(throttled?.isRetryable == true)
            let unavailable = await #expect(throws: LLMProviderError.self) { try await provider.complete(Self.request) }
            #expect(unavailable?.kind == .unavailable)
            let rejected = await #expect(throws: LLMProviderError.self) { try await provider.complete(Self.request) }
            #expect(rejected?.kind == .rejected)
            #expect(rejected?.isRetryable == false)
            let wrongKey = Self.provider(url, credentials: AWSCredentials(accessKeyID: "AKIDFAKE", secretAccessKey: "not the secret"))
            let denied = await #expect(throws: LLMProviderError.self) { try await wrongKey.complete(Self.request) }
            #expect(denied?.kind == .authentication)
            #expect(denied?.statusCode == 403)
        }
    }

    @Test("a model that cannot be forced to one tool is asked with `any`")
    func toolChoiceDegrades() async throws {
        let fake = FakeBedrock(credentials: Self.credentials, answers: [
            .error(status: 400, code: "ValidationException", message: "This model doesn't support the toolConfig.toolChoice.tool field. Remove toolConfig.toolChoice.tool and try again."),
            .converse(Self.toolUseAnswer),
        ])
        try await fake.serve { url in
            let reply = try await Self.provider(url).complete(Self.request)
            #expect(reply.toolInput != nil)
        }
        let received = await fake.received
        #expect(received.count == 2)
        #expect(received.last?.body.objectValue?["toolConfig"]?.objectValue?["toolChoice"] == .object(["any": .object([:])]))
    }

    @Test("no answer within the timeout is a timeout; an answer that is not Converse JSON is malformed")
    func timeoutAndMalformed() async throws {
        let fake = FakeBedrock(credentials: Self.credentials, answers: [.stall(.seconds(3)), .converse("<html>not json</html>")])
        try await fake.serve { url in
            let timedOut = await #expect(throws: LLMProviderError.self) { try await Self.provider(url, timeout: .milliseconds(500)).complete(Self.request) }
            #expect(timedOut?.kind == .timeout)
            let malformed = await #expect(throws: LLMProviderError.self) { try await Self.provider(url).complete(Self.request) }
            #expect(malformed?.kind == .malformedReply)
        }
    }

    @Test("credentials, region and endpoint come from the environment")
    func fromEnvironment() async throws {
        let fake = FakeBedrock(credentials: Self.credentials, region: "eu-central-1", answers: [.converse(Self.toolUseAnswer)])
        try await fake.serve { url in
            let provider = try BedrockProvider(
                environment: [
                    "AWS_ACCESS_KEY_ID": "AKIDFAKE", "AWS_SECRET_ACCESS_KEY": "fake/secret/key", "AWS_SESSION_TOKEN": "fake-session",
                    "AWS_REGION": "eu-central-1", "AWS_ENDPOINT_URL_BEDROCK_RUNTIME": url.absoluteString,
                ],
                homeDirectory: nil, timeout: .seconds(10)
            )
            #expect(try await provider.complete(Self.request).toolInput != nil)
        }
        #expect(await fake.received.first?.signatureValid == true)
    }
}
