/// An integration call that failed: why, and whether trying again later can help.
public struct IntegrationError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable, Equatable {
        /// No answer: connection refused, reset, timed out. Worth retrying.
        case unreachable
        /// The service answered 408, 429 or 5xx. Worth retrying.
        case unavailable(status: Int)
        /// The service refused the request (401, 403, 404, 422...): a configuration
        /// problem that a retry alone will not fix.
        case rejected(status: Int)
        /// A 2xx whose body is not what the API documents.
        case badResponse
        /// The request could not be built from what the notice holds.
        case invalid
    }

    public let integration: String
    public let kind: Kind
    /// What happened, never with credentials in it.
    public let message: String

    public init(integration: String, kind: Kind, message: String) {
        self.integration = integration
        self.kind = kind
        self.message = message
    }

    public var description: String { "\(integration): \(message)" }
}
