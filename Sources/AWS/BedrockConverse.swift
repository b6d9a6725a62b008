public import RemediatorCore

/// The body of a Bedrock Runtime `Converse` request and its answer, field for field as
/// the API documents them (only the parts Remediator uses).
public enum BedrockConverse {
    public struct Request: Sendable, Codable, Equatable {
        public var messages: [Message]
        public var system: [SystemBlock]?
        public var inferenceConfig: InferenceConfig?
        public var toolConfig: ToolConfig?

        public init(messages: [Message], system: [SystemBlock]? = nil, inferenceConfig: InferenceConfig? = nil, toolConfig: ToolConfig? = nil) {
            self.messages = messages
            self.system = system
            self.inferenceConfig = inferenceConfig
            self.toolConfig = toolConfig
        }
    }

    public struct Message: Sendable, Codable, Equatable {
        /// `user` or `assistant`.
        public var role: String
        public var content: [ContentBlock]

        public init(role: String, content: [ContentBlock]) {
            self.role = role
            self.content = content
        }
    }

    /// One block of a message: exactly one of its fields is set.
    public struct ContentBlock: Sendable, Codable, Equatable {
        public var text: String?
        public var toolUse: ToolUse?
        public var toolResult: ToolResult?

        public init(text: String? = nil, toolUse: ToolUse? = nil, toolResult: ToolResult? = nil) {
            self.text = text
            self.toolUse = toolUse
            self.toolResult = toolResult
        }
    }

    public struct ToolUse: Sendable, Codable, Equatable {
        public var toolUseId: String
        public var name: String
        public var input: JSONValue

        public init(toolUseId: String, name: String, input: JSONValue) {
            self.toolUseId = toolUseId
            self.name = name
            self.input = input
        }
    }

    public struct ToolResult: Sendable, Codable, Equatable {
        public struct Content: Sendable, Codable, Equatable {
            public var text: String

            public init(text: String) {
                self.text = text
            }
        }

        public var toolUseId: String
        public var content: [Content]
        /// `success` or `error`.
        public var status: String?

        public init(toolUseId: String, content: [Content], status: String?) {
            self.toolUseId = toolUseId
            self.content = content
            self.status = status
        }
    }

    public struct SystemBlock: Sendable, Codable, Equatable {
        public var text: String

        public init(text: String) {
            self.text = text
        }
    }

    public struct InferenceConfig: Sendable, Codable, Equatable {
        public var maxTokens: Int?
        public var temperature: Double?
        public var topP: Double?
        public var stopSequences: [String]?

        public init(maxTokens: Int?, temperature: Double? = nil, topP: Double? = nil, stopSequences: [String]? = nil) {
            self.maxTokens = maxTokens
            self.temperature = temperature
            self.topP = topP
            self.stopSequences = stopSequences
        }
    }

    public struct ToolConfig: Sendable, Codable, Equatable {
        public var tools: [Tool]
        public var toolChoice: ToolChoice?

        public init(tools: [Tool], toolChoice: ToolChoice?) {
            self.tools = tools
            self.toolChoice = toolChoice
        }
    }

    public struct Tool: Sendable, Codable, Equatable {
        public struct Spec: Sendable, Codable, Equatable {
            public struct InputSchema: Sendable, Codable, Equatable {
                public var json: JSONValue
            }

            public var name: String
            public var description: String
            public var inputSchema: InputSchema
        }

        public var toolSpec: Spec

        public init(name: String, description: String, schema: JSONValue) {
            self.toolSpec = Spec(name: name, description: description, inputSchema: .init(json: schema))
        }
    }

    /// `{"auto": {}}`, `{"any": {}}` or `{"tool": {"name": ...}}`.
    public struct ToolChoice: Sendable, Codable, Equatable {
        public struct Empty: Sendable, Codable, Equatable {}
        public struct Named: Sendable, Codable, Equatable {
            public var name: String
        }

        public var auto: Empty?
        public var any: Empty?
        public var tool: Named?

        public static let auto = ToolChoice(auto: Empty())
        public static let any = ToolChoice(any: Empty())
        public static func tool(_ name: String) -> ToolChoice { ToolChoice(tool: Named(name: name)) }
    }

    public struct Response: Sendable, Codable, Equatable {
        public struct Output: Sendable, Codable, Equatable {
            public var message: Message?
        }

        public struct Usage: Sendable, Codable, Equatable {
            public var inputTokens: Int
            public var outputTokens: Int
            public var totalTokens: Int?
        }

        public var output: Output
        /// `end_turn`, `tool_use`, `max_tokens`, `stop_sequence`, `guardrail_intervened`,
        /// `content_filtered`.
        public var stopReason: String
        public var usage: Usage?
    }
}
