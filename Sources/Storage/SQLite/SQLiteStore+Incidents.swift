public import Foundation
import GRDB
public import RemediatorCore

extension SQLiteStore: IncidentStore {
    public func incident(id: String, tenantID: TenantID) async throws -> Incident? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM incidents WHERE id = ? AND tenant_id = ?", arguments: [id, tenantID.rawValue])
                .map { try StoredRows.incident($0) }
        }
    }

    public func incidents(tenantID: TenantID, state: IncidentState?, limit: Int, cursor: String?) async throws -> IncidentPage {
        let limit = min(max(limit, 1), 500)
        return try await read { db in
            var sql = "SELECT * FROM incidents WHERE tenant_id = ?"
            var arguments: StatementArguments = [tenantID.rawValue]
            if let state {
                sql += " AND state = ?"
                arguments += [state.rawValue]
            }
            if let cursor {
                sql += " AND id < ?"
                arguments += [cursor]
            }
            sql += " ORDER BY id DESC LIMIT ?"
            arguments += [limit + 1]
            let rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
            let incidents = try rows.prefix(limit).map { try StoredRows.incident($0, details: []) }
            return IncidentPage(incidents: incidents, nextCursor: rows.count > limit ? incidents.last?.id : nil)
        }
    }

    public func alert(id: String, tenantID: TenantID) async throws -> Alert? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM alerts WHERE id = ? AND tenant_id = ?", arguments: [id, tenantID.rawValue])
                .map(StoredRows.alert)
        }
    }

    public func alerts(incidentID: String, tenantID: TenantID, limit: Int) async throws -> [Alert] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM alerts WHERE incident_id = ? AND tenant_id = ? ORDER BY id DESC LIMIT ?",
                arguments: [incidentID, tenantID.rawValue, limit]
            ).map(StoredRows.alert)
        }
    }

    public func approvals(incidentID: String, tenantID: TenantID) async throws -> [Approval] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM approvals WHERE incident_id = ? AND tenant_id = ? ORDER BY created_at, id",
                arguments: [incidentID, tenantID.rawValue]
            ).map(StoredRows.approval)
        }
    }

    public func executions(incidentID: String, tenantID: TenantID) async throws -> [Execution] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM executions WHERE incident_id = ? AND tenant_id = ? ORDER BY started_at, id",
                arguments: [incidentID, tenantID.rawValue]
            ).map(StoredRows.execution)
        }
    }

    public func jobs(incidentID: String, tenantID: TenantID) async throws -> [Job] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM jobs WHERE incident_id = ? AND tenant_id = ? ORDER BY created_at, id",
                arguments: [incidentID, tenantID.rawValue]
            ).map(StoredRows.job)
        }
    }

    public func hostHistory(
        host: String, tenantID: TenantID, excluding incidentID: String, limit: Int
    ) async throws -> (incidents: [IncidentContext.HostIncident], alerts: [IncidentContext.HostAlert]) {
        guard !host.isEmpty else { return ([], []) }
        return try await read { db in
            let incidents = try Row.fetchAll(
                db, sql: "SELECT id, title, state, created_at FROM incidents WHERE tenant_id = ? AND host = ? AND id != ? ORDER BY id DESC LIMIT ?",
                arguments: [tenantID.rawValue, host, incidentID, limit]
            ).compactMap { row -> IncidentContext.HostIncident? in
                guard let state = IncidentState(rawValue: row["state"] as String) else { return nil }
                return IncidentContext.HostIncident(id: row["id"], title: row["title"], state: state, createdAt: Columns.date(row["created_at"] as Int64))
            }
            let alerts = try Row.fetchAll(
                db, sql: """
                    SELECT id, alert_name, status, severity, received_at FROM alerts
                    WHERE tenant_id = ? AND host = ? AND (incident_id IS NULL OR incident_id != ?) ORDER BY id DESC LIMIT ?
                    """,
                arguments: [tenantID.rawValue, host, incidentID, limit]
            ).compactMap { row -> IncidentContext.HostAlert? in
                guard let status = AlertStatus(rawValue: row["status"] as String), let severity = Severity(rawValue: row["severity"] as String) else { return nil }
                return IncidentContext.HostAlert(id: row["id"], alertName: row["alert_name"], status: status, severity: severity, receivedAt: Columns.date(row["received_at"] as Int64))
            }
            return (incidents, alerts)
        }
    }

    public func decide(incidentID: String, tenantID: TenantID, actor: String, decision: IncidentDecision, at now: Date) async throws -> Incident {
        let configuration = self.configuration
        return try await write { db in
            var transaction = SQLiteTransaction(db, configuration: configuration, now: now)
            guard let incident = try transaction.incident(id: incidentID, tenantID: tenantID) else {
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
                try transaction.insert(approval)
            }
            // Whatever was queued belonged to the state the incident is leaving.
            try transaction.cancelQueuedJobs(incidentID: incidentID, reason: "superseded: \(decision.event)")
            if decision.event == .retried(.enrich) {
                try db.execute(sql: "UPDATE incidents SET context = NULL, plan = NULL, plan_hash = NULL, safety = NULL WHERE id = ?", arguments: [incidentID])
            }
            try transaction.setState(of: incident, to: next, event: decision.event, reason: decision.reason, actor: actor)
            for entry in decision.audit {
                try transaction.appendAudit(entry)
            }
            if let stage = decision.enqueue {
                try transaction.enqueue(stage, incidentID: incidentID, tenantID: tenantID)
            }
            guard let updated = try transaction.incident(id: incidentID) else {
                throw StoreError.notFound("incident \(incidentID) does not exist")
            }
            return updated
        }
    }

    public func executionRuns(tenantID: TenantID, host: String?, runbookID: String?, since: Date, excluding incidentID: String) async throws -> Int {
        try await read { db in
            var sql = "SELECT COUNT(DISTINCT e.incident_id) FROM executions e"
            var arguments: StatementArguments = []
            if runbookID != nil { sql += " JOIN incidents i ON i.id = e.incident_id" }
            sql += " WHERE e.tenant_id = ? AND e.stage = 'execute' AND e.started_at >= ? AND e.incident_id != ?"
            arguments += [tenantID.rawValue, Columns.milliseconds(since), incidentID]
            if let host {
                sql += " AND e.host = ?"
                arguments += [host]
            }
            if let runbookID {
                sql += " AND json_extract(i.plan, '$.runbook_id') = ?"
                arguments += [runbookID]
            }
            return try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0
        }
    }

    public func shadowReport(tenantID: TenantID) async throws -> ShadowReport {
        try await read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT COALESCE(json_extract(plan, '$.runbook_id'), '-') AS runbook,
                    COUNT(*) AS incidents,
                    COUNT(CASE WHEN state = 'shadow' THEN 1 END) AS open,
                    COUNT(CASE WHEN shadow_outcome = 'resolved_by_source' THEN 1 END) AS resolved_by_source,
                    COUNT(CASE WHEN shadow_outcome = 'closed_by_human' THEN 1 END) AS closed_by_human,
                    COUNT(CASE WHEN json_extract(safety, '$.verdict') = 'allow' THEN 1 END) AS verdict_allow,
                    COUNT(CASE WHEN json_extract(safety, '$.verdict') = 'review' THEN 1 END) AS verdict_review,
                    AVG(CASE WHEN shadow_outcome = 'resolved_by_source' THEN resolved_at - created_at END) AS mean_resolution,
                    MAX(created_at) AS last_seen
                FROM incidents WHERE tenant_id = ? AND shadow IS NOT NULL
                GROUP BY runbook ORDER BY incidents DESC, runbook
                """, arguments: [tenantID.rawValue])
            return ShadowReport(runbooks: rows.map { row in
                ShadowReport.Runbook(
                    runbookID: row["runbook"], incidents: row["incidents"], open: row["open"], resolvedBySource: row["resolved_by_source"],
                    closedByHuman: row["closed_by_human"], verdictAllow: row["verdict_allow"], verdictReview: row["verdict_review"],
                    meanMinutesToResolution: (row["mean_resolution"] as Double?).map { $0 / 60_000 },
                    lastSeen: Columns.date(row["last_seen"] as Int64)
                )
            })
        }
    }

    public func execution(idempotencyKey: String) async throws -> Execution? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM executions WHERE idempotency_key = ?", arguments: [idempotencyKey])
                .map(StoredRows.execution)
        }
    }

    public func record(_ execution: Execution) async throws {
        try await write { db in
            try db.execute(sql: """
                INSERT INTO executions (id, tenant_id, incident_id, idempotency_key, stage, step, role, executor, host, command,
                    status, exit_code, stdout, stderr, truncated, started_at, finished_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (idempotency_key) DO UPDATE SET
                    status = excluded.status, exit_code = excluded.exit_code, stdout = excluded.stdout,
                    stderr = excluded.stderr, truncated = excluded.truncated, finished_at = excluded.finished_at,
                    command = excluded.command, executor = excluded.executor
                """, arguments: [
                    execution.id, execution.tenantID.rawValue, execution.incidentID, execution.idempotencyKey,
                    execution.stage.rawValue, execution.step, execution.role.rawValue, execution.executor, execution.host,
                    execution.command, execution.status.rawValue, execution.exitCode.map { Int64($0) }, execution.stdout,
                    execution.stderr, execution.truncated, Columns.milliseconds(execution.startedAt),
                    execution.finishedAt.map(Columns.milliseconds),
                ])
        }
    }

    public func incidentCounts(tenantID: TenantID?) async throws -> [IncidentState: Int] {
        try await read { db in
            let rows: [Row]
            if let tenantID {
                rows = try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM incidents WHERE tenant_id = ? GROUP BY state", arguments: [tenantID.rawValue])
            } else {
                rows = try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM incidents GROUP BY state")
            }
            var counts: [IncidentState: Int] = [:]
            for row in rows {
                if let state = IncidentState(rawValue: row["state"] as String) { counts[state] = row["n"] }
            }
            return counts
        }
    }
}
