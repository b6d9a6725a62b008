public import Foundation
public import RemediatorCore

/// What people can do to an incident: approve, reject, retry, cancel.
///
/// Every check runs inside the store's transaction against the incident as stored, so a
/// decision made on a stale page cannot approve a plan that changed in the meantime.
public struct IncidentActions: Sendable {
    let store: any Store
    let signal: WorkSignal
    let clock: @Sendable () -> Date

    public init(store: any Store, signal: WorkSignal, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.signal = signal
        self.clock = clock
    }

    /// Approves the plan with `planHash`.
    ///
    /// Refused (``StoreError/Code/conflict``) when the validator blocked the plan (always,
    /// whoever asks), when the hash is not the current plan's, or when the incident is not
    /// waiting for approval.
    public func approve(incidentID: String, tenantID: TenantID, actor: String, planHash: String, comment: String) async throws -> Incident {
        let now = clock()
        let approval = Approval(
            id: Identifier.make(at: now), tenantID: tenantID, incidentID: incidentID, planHash: planHash,
            decision: .approved, actor: actor, comment: comment, createdAt: now
        )
        let decision = IncidentDecision(
            event: .approved,
            reason: "approved by \(actor)",
            precondition: { incident in try Self.checkApprovable(incident, planHash: planHash) },
            approval: approval,
            enqueue: .execute,
            audit: [AuditEntry(tenantID: tenantID, actor: actor, action: "plan.approved", subject: "incident/\(incidentID)", details: ["plan_hash": planHash, "comment": String(comment.prefix(500))])]
        )
        let incident = try await store.decide(incidentID: incidentID, tenantID: tenantID, actor: actor, decision: decision, at: now)
        signal.notify()
        return incident
    }

    public func reject(incidentID: String, tenantID: TenantID, actor: String, planHash: String, comment: String) async throws -> Incident {
        let now = clock()
        let approval = Approval(
            id: Identifier.make(at: now), tenantID: tenantID, incidentID: incidentID, planHash: planHash,
            decision: .rejected, actor: actor, comment: comment, createdAt: now
        )
        let decision = IncidentDecision(
            event: .rejected,
            reason: comment.isEmpty ? "rejected by \(actor)" : "rejected by \(actor): \(comment.prefix(200))",
            precondition: { incident in
                guard incident.state == .awaitingApproval else {
                    throw StoreError.conflict("the incident is \(incident.state.rawValue); only a plan awaiting approval can be rejected")
                }
                guard incident.plan?.hash == planHash else {
                    throw StoreError.conflict("plan_hash does not match the incident's current plan")
                }
            },
            approval: approval,
            audit: [AuditEntry(tenantID: tenantID, actor: actor, action: "plan.rejected", subject: "incident/\(incidentID)", details: ["plan_hash": planHash, "comment": String(comment.prefix(500))])]
        )
        return try await store.decide(incidentID: incidentID, tenantID: tenantID, actor: actor, decision: decision, at: now)
    }

    /// Runs a dead-lettered stage again, or re-plans a failed, escalated or blocked incident.
    public func retry(incidentID: String, tenantID: TenantID, actor: String) async throws -> Incident {
        guard let incident = try await store.incident(id: incidentID, tenantID: tenantID) else {
            throw StoreError.notFound("incident \(incidentID) does not exist")
        }
        let stage: Stage
        switch incident.state {
        case .deadLetter:
            let jobs = try await store.jobs(incidentID: incidentID, tenantID: tenantID)
            stage = jobs.last(where: { $0.state == .dead })?.stage ?? .enrich
        case .failed, .escalated, .blocked, .shadow:
            stage = .enrich
        default:
            throw StoreError.conflict("the incident is \(incident.state.rawValue); only dead_letter, failed, escalated, blocked or shadow incidents can be retried")
        }
        let expected = incident.state
        let decision = IncidentDecision(
            event: .retried(stage),
            reason: "retried by \(actor) at stage \(stage.rawValue)",
            precondition: { current in
                guard current.state == expected else { throw StoreError.conflict("the incident changed to \(current.state.rawValue); look again") }
            },
            enqueue: stage
        )
        let updated = try await store.decide(incidentID: incidentID, tenantID: tenantID, actor: actor, decision: decision, at: clock())
        signal.notify()
        return updated
    }

    /// Closes an incident without remediating it. Not while a step may be running.
    public func cancel(incidentID: String, tenantID: TenantID, actor: String, comment: String) async throws -> Incident {
        let decision = IncidentDecision(
            event: .cancelled,
            reason: comment.isEmpty ? "cancelled by \(actor)" : "cancelled by \(actor): \(comment.prefix(200))",
            precondition: { incident in
                guard incident.state != .executing, incident.state != .verifying else {
                    throw StoreError.conflict("the incident is \(incident.state.rawValue); a running remediation cannot be cancelled")
                }
                guard incident.state != .closed else { throw StoreError.conflict("the incident is already closed") }
            }
        )
        return try await store.decide(incidentID: incidentID, tenantID: tenantID, actor: actor, decision: decision, at: clock())
    }

    static func checkApprovable(_ incident: Incident, planHash: String) throws {
        if incident.state == .blocked || incident.safety?.verdict == .block {
            let rules = incident.safety?.steps.flatMap { $0.report.findings.filter { $0.severity == .block }.map(\.rule) } ?? []
            let detail = rules.isEmpty ? "" : " (\(Set(rules).sorted().joined(separator: ", ")))"
            throw StoreError.conflict("the validator blocked this plan\(detail); a blocked plan cannot be approved by anyone")
        }
        guard incident.state == .awaitingApproval else {
            throw StoreError.conflict("the incident is \(incident.state.rawValue); only a plan awaiting approval can be approved")
        }
        guard let plan = incident.plan, let safety = incident.safety, safety.planHash == plan.hash else {
            throw StoreError.conflict("the incident has no validated plan")
        }
        guard plan.hash == planHash else {
            throw StoreError.conflict("plan_hash \(planHash.prefix(16)) is not the incident's current plan \(plan.hash.prefix(16)); review the current plan")
        }
    }
}
