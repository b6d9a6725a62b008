/// Why a secret could not be stored or read. Messages name the secret, never its value.
public struct SecretError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The secret key is missing, malformed or unreadable.
        case badKey
        /// A secret name outside the allowed characters or length.
        case badName
        /// An empty or oversized value.
        case badValue
        case notFound
        /// Sealed with another key than the configured one.
        case wrongKey
        /// The sealed value failed authentication: altered, or moved to another name.
        case tampered
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
