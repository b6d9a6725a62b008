/// Why a webhook body was refused. Always the sender's fault, so always a 4xx.
public struct IngestError: Error, Sendable, Equatable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public var description: String { rawValue }

        /// The body is not JSON (or not UTF-8).
        public static let invalidJSON = Code(rawValue: "invalid_json")
        /// The body is JSON but not what the source's format requires.
        public static let invalidPayload = Code(rawValue: "invalid_payload")
        /// The path names a source Remediator has no adapter for.
        public static let unknownSource = Code(rawValue: "unknown_source")
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }

    static func invalidPayload(_ message: String) -> IngestError {
        IngestError(.invalidPayload, message)
    }
}
