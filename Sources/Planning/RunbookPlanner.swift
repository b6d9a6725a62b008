public import Knowledge
public import RemediatorCore

/// The offline, deterministic planner: the best-matching runbook becomes the plan.
///
/// Same incident and catalog, same plan. It copies the runbook's scripts verbatim and
/// passes alert facts as environment variables, so nothing an alert says can change
/// what runs. Without a matching runbook, or without a host to run on, it abstains and
/// the incident goes to a human.
public struct RunbookPlanner: Planner {
    public let name = "runbook"
    private let catalog: RunbookCatalog
    private let inventory: Inventory

    /// `inventory` says which hosts a runbook that names a group may act on.
    public init(catalog: RunbookCatalog, inventory: Inventory = .empty) {
        self.catalog = catalog
        self.inventory = inventory
    }

    public func plan(for incident: Incident, context: IncidentContext) async throws -> PlanningResult {
        guard let best = context.runbooks.first else {
            return .abstain(reason: "no runbook matched \(incident.alertName.isEmpty ? "the alert" : "'\(incident.alertName)'")")
        }
        guard let runbook = catalog.runbook(id: best.id) else {
            return .abstain(reason: "runbook '\(best.id)' is no longer in the catalog")
        }
        guard !incident.host.isEmpty else {
            return .abstain(reason: "the alert names no host, so there is nowhere to run runbook '\(runbook.id)'")
        }
        // Each role on every host in reach, the incident's own host first; steps on the
        // group's other members are named `role@host`.
        let targets = inventory.blastRadius(of: incident.host, group: runbook.group)
        let steps = StepRole.allCases.flatMap { role -> [PlanStep] in
            guard let script = runbook.scripts[role] else { return [] }
            return targets.map { target in
                PlanStep(
                    name: target == incident.host ? role.rawValue : "\(role.rawValue)@\(target)", role: role, language: script.language,
                    script: script.code, target: target, timeoutSeconds: runbook.timeoutSeconds
                )
            }
        }
        let scope = targets.count > 1 ? " and the \(targets.count - 1) other hosts of group \(runbook.group ?? "")" : ""
        return .plan(Plan(
            planner: name,
            summary: "\(runbook.title) on \(incident.host)\(scope) (runbook \(runbook.id) v\(runbook.version))",
            rootCause: best.reasons.joined(separator: "; "),
            runbookID: runbook.id,
            runbookVersion: runbook.version,
            steps: steps,
            environment: AlertEnvironment.variables(for: incident),
            createdAt: incident.updatedAt
        ))
    }
}
