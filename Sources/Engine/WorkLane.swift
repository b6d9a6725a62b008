public import RemediatorCore

/// A set of stages with its own number of concurrent runs on a node.
///
/// Planning waits seconds on an LLM, the other stages take milliseconds of CPU: with one
/// shared set of workers, a slow or failing LLM would hold every worker and stall the
/// validation, approval and execution of every other incident. Each lane claims only its
/// own stages, up to its own capacity.
public struct WorkLane: Sendable, Hashable, CustomStringConvertible {
    /// Used in lease owners (`node/lane`) and logs.
    public var name: String
    public var stages: Set<Stage>
    /// Stage runs in flight at once.
    public var capacity: Int

    public init(name: String, stages: Set<Stage>, capacity: Int) {
        self.name = name
        self.stages = stages
        self.capacity = capacity
    }

    public var description: String { "\(name) (\(capacity))" }

    /// The lanes a node runs: none on an ingest-only node (`workers == 0`); planning in a
    /// lane of its own unless `planWorkers` is 0.
    public static func lanes(workers: Int, planWorkers: Int) -> [WorkLane] {
        guard workers > 0 else { return [] }
        guard planWorkers > 0 else { return [WorkLane(name: "stages", stages: Set(Stage.allCases), capacity: workers)] }
        return [
            WorkLane(name: "stages", stages: Set(Stage.allCases).subtracting([.plan]), capacity: workers),
            WorkLane(name: "plan", stages: [.plan], capacity: planWorkers),
        ]
    }
}
