import Foundation
import RemediatorCore

extension StageRunner {
    /// The audit action recording that one integration has the incident's closing notice.
    static let deliveredAction = "integration.delivered"

    /// Closes a resolved incident after every integration (ticket system, webhook) has
    /// been told.
    ///
    /// Each delivery is recorded in the audit log: with the close itself when all succeed
    /// (no extra transaction), or at once when another one fails. A stage that runs again
    /// (a failed attempt, a node that died) skips the integrations that have a record and
    /// retries only the rest. A delivery whose record a crash prevented is sent again under
    /// the same idempotency key, which the receiver deduplicates. Every pending integration
    /// is tried, so one that is down does not keep the others waiting; then a failure fails
    /// the attempt (retried with backoff), or, when every failing integration's breaker is
    /// open, the stage is postponed until the first trial without counting an attempt.
    func close(_ incident: Incident) async throws -> StageOutcome {
        let reason = incident.stateReason.isEmpty ? "resolved" : incident.stateReason
        var records: [AuditEntry] = []
        if !notifiers.isEmpty {
            let delivered = try await deliveredIntegrations(of: incident)
            let pending = notifiers.filter { !delivered.contains($0.name) }
            if !pending.isEmpty {
                let steps = try await store.executions(incidentID: incident.id, tenantID: incident.tenantID).map {
                    IncidentNotice.Step(name: $0.step, host: $0.host, status: $0.status.rawValue, exitCode: $0.exitCode)
                }
                let newest = try await store.alerts(incidentID: incident.id, tenantID: incident.tenantID, limit: 1).first
                var failures: [any Error] = []
                for notifier in pending {
                    var notice = notice(for: incident, reason: reason, steps: steps, integration: notifier.name)
                    notice.sourceReference = newest.map(\.content.externalID).flatMap { $0.isEmpty ? nil : $0 }
                    do {
                        try await notifier.deliver(notice)
                    } catch {
                        failures.append(error)
                        continue
                    }
                    records.append(AuditEntry(
                        tenantID: incident.tenantID, actor: actor, action: Self.deliveredAction, subject: "incident/\(incident.id)",
                        details: ["integration": notifier.name, "idempotency_key": notice.idempotencyKey]
                    ))
                }
                if !failures.isEmpty {
                    // Keep what did get through, so the retry does not send it again.
                    if !records.isEmpty { try? await store.append(records) }
                    throw Self.decisive(failures)
                }
            }
        }
        return StageOutcome(event: .closed, reason: reason, audit: records)
    }

    /// The failure that decides what happens to the attempt: one that counts, if any;
    /// else (every integration's breaker is open) the wait for the earliest trial.
    static func decisive(_ failures: [any Error]) -> any Error {
        if let counted = failures.first(where: { !($0 is IntegrationUnavailable) }) { return counted }
        let earliest = failures.compactMap { $0 as? IntegrationUnavailable }.min { $0.retryAfter < $1.retryAfter }
        return earliest ?? IntegrationUnavailable(integration: "integrations", retryAfter: .seconds(1), reason: "no failure recorded")
    }

    /// The integrations the audit log says already have this incident's closing notice.
    func deliveredIntegrations(of incident: Incident) async throws -> Set<String> {
        var delivered: Set<String> = []
        var after: Int64 = 0
        while true {
            let events = try await store.auditEvents(tenantID: incident.tenantID, subject: "incident/\(incident.id)", after: after, limit: 500)
            for event in events where event.action == Self.deliveredAction {
                if let name = event.details["integration"] { delivered.insert(name) }
            }
            guard events.count == 500, let last = events.last else { return delivered }
            after = last.sequence
        }
    }

    func notice(for incident: Incident, reason: String, steps: [IncidentNotice.Step], integration: String) -> IncidentNotice {
        IncidentNotice(
            idempotencyKey: "\(incident.id)/\(Stage.close.rawValue)/\(integration)", incidentID: incident.id, tenantID: incident.tenantID,
            state: .closed, reason: reason, title: incident.title, severity: incident.severity, host: incident.host,
            service: incident.service, source: incident.source, runbookID: incident.plan?.runbookID, planSummary: incident.plan?.summary,
            steps: steps, openedAt: incident.createdAt, resolvedAt: incident.resolvedAt
        )
    }
}
