public import RemediatorCore

/// One request to a chat model: instructions, the conversation so far, and the tool the
/// model must answer through (its input is the plan).
public struct LLMRequest: Sendable, Equatable {
    public var system: String
    public var messages: [LLMMessage]
    public var tool: LLMTool
    /// Set on every call: an unbounded reply costs money and can hide a runaway model.
    public var maxOutputTokens: Int
    public var temperature: Double

    public init(system: String, messages: [LLMMessage], tool: LLMTool, maxOutputTokens: Int, temperature: Double = 0.2) {
        self.system = system
        self.messages = messages
        self.tool = tool
        self.maxOutputTokens = maxOutputTokens
        self.temperature = temperature
    }
}

/// A turn of the conversation, as text.
public struct LLMMessage: Sendable, Equatable {
    public enum Role: String, Sendable {
        case user
        case assistant
    }

    public var role: Role
    public var text: String

    public init(role: Role, text: String) {
        self.role = role
        self.text = text
    }
}

/// The structured answer the model is asked for: a named tool whose input follows a JSON
/// schema (tool use on Bedrock and Anthropic, a function or `json_schema` on OpenAI).
public struct LLMTool: Sendable, Equatable {
    /// `[a-zA-Z][a-zA-Z0-9_]*`, as every provider accepts.
    public var name: String
    public var description: String
    public var schema: JSONValue

    public init(name: String, description: String, schema: JSONValue) {
        self.name = name
        self.description = description
        self.schema = schema
    }
}
