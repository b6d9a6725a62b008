/// A script the parser could not read, with where it gave up.
public struct BashParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// Byte offset in the script.
    public var offset: Int

    public init(_ message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    public var description: String { message }
}
