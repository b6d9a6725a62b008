import Foundation
import PostgresNIO
public import RemediatorCore

extension PostgresStore: IngestStore {
    public func ingest(_ requests: [IngestRequest]) async throws -> [[IngestedAlert]] {
        guard !requests.isEmpty else { return [] }
        // One transaction for the batch (group commit).
        let fingerprints = requests.flatMap { request in request.alerts.map { "\(request.tenantID.rawValue)/\($0.fingerprint)" } }
        return try await transaction(at: requests[0].receivedAt) { transaction in
            // Batches on several nodes lock the same incidents in different orders; taking a
            // lock per fingerprint first, all in one order, makes them queue instead of deadlock.
            try await transaction.run("""
                SELECT count(pg_advisory_xact_lock(key)) FROM (
                    SELECT DISTINCT hashtextextended(fingerprint, 0) AS key FROM unnest(\(fingerprints)::text[]) AS fingerprint ORDER BY key
                ) AS keys
                """)
            var results: [[IngestedAlert]] = []
            results.reserveCapacity(requests.count)
            for request in requests {
                transaction.now = request.receivedAt
                var outcomes: [IngestedAlert] = []
                outcomes.reserveCapacity(request.alerts.count)
                for content in request.alerts {
                    outcomes.append(try await Self.ingest(content, tenantID: request.tenantID, in: &transaction))
                }
                results.append(outcomes)
            }
            return results
        }
    }

    private static func ingest(_ content: NormalizedAlert, tenantID: TenantID, in transaction: inout PostgresTransaction) async throws -> IngestedAlert {
        let now = transaction.nowMilliseconds
        let alertID = Identifier.make(at: transaction.now)
        let labels = Columns.json(content.labels)
        var open = try await openIncident(fingerprint: content.fingerprint, tenantID: tenantID, in: transaction)
        var incidentID = try open?.text("id")
        let action: IngestedAlert.Action

        if content.status == .firing && open == nil {
            let id = Identifier.make(at: transaction.now)
            // Another node may open the same fingerprint at the same moment: the unique index
            // on open fingerprints makes one insert win and the other join its incident.
            let inserted = try await transaction.firstRow("""
                INSERT INTO incidents (id, tenant_id, fingerprint, state, state_reason, is_open, source, alert_name, title,
                    description, severity, host, service, labels, alert_count, created_at, updated_at)
                VALUES (\(id), \(tenantID.rawValue), \(content.fingerprint), 'received', '', TRUE, \(content.source), \(content.alertName),
                    \(content.title), \(content.description), \(content.severity.rawValue), \(content.host), \(content.service),
                    \(labels), 1, \(now), \(now))
                ON CONFLICT (tenant_id, fingerprint) WHERE is_open DO NOTHING
                RETURNING id
                """)
            if inserted != nil {
                incidentID = id
                try await transaction.enqueue(.enrich, incidentID: id, tenantID: tenantID)
                transaction.appendAudit(AuditEntry(
                    tenantID: tenantID, actor: "source:\(content.source)", action: "incident.opened",
                    subject: "incident/\(id)", details: ["alert_id": alertID, "fingerprint": content.fingerprint, "title": String(content.title.prefix(200))]
                ))
                try await insertAlert(content, id: alertID, incidentID: id, tenantID: tenantID, labels: labels, in: transaction)
                return IngestedAlert(alert: Alert(id: alertID, tenantID: tenantID, incidentID: id, receivedAt: transaction.now, content: content), action: .opened)
            }
            open = try await openIncident(fingerprint: content.fingerprint, tenantID: tenantID, in: transaction)
            incidentID = try open?.text("id")
        }

        switch (content.status, open) {
        case (.firing, let row?):
            let current = Severity(rawValue: try row.text("severity")) ?? .info
            try await transaction.run("""
                UPDATE incidents SET alert_count = alert_count + 1, severity = \(max(current, content.severity).rawValue), updated_at = \(now)
                WHERE id = \(incidentID)
                """)
            action = .joined
        case (.resolved, let row?):
            let id = try row.text("id")
            guard let incident = try await transaction.incident(id: id, details: []) else {
                throw StoreError.unavailable("incident \(id) cannot be read")
            }
            if IncidentLifecycle.allows(.sourceResolved, in: incident.state) {
                try await transaction.cancelQueuedJobs(incidentID: id, reason: "the source resolved the alert")
                try await transaction.setState(of: incident, to: .resolved, event: .sourceResolved, reason: "the source resolved the alert before remediation", actor: "source:\(content.source)")
                try await transaction.enqueue(.close, incidentID: id, tenantID: tenantID)
                action = .resolved
            } else {
                try await transaction.run("UPDATE incidents SET source_resolved_at = \(now), updated_at = \(now) WHERE id = \(id)")
                // A verification waiting for this evidence need not wait for its next look.
                try await transaction.run("UPDATE jobs SET next_run_at = \(now) WHERE incident_id = \(id) AND stage = 'verify' AND state = 'queued'")
                transaction.appendAudit(AuditEntry(
                    tenantID: tenantID, actor: "source:\(content.source)", action: "alert.resolved_during_execution",
                    subject: "incident/\(id)", details: ["alert_id": alertID, "state": incident.state.rawValue]
                ))
                action = .resolvedDuringExecution
            }
        case (.resolved, nil):
            // Nothing open to resolve: the alert is kept for the record, on its own.
            action = .unmatched
        case (.firing, nil):
            throw StoreError.unavailable("the open incident for fingerprint \(content.fingerprint) could neither be created nor found")
        }
        try await insertAlert(content, id: alertID, incidentID: incidentID, tenantID: tenantID, labels: labels, in: transaction)
        let alert = Alert(id: alertID, tenantID: tenantID, incidentID: incidentID, receivedAt: transaction.now, content: content)
        return IngestedAlert(alert: alert, action: action)
    }

    /// The open incident with the fingerprint, locked until the transaction ends.
    private static func openIncident(fingerprint: String, tenantID: TenantID, in transaction: PostgresTransaction) async throws -> PostgresRandomAccessRow? {
        try await transaction.firstRow("""
            SELECT id, state, severity FROM incidents WHERE tenant_id = \(tenantID.rawValue) AND fingerprint = \(fingerprint) AND is_open
            FOR UPDATE
            """)
    }

    private static func insertAlert(
        _ content: NormalizedAlert, id: String, incidentID: String?, tenantID: TenantID, labels: String, in transaction: PostgresTransaction
    ) async throws {
        try await transaction.run("""
            INSERT INTO alerts (id, tenant_id, incident_id, received_at, source, status, severity, alert_name, title, description,
                host, service, external_id, fingerprint, labels, annotations, starts_at, ends_at)
            VALUES (\(id), \(tenantID.rawValue), \(incidentID), \(transaction.nowMilliseconds), \(content.source), \(content.status.rawValue),
                \(content.severity.rawValue), \(content.alertName), \(content.title), \(content.description), \(content.host),
                \(content.service), \(content.externalID), \(content.fingerprint), \(labels), \(Columns.json(content.annotations)),
                \(content.startsAt.map(Columns.milliseconds)), \(content.endsAt.map(Columns.milliseconds)))
            """)
    }
}
