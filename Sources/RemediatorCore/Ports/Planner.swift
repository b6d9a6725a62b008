/// Makes a remediation plan for an incident.
///
/// Implementations: the runbook planner (offline, deterministic, the default) and the
/// LLM planners. A planner never executes anything and never sees secrets; what it
/// returns is validated and gated like any other plan.
public protocol Planner: Sendable {
    /// Short name recorded on the plan, e.g. `runbook`.
    var name: String { get }

    func plan(for incident: Incident, context: IncidentContext) async throws -> PlanningResult
}
