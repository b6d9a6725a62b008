public import Foundation

/// A secret's value in memory. It prints, dumps and interpolates as a placeholder and is
/// not `Encodable`, so it cannot end up in a log line or an API answer by accident.
public struct SecretValue: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public let name: String
    /// The value itself, for the executor that needs it.
    public let bytes: Data

    public init(name: String, bytes: Data) {
        self.name = name
        self.bytes = bytes
    }

    /// The value as text (a password, a PEM or OpenSSH key), if it is UTF-8.
    public var text: String? {
        String(data: bytes, encoding: .utf8)
    }

    public var description: String { "<secret \(name)>" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["name": name]) }
}
