/// Where Remediator plans but never acts (`shadow_runbooks`, `shadow_groups`,
/// `shadow_tenants`).
///
/// An incident in shadow mode gets its plan made and validated like any other, then stops
/// in the `shadow` state: nothing runs and nobody can approve it. When the source resolves
/// the alert, or a human closes the incident after fixing it by hand, the incident records
/// which, so operators can compare what Remediator would have done with what happened
/// before they let it act (`GET /v1/shadow/report`).
public struct ShadowMode: Sendable, Equatable {
    public var runbooks: Set<String>
    /// Inventory groups: incidents on their members.
    public var groups: Set<String>
    public var tenants: Set<TenantID>

    public init(runbooks: Set<String> = [], groups: Set<String> = [], tenants: Set<TenantID> = []) {
        self.runbooks = runbooks
        self.groups = groups
        self.tenants = tenants
    }

    public static let off = ShadowMode()

    /// Why this incident's plan is shadowed, or nil when it may go to approval.
    public func reason(for incident: Incident, plan: Plan, inventory: Inventory) -> String? {
        if tenants.contains(incident.tenantID) {
            return "tenant \(incident.tenantID.rawValue) is in shadow mode"
        }
        if let runbook = plan.runbookID, runbooks.contains(runbook) {
            return "runbook \(runbook) is in shadow mode"
        }
        if !groups.isEmpty, case .found(let host) = inventory.host(matching: incident.host),
           let group = host.groups.first(where: groups.contains) {
            return "host group \(group) is in shadow mode"
        }
        return nil
    }
}
