import Foundation
import GRDB
import RemediatorCore

/// The writes every transaction shares: audit entries, state changes and job inserts,
/// done inside one `pool.write` so they commit or fail together.
struct SQLiteTransaction {
    let db: Database
    let configuration: SQLiteStore.Configuration
    /// The time recorded on what this transaction writes.
    var now: Date
    private var auditHead: (sequence: Int64, hash: String)?

    init(_ db: Database, configuration: SQLiteStore.Configuration, now: Date) {
        self.db = db
        self.configuration = configuration
        self.now = now
    }

    var nowMilliseconds: Int64 { Columns.milliseconds(now) }

    // MARK: Audit

    mutating func appendAudit(_ entry: AuditEntry) throws {
        if auditHead == nil {
            let row = try Row.fetchOne(db, sql: "SELECT sequence, hash FROM audit_events ORDER BY sequence DESC LIMIT 1")
            auditHead = row.map { ($0["sequence"], $0["hash"]) } ?? (0, AuditChain.genesis)
        }
        guard let head = auditHead else { return }
        let sequence = head.sequence + 1
        let details = AuditChain.detailsJSON(entry.details)
        let hash = AuditChain.hash(
            sequence: sequence, tenantID: entry.tenantID.rawValue, atMilliseconds: nowMilliseconds, actor: entry.actor,
            action: entry.action, subject: entry.subject, detailsJSON: details, previousHash: head.hash
        )
        try db.cachedStatement(sql: """
            INSERT INTO audit_events (sequence, tenant_id, at, actor, action, subject, details, previous_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [sequence, entry.tenantID.rawValue, nowMilliseconds, entry.actor, entry.action, entry.subject, details, head.hash, hash])
        try db.cachedStatement(sql: "UPDATE audit_head SET sequence = ?, hash = ? WHERE id = 1").execute(arguments: [sequence, hash])
        auditHead = (sequence, hash)
    }

    // MARK: Jobs

    func enqueue(_ stage: Stage, incidentID: String, tenantID: TenantID, runAt: Date? = nil) throws {
        try db.cachedStatement(sql: """
            INSERT INTO jobs (id, tenant_id, incident_id, stage, state, attempts, max_attempts, next_run_at, created_at, updated_at)
            VALUES (?, ?, ?, ?, 'queued', 0, ?, ?, ?, ?)
            """).execute(arguments: [
                Identifier.make(at: now), tenantID.rawValue, incidentID, stage.rawValue,
                configuration.attempts(for: stage), Columns.milliseconds(runAt ?? now), nowMilliseconds, nowMilliseconds,
            ])
    }

    /// Inserts a job already leased to `owner`, for a worker that goes straight on with it.
    func enqueueLeased(_ stage: Stage, incidentID: String, tenantID: TenantID, owner: String, expires: Date) throws -> Job {
        let job = Job(
            id: Identifier.make(at: now), tenantID: tenantID, incidentID: incidentID, stage: stage, state: .running,
            attempts: 1, maxAttempts: configuration.attempts(for: stage), leaseOwner: owner,
            leaseToken: Identifier.make(at: now), leaseExpiresAt: expires, nextRunAt: now, createdAt: now, updatedAt: now
        )
        try db.cachedStatement(sql: """
            INSERT INTO jobs (id, tenant_id, incident_id, stage, state, attempts, max_attempts, lease_owner, lease_token,
                lease_expires_at, next_run_at, created_at, updated_at)
            VALUES (?, ?, ?, ?, 'running', 1, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                job.id, tenantID.rawValue, incidentID, stage.rawValue, job.maxAttempts, owner, job.leaseToken,
                Columns.milliseconds(expires), nowMilliseconds, nowMilliseconds, nowMilliseconds,
            ])
        return job
    }

    /// Cancels queued jobs of an incident (running ones find their incident moved on when they complete).
    func cancelQueuedJobs(incidentID: String, reason: String) throws {
        try db.cachedStatement(sql: """
            UPDATE jobs SET state = 'cancelled', last_error = ?, updated_at = ? WHERE incident_id = ? AND state = 'queued'
            """).execute(arguments: [reason, nowMilliseconds, incidentID])
    }

    // MARK: Approvals

    func insert(_ approval: Approval) throws {
        try db.cachedStatement(sql: """
            INSERT INTO approvals (id, tenant_id, incident_id, plan_hash, decision, actor, comment, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                approval.id, approval.tenantID.rawValue, approval.incidentID, approval.planHash, approval.decision.rawValue,
                approval.actor, approval.comment, Columns.milliseconds(approval.createdAt),
            ])
    }

    // MARK: Incidents

    /// The incident, with only the given details decoded (`[]` for callers that only
    /// check state).
    func incident(id: String, tenantID: TenantID? = nil, details: IncidentDetails = .all) throws -> Incident? {
        try incidentRow(id: id, tenantID: tenantID).map { try StoredRows.incident($0, details: details) }
    }

    /// The incident with the given details left undecoded, for the caller to decode once
    /// the transaction is over.
    func storedIncident(id: String, details: IncidentDetails) throws -> StoredIncident? {
        try incidentRow(id: id, tenantID: nil).map { try StoredIncident($0, details: details) }
    }

    private func incidentRow(id: String, tenantID: TenantID?) throws -> Row? {
        if let tenantID {
            return try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM incidents WHERE id = ? AND tenant_id = ?"), arguments: [id, tenantID.rawValue])
        }
        return try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM incidents WHERE id = ?"), arguments: [id])
    }

    /// Moves an incident to `state` and records why, with the state-change audit entry.
    mutating func setState(
        of incident: Incident, to state: IncidentState, event: IncidentEvent, reason: String, actor: String
    ) throws {
        let resolvedAt: Int64? = state == .resolved ? nowMilliseconds : Columns.milliseconds(incident.resolvedAt ?? now)
        try db.cachedStatement(sql: """
            UPDATE incidents SET state = ?, state_reason = ?, is_open = ?, updated_at = ?,
                resolved_at = CASE WHEN ? = 'resolved' THEN ? ELSE resolved_at END
            WHERE id = ?
            """).execute(arguments: [
                state.rawValue, reason, state.acceptsDuplicates ? 1 : 0, nowMilliseconds,
                state.rawValue, resolvedAt, incident.id,
            ])
        guard state != incident.state else { return }
        if event == .shadowed {
            try db.cachedStatement(sql: "UPDATE incidents SET shadow = ? WHERE id = ?").execute(arguments: [reason, incident.id])
        } else if incident.state == .shadow {
            let outcome = StateChangeRecord.shadowOutcome(after: event)
            try db.cachedStatement(sql: "UPDATE incidents SET shadow_outcome = ? WHERE id = ?").execute(arguments: [outcome.rawValue, incident.id])
        }
        try appendAudit(StateChangeRecord.auditEntry(of: incident, to: state, event: event, reason: reason, actor: actor))
    }
}
