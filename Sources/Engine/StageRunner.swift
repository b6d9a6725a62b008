public import Execution
public import Foundation
public import Knowledge
public import RemediatorCore

/// Runs one stage for one claimed job and says what happened.
///
/// Handlers decide; the job queue applies the decision in one transaction. Handlers are
/// idempotent: running one again after a crash produces the same outcome, and steps that
/// touch hosts are recorded under an idempotency key so they never run twice.
public struct StageRunner: Sendable {
    let store: any Store
    let catalog: RunbookCatalog
    let planner: any Planner
    let validator: any ScriptValidator
    let executors: ExecutorRouter
    /// Ticket updates and notifications sent when an incident closes.
    let notifiers: [any IncidentNotifier]
    let configuration: EngineConfiguration
    let clock: @Sendable () -> Date

    public init(
        store: any Store, catalog: RunbookCatalog, planner: any Planner, validator: any ScriptValidator,
        executors: ExecutorRouter, notifiers: [any IncidentNotifier] = [], configuration: EngineConfiguration,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.catalog = catalog
        self.planner = planner
        self.validator = validator
        self.executors = executors
        self.notifiers = notifiers
        self.configuration = configuration
        self.clock = clock
    }

    /// A runner whose every step goes to one executor (no inventory).
    public init(
        store: any Store, catalog: RunbookCatalog, planner: any Planner, validator: any ScriptValidator,
        executor: any Executor, notifiers: [any IncidentNotifier] = [], configuration: EngineConfiguration,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.init(
            store: store, catalog: catalog, planner: planner, validator: validator, executors: ExecutorRouter(standalone: executor),
            notifiers: notifiers, configuration: configuration, clock: clock
        )
    }

    /// The outcome to apply, or `nil` when the incident moved on while the stage ran.
    public func run(_ claimed: ClaimedJob) async throws -> StageOutcome? {
        switch claimed.job.stage {
        case .enrich: try await enrich(claimed.incident)
        case .plan: try await plan(claimed.incident)
        case .validate: validate(claimed.incident)
        case .gate: gate(claimed.incident)
        case .execute: try await execute(claimed)
        case .verify: try await verify(claimed)
        case .close: try await close(claimed.incident)
        }
    }

    var actor: String { "worker:\(configuration.nodeID)" }
}
