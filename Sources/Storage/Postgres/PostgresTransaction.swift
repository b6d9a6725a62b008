import Foundation
import PostgresNIO
import RemediatorCore

/// The writes every PostgreSQL transaction shares: audit entries, state changes and job
/// inserts on one connection inside one `BEGIN … COMMIT`.
struct PostgresTransaction {
    let connection: PostgresConnection
    let configuration: PostgresStore.Configuration
    let logger: Logger
    /// The time recorded on what this transaction writes.
    var now: Date
    /// Audit entries recorded by this transaction, with their times, not yet chained.
    private var pendingAudit: [(entry: AuditEntry, at: Int64)] = []

    init(_ connection: PostgresConnection, store: PostgresStore, now: Date) {
        self.connection = connection
        self.configuration = store.configuration
        self.logger = store.logger
        self.now = now
    }

    var nowMilliseconds: Int64 { Columns.milliseconds(now) }

    func rows(_ query: PostgresQuery) async throws -> [PostgresRandomAccessRow] {
        try await connection.rows(query, logger: logger)
    }

    func firstRow(_ query: PostgresQuery) async throws -> PostgresRandomAccessRow? {
        try await connection.firstRow(query, logger: logger)
    }

    func run(_ query: PostgresQuery) async throws {
        try await connection.run(query, logger: logger)
    }

    // MARK: Audit

    /// Records an entry for the audit chain. Entries are chained and written when the
    /// transaction's work is done (``appendPendingAudit()``), so the chain's head is locked
    /// only for the last statements before `COMMIT`, not for the whole transaction.
    mutating func appendAudit(_ entry: AuditEntry) {
        pendingAudit.append((entry, nowMilliseconds))
    }

    /// Chains the recorded entries onto the head and writes them in one statement. The head
    /// row is the last lock every appending transaction takes, and nothing is locked after
    /// it: transactions queue on it briefly and it can never be part of a deadlock (those
    /// between other rows are retried by ``PostgresStore/write(_:)``).
    mutating func appendPendingAudit() async throws {
        guard !pendingAudit.isEmpty else { return }
        guard let row = try await firstRow("SELECT sequence, hash FROM audit_head WHERE id = 1 FOR UPDATE") else {
            throw StoreError.unavailable("the audit chain's head row is missing: the database was not created by Remediator")
        }
        var sequence = try row.integer("sequence")
        var previous = try row.text("hash")
        var columns = AuditColumns(capacity: pendingAudit.count)
        for (entry, at) in pendingAudit {
            sequence += 1
            let details = AuditChain.detailsJSON(entry.details)
            let hash = AuditChain.hash(
                sequence: sequence, tenantID: entry.tenantID.rawValue, atMilliseconds: at, actor: entry.actor,
                action: entry.action, subject: entry.subject, detailsJSON: details, previousHash: previous
            )
            columns.append(sequence: sequence, entry: entry, at: at, details: details, previousHash: previous, hash: hash)
            previous = hash
        }
        try await run("""
            WITH head AS (UPDATE audit_head SET sequence = \(sequence), hash = \(previous) WHERE id = 1)
            INSERT INTO audit_events (sequence, tenant_id, at, actor, action, subject, details, previous_hash, hash)
            SELECT * FROM unnest(\(columns.sequences)::bigint[], \(columns.tenants)::text[], \(columns.ats)::bigint[],
                \(columns.actors)::text[], \(columns.actions)::text[], \(columns.subjects)::text[], \(columns.details)::text[],
                \(columns.previousHashes)::text[], \(columns.hashes)::text[])
            """)
        pendingAudit.removeAll()
    }

    // MARK: Jobs

    func enqueue(_ stage: Stage, incidentID: String, tenantID: TenantID, runAt: Date? = nil) async throws {
        let attempts = Int64(configuration.attempts(for: stage))
        let due = Columns.milliseconds(runAt ?? now)
        try await run("""
            INSERT INTO jobs (id, tenant_id, incident_id, stage, state, attempts, max_attempts, next_run_at, created_at, updated_at)
            VALUES (\(Identifier.make(at: now)), \(tenantID.rawValue), \(incidentID), \(stage.rawValue), 'queued', 0, \(attempts), \(due), \(nowMilliseconds), \(nowMilliseconds))
            """)
    }

    /// Inserts a job already leased to `owner`, for a worker that goes straight on with it.
    func enqueueLeased(_ stage: Stage, incidentID: String, tenantID: TenantID, owner: String, expires: Date) async throws -> Job {
        let job = Job(
            id: Identifier.make(at: now), tenantID: tenantID, incidentID: incidentID, stage: stage, state: .running,
            attempts: 1, maxAttempts: configuration.attempts(for: stage), leaseOwner: owner,
            leaseToken: Identifier.make(at: now), leaseExpiresAt: expires, nextRunAt: now, createdAt: now, updatedAt: now
        )
        try await run("""
            INSERT INTO jobs (id, tenant_id, incident_id, stage, state, attempts, max_attempts, lease_owner, lease_token,
                lease_expires_at, next_run_at, created_at, updated_at)
            VALUES (\(job.id), \(tenantID.rawValue), \(incidentID), \(stage.rawValue), 'running', 1, \(Int64(job.maxAttempts)), \(owner),
                \(job.leaseToken), \(Columns.milliseconds(expires)), \(nowMilliseconds), \(nowMilliseconds), \(nowMilliseconds))
            """)
        return job
    }

    /// Cancels queued jobs of an incident (running ones find their incident moved on when they complete).
    func cancelQueuedJobs(incidentID: String, reason: String) async throws {
        try await run("""
            UPDATE jobs SET state = 'cancelled', last_error = \(reason), updated_at = \(nowMilliseconds)
            WHERE incident_id = \(incidentID) AND state = 'queued'
            """)
    }

    /// Ends a job: done, cancelled or dead.
    func finish(_ job: Job, state: Job.State, error: String?) async throws {
        try await run("""
            UPDATE jobs SET state = \(state.rawValue), last_error = COALESCE(\(error), last_error), lease_owner = NULL,
                lease_token = NULL, lease_expires_at = NULL, updated_at = \(nowMilliseconds)
            WHERE id = \(job.id)
            """)
    }

    /// Dead-letters a job that used its attempts, and its incident with it, unless the
    /// incident moved on without the job (then the job is merely obsolete).
    mutating func deadLetter(_ job: Job, incident: Incident) async throws {
        guard job.stage.runnableStates.contains(incident.state) else {
            try await finish(job, state: .cancelled, error: "obsolete: the incident is \(incident.state.rawValue)")
            return
        }
        try await finish(job, state: .dead, error: job.lastError)
        let reason = "stage \(job.stage.rawValue) failed \(job.attempts) times: \(job.lastError ?? "unknown error")"
        if IncidentLifecycle.allows(.deadLettered, in: incident.state) {
            try await setState(of: incident, to: .deadLetter, event: .deadLettered, reason: reason, actor: "worker:\(job.leaseOwner ?? "unknown")")
        }
    }

    /// The job's incident, locked, if this worker still holds the job's lease.
    func requireLease(_ job: Job) async throws -> Incident {
        let row = try await firstRow("SELECT lease_token FROM jobs WHERE id = \(job.id) AND state = 'running' FOR UPDATE")
        guard let token = try row?.optionalText("lease_token"), token == job.leaseToken else {
            throw StoreError.leaseLost("job \(job.id) (\(job.stage.rawValue)) is no longer leased by this worker")
        }
        guard let incident = try await incident(id: job.incidentID, details: [], locked: true) else {
            throw StoreError.notFound("incident \(job.incidentID) of job \(job.id) does not exist")
        }
        return incident
    }

    // MARK: Approvals

    func insert(_ approval: Approval) async throws {
        try await run("""
            INSERT INTO approvals (id, tenant_id, incident_id, plan_hash, decision, actor, comment, created_at)
            VALUES (\(approval.id), \(approval.tenantID.rawValue), \(approval.incidentID), \(approval.planHash),
                \(approval.decision.rawValue), \(approval.actor), \(approval.comment), \(Columns.milliseconds(approval.createdAt)))
            """)
    }

    // MARK: Incidents

    /// The incident with only the given details decoded; `locked` holds its row until the
    /// transaction ends (for a state change that depends on the state read).
    func incident(id: String, tenantID: TenantID? = nil, details: IncidentDetails = .all, locked: Bool = false) async throws -> Incident? {
        try await incidentRow(id: id, tenantID: tenantID, locked: locked).map { try StoredRows.incident($0, details: details) }
    }

    /// The incident with the given details left undecoded, for the caller to decode once
    /// the transaction is over.
    func storedIncident(id: String, details: IncidentDetails) async throws -> StoredIncident? {
        try await incidentRow(id: id, tenantID: nil, locked: false).map { try StoredIncident($0, details: details) }
    }

    private func incidentRow(id: String, tenantID: TenantID?, locked: Bool) async throws -> PostgresRandomAccessRow? {
        let lock = locked ? " FOR UPDATE" : ""
        if let tenantID {
            return try await firstRow("SELECT * FROM incidents WHERE id = \(id) AND tenant_id = \(tenantID.rawValue)\(unescaped: lock)")
        }
        return try await firstRow("SELECT * FROM incidents WHERE id = \(id)\(unescaped: lock)")
    }

    /// Moves an incident to `state` and records why, with the state-change audit entry.
    mutating func setState(
        of incident: Incident, to state: IncidentState, event: IncidentEvent, reason: String, actor: String
    ) async throws {
        let shadow: String? = state != incident.state && event == .shadowed ? reason : nil
        let outcome: String? = state != incident.state && event != .shadowed && incident.state == .shadow
            ? StateChangeRecord.shadowOutcome(after: event).rawValue : nil
        try await run("""
            UPDATE incidents SET state = \(state.rawValue), state_reason = \(reason), is_open = \(state.acceptsDuplicates),
                updated_at = \(nowMilliseconds),
                resolved_at = CASE WHEN \(state.rawValue) = 'resolved' THEN \(nowMilliseconds) ELSE resolved_at END,
                shadow = COALESCE(\(shadow), shadow), shadow_outcome = COALESCE(\(outcome), shadow_outcome)
            WHERE id = \(incident.id)
            """)
        guard state != incident.state else { return }
        appendAudit(StateChangeRecord.auditEntry(of: incident, to: state, event: event, reason: reason, actor: actor))
    }
}

/// Audit entries as one array per column, for a single `INSERT … SELECT unnest(…)`.
private struct AuditColumns {
    var sequences: [Int64] = []
    var tenants: [String] = []
    var ats: [Int64] = []
    var actors: [String] = []
    var actions: [String] = []
    var subjects: [String] = []
    var details: [String] = []
    var previousHashes: [String] = []
    var hashes: [String] = []

    init(capacity: Int) {
        sequences.reserveCapacity(capacity)
        hashes.reserveCapacity(capacity)
    }

    mutating func append(sequence: Int64, entry: AuditEntry, at: Int64, details: String, previousHash: String, hash: String) {
        sequences.append(sequence)
        tenants.append(entry.tenantID.rawValue)
        ats.append(at)
        actors.append(entry.actor)
        actions.append(entry.action)
        subjects.append(entry.subject)
        self.details.append(details)
        previousHashes.append(previousHash)
        hashes.append(hash)
    }
}
