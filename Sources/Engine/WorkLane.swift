public import RemediatorCore

/// A set of stages with its own number of concurrent runs on a node.
///
/// Planning waits seconds on an LLM and execution minutes on hosts, the other stages take
/// milliseconds of CPU: with one shared set of workers, a slow LLM or a hung host would
/// hold every worker and stall every other incident. Each lane claims only its own stages,
/// up to its own capacity.
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

    /// The lanes a node runs: none on an ingest-only node (`workers == 0`); planning and
    /// execution (execute and verify, which wait on hosts) each in a lane of their own
    /// unless their worker count is 0, in which case they run with the other stages.
    public static func lanes(workers: Int, planWorkers: Int, executionWorkers: Int) -> [WorkLane] {
        guard workers > 0 else { return [] }
        var general = Set(Stage.allCases)
        var lanes: [WorkLane] = []
        if planWorkers > 0 {
            general.remove(.plan)
            lanes.append(WorkLane(name: "plan", stages: [.plan], capacity: planWorkers))
        }
        if executionWorkers > 0 {
            general.subtract([.execute, .verify])
            lanes.append(WorkLane(name: "execution", stages: [.execute, .verify], capacity: executionWorkers))
        }
        return [WorkLane(name: "stages", stages: general, capacity: workers)] + lanes
    }
}
