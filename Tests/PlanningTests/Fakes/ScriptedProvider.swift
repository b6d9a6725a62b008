@testable import Planning
import RemediatorCore

/// An LLM provider that answers with scripted replies (or errors) in order and records
/// every request it was sent.
actor ScriptedProvider: LLMProvider {
    nonisolated let name = "bedrock"
    nonisolated let model = "amazon.nova-pro-v1:0"
    private var outcomes: [Result<LLMReply, LLMProviderError>]
    private(set) var requests: [LLMRequest] = []

    init(_ outcomes: [Result<LLMReply, LLMProviderError>]) {
        self.outcomes = outcomes
    }

    func complete(_ request: LLMRequest) async throws(LLMProviderError) -> LLMReply {
        requests.append(request)
        guard !outcomes.isEmpty else { throw LLMProviderError(kind: .unavailable, provider: name, message: "no scripted reply left") }
        return try outcomes.removeFirst().get()
    }

    /// A complete tool-call reply with this input.
    static func tool(_ input: JSONValue, input inputTokens: Int = 1000, output outputTokens: Int = 200) -> Result<LLMReply, LLMProviderError> {
        .success(LLMReply(toolInput: input, text: "", stop: .complete, usage: TokenUsage(inputTokens: inputTokens, outputTokens: outputTokens), provider: "bedrock", model: "amazon.nova-pro-v1:0"))
    }
}
