import Crypto
import Foundation
public import Knowledge
public import RemediatorCore

/// Reuses an LLM plan for incidents with the same signature within a time-to-live, so an
/// alert storm over many hosts costs one model call instead of one per host.
///
/// The signature is the alert's source, name and service, the platform, and the id and
/// version of every runbook the prompt offered: a new runbook version makes a new plan.
/// A reused plan is re-aimed at the new incident's host, carries that incident's alert
/// facts, and goes through the validator and the approval gate again like any plan.
/// Concurrent misses for one signature make a single call. Plans the runbook planner
/// made after the model failed are not cached: the model is asked again next time.
public actor CachingPlanner: Planner {
    public nonisolated let name: String
    let base: any Planner
    let catalog: RunbookCatalog
    let timeToLive: Duration
    let maximumEntries: Int
    let clock: @Sendable () -> ContinuousClock.Instant
    let meter: LLMUsageMeter?

    private struct Entry {
        let result: PlanningResult
        let incidentID: String
        let storedAt: ContinuousClock.Instant
    }

    private var entries: [String: Entry] = [:]
    private var inFlight: [String: Task<(PlanningResult, String), any Error>] = [:]
    public private(set) var hits = 0
    public private(set) var misses = 0

    public init(
        _ base: any Planner, catalog: RunbookCatalog, timeToLive: Duration, maximumEntries: Int = 1024, meter: LLMUsageMeter? = nil,
        clock: @escaping @Sendable () -> ContinuousClock.Instant = { .now }
    ) {
        self.name = base.name
        self.base = base
        self.catalog = catalog
        self.timeToLive = timeToLive
        self.maximumEntries = max(1, maximumEntries)
        self.clock = clock
        self.meter = meter
    }

    public func plan(for incident: Incident, context: IncidentContext) async throws -> PlanningResult {
        let key = signature(of: incident, context: context)
        let now = clock()
        if let entry = entries[key], now - entry.storedAt < timeToLive {
            hits += 1
            meter?.recordCache(hit: true)
            return Self.reuse(entry.result, from: entry.incidentID, for: incident)
        }
        if let pending = inFlight[key] {
            hits += 1
            meter?.recordCache(hit: true)
            let (result, source) = try await pending.value
            return Self.reuse(result, from: source, for: incident)
        }
        misses += 1
        meter?.recordCache(hit: false)
        let base = self.base
        let task = Task { (try await base.plan(for: incident, context: context), incident.id) }
        inFlight[key] = task
        defer { inFlight[key] = nil }
        let (result, _) = try await task.value
        if Self.isCacheable(result) {
            if entries.count >= maximumEntries, let oldest = entries.min(by: { $0.value.storedAt < $1.value.storedAt })?.key {
                entries[oldest] = nil
            }
            entries[key] = Entry(result: result, incidentID: incident.id, storedAt: clock())
        }
        return result
    }

    /// SHA-256 over the fields that decide the plan, NUL-separated.
    nonisolated func signature(of incident: Incident, context: IncidentContext) -> String {
        let platform = incident.labels["platform"] ?? incident.labels["os"] ?? ""
        let runbooks = context.runbooks.prefix(3).map { match in
            "\(match.id)@\(catalog.runbook(id: match.id)?.version ?? match.version)/\(catalog.runbook(id: match.id)?.platform.rawValue ?? "")"
        }
        let fields = [incident.tenantID.rawValue, incident.source, incident.alertName, incident.service, platform] + runbooks
        return Hex.string(SHA256.hash(data: Data(fields.joined(separator: "\u{0}").utf8)))
    }

    /// Model plans and model abstentions are cached; runbook plans made as a fallback are not.
    static func isCacheable(_ result: PlanningResult) -> Bool {
        switch result {
        case .plan(let plan): plan.origin != nil && plan.origin?.fallbackReason == nil
        case .abstain: true
        }
    }

    /// The cached result for another incident: its host, its alert facts, no new cost.
    static func reuse(_ result: PlanningResult, from source: String, for incident: Incident) -> PlanningResult {
        guard case .plan(var plan) = result else { return result }
        plan.steps = plan.steps.map { step in
            var step = step
            step.target = incident.host
            return step
        }
        plan.environment = AlertEnvironment.variables(for: incident)
        plan.createdAt = incident.updatedAt
        plan.hash = ""
        if var origin = plan.origin {
            origin.calls = 0
            origin.inputTokens = 0
            origin.outputTokens = 0
            origin.costUSD = 0
            origin.reusedFrom = source
            plan.origin = origin
        }
        return .plan(plan)
    }
}
