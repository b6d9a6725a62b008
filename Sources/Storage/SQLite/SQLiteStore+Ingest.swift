import Foundation
import GRDB
public import RemediatorCore

extension SQLiteStore: IngestStore {
    public func ingest(_ requests: [IngestRequest]) async throws -> [[IngestedAlert]] {
        guard !requests.isEmpty else { return [] }
        let configuration = self.configuration
        return try await write { db in
            var results: [[IngestedAlert]] = []
            results.reserveCapacity(requests.count)
            // One transaction object for the batch: the audit chain's head is read once.
            var transaction = SQLiteTransaction(db, configuration: configuration, now: requests[0].receivedAt)
            for request in requests {
                transaction.now = request.receivedAt
                var outcomes: [IngestedAlert] = []
                outcomes.reserveCapacity(request.alerts.count)
                for content in request.alerts {
                    outcomes.append(try Self.ingest(content, tenantID: request.tenantID, in: &transaction))
                }
                results.append(outcomes)
            }
            return results
        }
    }

    private static func ingest(_ content: NormalizedAlert, tenantID: TenantID, in transaction: inout SQLiteTransaction) throws -> IngestedAlert {
        let db = transaction.db
        let now = transaction.nowMilliseconds
        let openRow = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT id, state, severity FROM incidents WHERE tenant_id = ? AND fingerprint = ? AND is_open = 1"),
            arguments: [tenantID.rawValue, content.fingerprint]
        )
        let alertID = Identifier.make(at: transaction.now)
        let labels = Columns.json(content.labels)
        var incidentID: String? = openRow?["id"]
        let action: IngestedAlert.Action

        switch (content.status, openRow) {
        case (.firing, let row?):
            let current = Severity(rawValue: row["severity"] as String) ?? .info
            try db.cachedStatement(sql: "UPDATE incidents SET alert_count = alert_count + 1, severity = ?, updated_at = ? WHERE id = ?")
                .execute(arguments: [max(current, content.severity).rawValue, now, incidentID])
            action = .joined
        case (.firing, nil):
            let id = Identifier.make(at: transaction.now)
            incidentID = id
            try db.cachedStatement(sql: """
                INSERT INTO incidents (id, tenant_id, fingerprint, state, state_reason, is_open, source, alert_name, title,
                    description, severity, host, service, labels, alert_count, created_at, updated_at)
                VALUES (?, ?, ?, 'received', '', 1, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
                """).execute(arguments: [
                    id, tenantID.rawValue, content.fingerprint, content.source, content.alertName, content.title,
                    content.description, content.severity.rawValue, content.host, content.service,
                    labels, now, now,
                ])
            try transaction.enqueue(.enrich, incidentID: id, tenantID: tenantID)
            try transaction.appendAudit(AuditEntry(
                tenantID: tenantID, actor: "source:\(content.source)", action: "incident.opened",
                subject: "incident/\(id)", details: ["alert_id": alertID, "fingerprint": content.fingerprint, "title": String(content.title.prefix(200))]
            ))
            action = .opened
        case (.resolved, let row?):
            let stateText: String = row["state"]
            guard let incident = try transaction.incident(id: row["id"], details: []), let state = IncidentState(rawValue: stateText) else {
                throw StoreError.unavailable("incident \(row["id"] as String) cannot be read")
            }
            if IncidentLifecycle.allows(.sourceResolved, in: state) {
                try transaction.cancelQueuedJobs(incidentID: incident.id, reason: "the source resolved the alert")
                try transaction.setState(of: incident, to: .resolved, event: .sourceResolved, reason: "the source resolved the alert before remediation", actor: "source:\(content.source)")
                try transaction.enqueue(.close, incidentID: incident.id, tenantID: tenantID)
                action = .resolved
            } else {
                try db.cachedStatement(sql: "UPDATE incidents SET source_resolved_at = ?, updated_at = ? WHERE id = ?")
                    .execute(arguments: [now, now, incident.id])
                // A verification waiting for this evidence need not wait for its next look.
                try db.cachedStatement(sql: "UPDATE jobs SET next_run_at = ? WHERE incident_id = ? AND stage = 'verify' AND state = 'queued'")
                    .execute(arguments: [now, incident.id])
                try transaction.appendAudit(AuditEntry(
                    tenantID: tenantID, actor: "source:\(content.source)", action: "alert.resolved_during_execution",
                    subject: "incident/\(incident.id)", details: ["alert_id": alertID, "state": state.rawValue]
                ))
                action = .resolvedDuringExecution
            }
        case (.resolved, nil):
            // Nothing open to resolve: the alert is kept for the record, on its own.
            action = .unmatched
        }

        try db.cachedStatement(sql: """
            INSERT INTO alerts (id, tenant_id, incident_id, received_at, source, status, severity, alert_name, title, description,
                host, service, external_id, fingerprint, labels, annotations, starts_at, ends_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                alertID, tenantID.rawValue, incidentID, now, content.source, content.status.rawValue, content.severity.rawValue,
                content.alertName, content.title, content.description, content.host, content.service, content.externalID,
                content.fingerprint, labels, Columns.json(content.annotations),
                content.startsAt.map(Columns.milliseconds), content.endsAt.map(Columns.milliseconds),
            ])
        let alert = Alert(id: alertID, tenantID: tenantID, incidentID: incidentID, receivedAt: transaction.now, content: content)
        return IngestedAlert(alert: alert, action: action)
    }
}
