public import Foundation

/// The kill switch's state: while set, no step starts anywhere and running steps stop.
public struct ExecutionPause: Sendable, Equatable, Codable {
    public var reason: String
    public var actor: String
    public var since: Date

    public init(reason: String, actor: String, since: Date) {
        self.reason = reason
        self.actor = actor
        self.since = since
    }
}

/// Where the kill switch lives: in the shared store, so that one pause stops every node.
public protocol ExecutionControlStore: Sendable {
    func executionPause() async throws -> ExecutionPause?
    /// Sets (`pause`) or clears (`nil`) the switch, with an audit entry.
    func setExecutionPause(_ pause: ExecutionPause?, actor: String, at now: Date) async throws
}
