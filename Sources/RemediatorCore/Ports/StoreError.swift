/// Errors a store reports that callers act on.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        let name: String
        public var description: String { name }

        /// The job's lease expired and another worker claimed it.
        public static let leaseLost = Code(name: "lease_lost")
        /// The record does not exist (for this tenant).
        public static let notFound = Code(name: "not_found")
        /// The change conflicts with the record's current state.
        public static let conflict = Code(name: "conflict")
        /// The store cannot be reached or written (disk full, read-only, connection lost).
        public static let unavailable = Code(name: "unavailable")
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }

    public static func leaseLost(_ message: String) -> StoreError { StoreError(.leaseLost, message) }
    public static func notFound(_ message: String) -> StoreError { StoreError(.notFound, message) }
    public static func conflict(_ message: String) -> StoreError { StoreError(.conflict, message) }
    public static func unavailable(_ message: String) -> StoreError { StoreError(.unavailable, message) }
}
