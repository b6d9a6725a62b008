public import Foundation
import PostgresNIO
public import RemediatorCore

extension PostgresStore: IncidentStore {
    public func incident(id: String, tenantID: TenantID) async throws -> Incident? {
        try await rows("SELECT * FROM incidents WHERE id = \(id) AND tenant_id = \(tenantID.rawValue)")
            .first.map { try StoredRows.incident($0) }
    }

    public func incidents(tenantID: TenantID, state: IncidentState?, limit: Int, cursor: String?) async throws -> IncidentPage {
        let limit = min(max(limit, 1), 500)
        var sql = "SELECT * FROM incidents WHERE tenant_id = $1"
        var binds = PostgresBindings()
        binds.append(tenantID.rawValue)
        if let state {
            binds.append(state.rawValue)
            sql += " AND state = $\(binds.count)"
        }
        if let cursor {
            binds.append(cursor)
            sql += " AND id < $\(binds.count)"
        }
        binds.append(Int64(limit + 1))
        sql += " ORDER BY id DESC LIMIT $\(binds.count)"
        let rows = try await rows(PostgresQuery(unsafeSQL: sql, binds: binds))
        let incidents = try rows.prefix(limit).map { try StoredRows.incident($0, details: []) }
        return IncidentPage(incidents: incidents, nextCursor: rows.count > limit ? incidents.last?.id : nil)
    }

    public func alert(id: String, tenantID: TenantID) async throws -> Alert? {
        try await rows("SELECT * FROM alerts WHERE id = \(id) AND tenant_id = \(tenantID.rawValue)").first.map(StoredRows.alert)
    }

    public func alerts(incidentID: String, tenantID: TenantID, limit: Int) async throws -> [Alert] {
        try await rows("""
            SELECT * FROM alerts WHERE incident_id = \(incidentID) AND tenant_id = \(tenantID.rawValue) ORDER BY id DESC LIMIT \(Int64(limit))
            """).map(StoredRows.alert)
    }

    public func approvals(incidentID: String, tenantID: TenantID) async throws -> [Approval] {
        try await rows("""
            SELECT * FROM approvals WHERE incident_id = \(incidentID) AND tenant_id = \(tenantID.rawValue) ORDER BY created_at, id
            """).map(StoredRows.approval)
    }

    public func executions(incidentID: String, tenantID: TenantID) async throws -> [Execution] {
        try await rows("""
            SELECT * FROM executions WHERE incident_id = \(incidentID) AND tenant_id = \(tenantID.rawValue) ORDER BY started_at, id
            """).map(StoredRows.execution)
    }

    public func jobs(incidentID: String, tenantID: TenantID) async throws -> [Job] {
        try await rows("""
            SELECT * FROM jobs WHERE incident_id = \(incidentID) AND tenant_id = \(tenantID.rawValue) ORDER BY created_at, id
            """).map(StoredRows.job)
    }

    public func hostHistory(
        host: String, tenantID: TenantID, excluding incidentID: String, limit: Int
    ) async throws -> (incidents: [IncidentContext.HostIncident], alerts: [IncidentContext.HostAlert]) {
        guard !host.isEmpty else { return ([], []) }
        let incidents = try await rows("""
            SELECT id, title, state, created_at FROM incidents
            WHERE tenant_id = \(tenantID.rawValue) AND host = \(host) AND id <> \(incidentID) ORDER BY id DESC LIMIT \(Int64(limit))
            """).compactMap { row -> IncidentContext.HostIncident? in
                guard let state = IncidentState(rawValue: try row.text("state")) else { return nil }
                return IncidentContext.HostIncident(id: try row.text("id"), title: try row.text("title"), state: state, createdAt: Columns.date(try row.integer("created_at")))
            }
        let alerts = try await rows("""
            SELECT id, alert_name, status, severity, received_at FROM alerts
            WHERE tenant_id = \(tenantID.rawValue) AND host = \(host) AND (incident_id IS NULL OR incident_id <> \(incidentID))
            ORDER BY id DESC LIMIT \(Int64(limit))
            """).compactMap { row -> IncidentContext.HostAlert? in
                guard let status = AlertStatus(rawValue: try row.text("status")), let severity = Severity(rawValue: try row.text("severity")) else { return nil }
                return IncidentContext.HostAlert(
                    id: try row.text("id"), alertName: try row.text("alert_name"), status: status, severity: severity,
                    receivedAt: Columns.date(try row.integer("received_at"))
                )
            }
        return (incidents, alerts)
    }

    public func decide(incidentID: String, tenantID: TenantID, actor: String, decision: IncidentDecision, at now: Date) async throws -> Incident {
        try await transaction(at: now) { transaction in
            guard let incident = try await transaction.incident(id: incidentID, tenantID: tenantID, locked: true) else {
                throw StoreError.notFound("incident \(incidentID) does not exist")
            }
            try decision.precondition(incident)
            let next: IncidentState
            do throws(InvalidTransition) {
                next = try IncidentLifecycle.transition(from: incident.state, on: decision.event)
            } catch {
                throw StoreError.conflict(error.description)
            }
            if let approval = decision.approval {
                try await transaction.insert(approval)
            }
            // Whatever was queued belonged to the state the incident is leaving.
            try await transaction.cancelQueuedJobs(incidentID: incidentID, reason: "superseded: \(decision.event)")
            if decision.event == .retried(.enrich) {
                try await transaction.run("UPDATE incidents SET context = NULL, plan = NULL, plan_hash = NULL, safety = NULL WHERE id = \(incidentID)")
            }
            try await transaction.setState(of: incident, to: next, event: decision.event, reason: decision.reason, actor: actor)
            for entry in decision.audit {
                transaction.appendAudit(entry)
            }
            if let stage = decision.enqueue {
                try await transaction.enqueue(stage, incidentID: incidentID, tenantID: tenantID)
            }
            guard let updated = try await transaction.incident(id: incidentID) else {
                throw StoreError.notFound("incident \(incidentID) does not exist")
            }
            return updated
        }
    }

    public func executionRuns(tenantID: TenantID, host: String?, runbookID: String?, since: Date, excluding incidentID: String) async throws -> Int {
        var sql = "SELECT COUNT(DISTINCT e.incident_id) AS n FROM executions e"
        if runbookID != nil { sql += " JOIN incidents i ON i.id = e.incident_id" }
        var binds = PostgresBindings()
        binds.append(tenantID.rawValue)
        binds.append(Columns.milliseconds(since))
        binds.append(incidentID)
        sql += " WHERE e.tenant_id = $1 AND e.stage = 'execute' AND e.started_at >= $2 AND e.incident_id <> $3"
        if let host {
            binds.append(host)
            sql += " AND e.host = $\(binds.count)"
        }
        if let runbookID {
            binds.append(runbookID)
            sql += " AND i.plan::jsonb ->> 'runbook_id' = $\(binds.count)"
        }
        return Int(try await rows(PostgresQuery(unsafeSQL: sql, binds: binds)).first?.integer("n") ?? 0)
    }

    public func shadowReport(tenantID: TenantID) async throws -> ShadowReport {
        let rows = try await rows("""
            SELECT COALESCE(plan::jsonb ->> 'runbook_id', '-') AS runbook,
                COUNT(*) AS incidents,
                COUNT(CASE WHEN state = 'shadow' THEN 1 END) AS open,
                COUNT(CASE WHEN shadow_outcome = 'resolved_by_source' THEN 1 END) AS resolved_by_source,
                COUNT(CASE WHEN shadow_outcome = 'closed_by_human' THEN 1 END) AS closed_by_human,
                COUNT(CASE WHEN safety::jsonb ->> 'verdict' = 'allow' THEN 1 END) AS verdict_allow,
                COUNT(CASE WHEN safety::jsonb ->> 'verdict' = 'review' THEN 1 END) AS verdict_review,
                AVG(CASE WHEN shadow_outcome = 'resolved_by_source' THEN resolved_at - created_at END)::float8 AS mean_resolution,
                MAX(created_at) AS last_seen
            FROM incidents WHERE tenant_id = \(tenantID.rawValue) AND shadow IS NOT NULL
            GROUP BY runbook ORDER BY incidents DESC, runbook
            """)
        return ShadowReport(runbooks: try rows.map { row in
            ShadowReport.Runbook(
                runbookID: try row.text("runbook"), incidents: Int(try row.integer("incidents")), open: Int(try row.integer("open")),
                resolvedBySource: Int(try row.integer("resolved_by_source")), closedByHuman: Int(try row.integer("closed_by_human")),
                verdictAllow: Int(try row.integer("verdict_allow")), verdictReview: Int(try row.integer("verdict_review")),
                meanMinutesToResolution: try row["mean_resolution"].decode(Double?.self).map { $0 / 60_000 },
                lastSeen: Columns.date(try row.integer("last_seen"))
            )
        })
    }

    public func execution(idempotencyKey: String) async throws -> Execution? {
        try await rows("SELECT * FROM executions WHERE idempotency_key = \(idempotencyKey)").first.map(StoredRows.execution)
    }

    public func record(_ execution: Execution) async throws {
        try await write { connection in
            try await connection.run("""
                INSERT INTO executions (id, tenant_id, incident_id, idempotency_key, stage, step, role, executor, host, command,
                    status, exit_code, stdout, stderr, truncated, started_at, finished_at)
                VALUES (\(execution.id), \(execution.tenantID.rawValue), \(execution.incidentID), \(execution.idempotencyKey),
                    \(execution.stage.rawValue), \(execution.step), \(execution.role.rawValue), \(execution.executor), \(execution.host),
                    \(execution.command), \(execution.status.rawValue), \(execution.exitCode.map { Int64($0) }), \(execution.stdout),
                    \(execution.stderr), \(execution.truncated), \(Columns.milliseconds(execution.startedAt)),
                    \(execution.finishedAt.map(Columns.milliseconds)))
                ON CONFLICT (idempotency_key) DO UPDATE SET
                    status = excluded.status, exit_code = excluded.exit_code, stdout = excluded.stdout,
                    stderr = excluded.stderr, truncated = excluded.truncated, finished_at = excluded.finished_at,
                    command = excluded.command, executor = excluded.executor
                """, logger: self.logger)
        }
    }

    public func incidentCounts(tenantID: TenantID?) async throws -> [IncidentState: Int] {
        let rows: [PostgresRandomAccessRow]
        if let tenantID {
            rows = try await self.rows("SELECT state, COUNT(*) AS n FROM incidents WHERE tenant_id = \(tenantID.rawValue) GROUP BY state")
        } else {
            rows = try await self.rows("SELECT state, COUNT(*) AS n FROM incidents GROUP BY state")
        }
        var counts: [IncidentState: Int] = [:]
        for row in rows {
            if let state = IncidentState(rawValue: try row.text("state")) { counts[state] = Int(try row.integer("n")) }
        }
        return counts
    }
}
