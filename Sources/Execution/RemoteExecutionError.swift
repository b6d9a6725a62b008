/// Why a step could not run on a remote host (SSH or SSM). Messages name the host and
/// what to change; they never contain a password or key.
public struct RemoteExecutionError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// The inventory entry cannot be used (no user, no pinned key, ...).
        case configuration
        /// The key or password could not be read.
        case badCredential
        /// The server's key is not the pinned one, or none is pinned.
        case hostKeyMismatch
        /// The server refused the key or password.
        case authenticationFailed
        /// TCP connect or the SSH handshake failed or took too long; the AWS API could not
        /// be reached.
        case connectionFailed
        /// The server refused to run the command or the session broke off; SSM refused
        /// the command.
        case sessionFailed
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { "\(kind.rawValue): \(message)" }
}
