public import RemediatorCore

/// What a model answered, in provider-neutral terms.
public struct LLMReply: Sendable, Equatable {
    /// The tool input the model gave, when it answered through the tool.
    public var toolInput: JSONValue?
    /// Any text the model wrote (a JSON answer when the provider had no tool use).
    public var text: String
    public var stop: StopReason
    public var usage: TokenUsage
    /// The provider (`bedrock`, `openai`, `anthropic`) and model that answered: with a
    /// fallback chain, not necessarily the first one asked.
    public var provider: String
    public var model: String

    public init(toolInput: JSONValue?, text: String, stop: StopReason, usage: TokenUsage, provider: String, model: String) {
        self.toolInput = toolInput
        self.text = text
        self.stop = stop
        self.usage = usage
        self.provider = provider
        self.model = model
    }

    /// Why the model stopped. Only `complete` replies are read: a truncated one is never parsed.
    public enum StopReason: Sendable, Equatable {
        case complete
        /// The output-token limit cut the reply off.
        case truncated
        /// A content filter or guardrail stopped it, or the model refused.
        case filtered(String)
        case other(String)
    }
}

/// Tokens one call consumed, for cost accounting.
public struct TokenUsage: Sendable, Equatable, Codable {
    public var inputTokens: Int
    public var outputTokens: Int

    public init(inputTokens: Int, outputTokens: Int) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
    }

    public static let zero = TokenUsage(inputTokens: 0, outputTokens: 0)

    public static func + (lhs: TokenUsage, rhs: TokenUsage) -> TokenUsage {
        TokenUsage(inputTokens: lhs.inputTokens + rhs.inputTokens, outputTokens: lhs.outputTokens + rhs.outputTokens)
    }
}
