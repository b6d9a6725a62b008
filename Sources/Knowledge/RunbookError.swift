/// A runbook file that cannot be used, and why.
public struct RunbookError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file (or `starter:<name>`).
    public var origin: String
    public var message: String

    public init(origin: String, message: String) {
        self.origin = origin
        self.message = message
    }

    public var description: String { "\(origin): \(message)" }
}
