public import Foundation
import GRDB
public import RemediatorCore

extension SQLiteStore: JobQueue {
    /// Claims the lane's expired leases first, then due jobs stage by stage from the end of
    /// the pipeline backwards, oldest first within a stage: under load, incidents already
    /// under way finish before new ones start, so latency stays bounded and the backlog
    /// waits at its first stage. Each lookup reads only the rows it returns (the due index
    /// is by stage and time), however long the backlog is.
    public func claim(owner: String, limit: Int, stages: Set<Stage>, lease: Duration, at now: Date) async throws -> [ClaimedJob] {
        guard limit > 0, !stages.isEmpty else { return [] }
        let configuration = self.configuration
        let nowMilliseconds = Columns.milliseconds(now)
        let expires = Columns.milliseconds(now.addingTimeInterval(lease.timeInterval))
        let token = Identifier.make(at: now)
        let priority = Stage.allCases.reversed().filter(stages.contains)
        let claimed = try await write { db in
            // Running jobs whose worker stopped renewing the lease; rare, and few rows are expired.
            var ids = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT id, stage FROM jobs WHERE state = 'running' AND lease_expires_at <= ? ORDER BY lease_expires_at
                """), arguments: [nowMilliseconds])
                .filter { Stage(rawValue: $0["stage"]).map(stages.contains) ?? false }
                .prefix(limit)
                .map { $0["id"] as String }
            for stage in priority where ids.count < limit {
                ids += try String.fetchAll(db.cachedStatement(sql: """
                    SELECT id FROM jobs WHERE state = 'queued' AND stage = ? AND next_run_at <= ? ORDER BY next_run_at LIMIT ?
                    """), arguments: [stage.rawValue, nowMilliseconds, limit - ids.count])
            }
            let lease = try db.cachedStatement(sql: """
                UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_owner = ?, lease_token = ?,
                    lease_expires_at = ?, updated_at = ?
                WHERE id = ?
                RETURNING *
                """)
            let rows = try ids.compactMap { id in
                try Row.fetchOne(lease, arguments: [owner, token, expires, nowMilliseconds, id])
            }
            var transaction = SQLiteTransaction(db, configuration: configuration, now: now)
            var claimed: [(Job, StoredIncident)] = []
            for row in rows {
                var job = try StoredRows.job(row)
                guard let stored = try transaction.storedIncident(id: job.incidentID, details: job.stage.reads) else {
                    try Self.finish(job, state: .cancelled, error: "the incident no longer exists", in: transaction)
                    continue
                }
                if job.attempts > job.maxAttempts {
                    // Claimed more often than allowed: every earlier worker died holding it.
                    job.lastError = "gave up after \(job.maxAttempts) attempts; the last worker stopped without finishing"
                    try Self.deadLetter(job, incident: stored.incident, in: &transaction)
                    continue
                }
                claimed.append((job, stored))
            }
            return claimed
        }
        return try claimed.map { job, stored in ClaimedJob(job: job, incident: try stored.decoded()) }
    }

    public func renewLease(_ job: Job, lease: Duration, at now: Date) async throws {
        let expires = Columns.milliseconds(now.addingTimeInterval(lease.timeInterval))
        let nowMilliseconds = Columns.milliseconds(now)
        try await write { db in
            try db.cachedStatement(sql: """
                UPDATE jobs SET lease_expires_at = ?, updated_at = ? WHERE id = ? AND state = 'running' AND lease_token = ?
                """).execute(arguments: [expires, nowMilliseconds, job.id, job.leaseToken])
            guard db.changesCount == 1 else {
                throw StoreError.leaseLost("job \(job.id) (\(job.stage.rawValue)) is no longer leased by this worker")
            }
        }
    }

    public func complete(_ job: Job, with outcome: StageOutcome, leasingNextFor lease: Duration?, at now: Date) async throws -> CompletionResult {
        let configuration = self.configuration
        // Encoded before the transaction, decoded after it: the writer only writes.
        let context = try Columns.optionalJSON(outcome.context)
        let plan = try Columns.optionalJSON(outcome.plan)
        let safety = try Columns.optionalJSON(outcome.safety)
        let result: StoredCompletion = try await write { db in
            var transaction = SQLiteTransaction(db, configuration: configuration, now: now)
            let incident = try Self.requireLease(job, in: transaction)
            guard job.stage.runnableStates.contains(incident.state), IncidentLifecycle.allows(outcome.event, in: incident.state) else {
                try Self.finish(job, state: .cancelled, error: "obsolete: the incident is \(incident.state.rawValue)", in: transaction)
                return .obsolete(incident.state)
            }
            let next = try IncidentLifecycle.transition(from: incident.state, on: outcome.event)
            if context != nil || plan != nil || safety != nil {
                try db.cachedStatement(sql: """
                    UPDATE incidents SET context = COALESCE(?, context), plan = COALESCE(?, plan),
                        plan_hash = COALESCE(?, plan_hash), safety = COALESCE(?, safety)
                    WHERE id = ?
                    """).execute(arguments: [context, plan, outcome.plan?.hash, safety, incident.id])
            }
            let actor = "worker:\(job.leaseOwner ?? "unknown")"
            if let approval = outcome.approval {
                try transaction.insert(approval)
            }
            try transaction.setState(of: incident, to: next, event: outcome.event, reason: outcome.reason, actor: actor)
            for entry in outcome.audit {
                try transaction.appendAudit(entry)
            }
            try transaction.appendAudit(AuditEntry(
                tenantID: incident.tenantID, actor: actor, action: "stage.completed", subject: "incident/\(incident.id)",
                details: ["stage": job.stage.rawValue, "job_id": job.id, "attempt": String(job.attempts)]
            ))
            try Self.finish(job, state: .done, error: nil, in: transaction)
            guard let stage = outcome.next else { return .applied(next, next: nil) }
            guard let lease, let owner = job.leaseOwner else {
                try transaction.enqueue(stage, incidentID: incident.id, tenantID: incident.tenantID)
                return .applied(next, next: nil)
            }
            let leased = try transaction.enqueueLeased(
                stage, incidentID: incident.id, tenantID: incident.tenantID, owner: owner,
                expires: now.addingTimeInterval(lease.timeInterval)
            )
            guard let updated = try transaction.storedIncident(id: incident.id, details: stage.reads) else { return .applied(next, next: nil) }
            return .applied(next, next: (leased, updated))
        }
        switch result {
        case .obsolete(let state):
            return .obsolete(state)
        case .applied(let state, let next):
            return .applied(state, next: try next.map { job, stored in ClaimedJob(job: job, incident: try stored.decoded()) })
        }
    }

    /// A completion as the transaction returns it, the next job's incident not yet decoded.
    private enum StoredCompletion: Sendable {
        case applied(IncidentState, next: (Job, StoredIncident)?)
        case obsolete(IncidentState)
    }

    public func advance(_ job: Job, on event: IncidentEvent, reason: String, at now: Date) async throws -> CompletionResult {
        let configuration = self.configuration
        return try await write { db in
            var transaction = SQLiteTransaction(db, configuration: configuration, now: now)
            let incident = try Self.requireLease(job, in: transaction)
            guard job.stage.runnableStates.contains(incident.state), IncidentLifecycle.allows(event, in: incident.state) else {
                return .obsolete(incident.state)
            }
            let next = try IncidentLifecycle.transition(from: incident.state, on: event)
            try transaction.setState(of: incident, to: next, event: event, reason: reason, actor: "worker:\(job.leaseOwner ?? "unknown")")
            return .applied(next, next: nil)
        }
    }

    public func fail(_ job: Job, error message: String, retryAt: Date?, at now: Date) async throws {
        let configuration = self.configuration
        try await write { db in
            var transaction = SQLiteTransaction(db, configuration: configuration, now: now)
            let incident = try Self.requireLease(job, in: transaction)
            var failed = job
            failed.lastError = message
            if let retryAt, job.attempts < job.maxAttempts {
                try db.cachedStatement(sql: """
                    UPDATE jobs SET state = 'queued', next_run_at = ?, last_error = ?, lease_owner = NULL, lease_token = NULL,
                        lease_expires_at = NULL, updated_at = ? WHERE id = ?
                    """).execute(arguments: [Columns.milliseconds(retryAt), message, transaction.nowMilliseconds, job.id])
                try transaction.appendAudit(AuditEntry(
                    tenantID: incident.tenantID, actor: "worker:\(job.leaseOwner ?? "unknown")", action: "stage.failed",
                    subject: "incident/\(incident.id)",
                    details: ["stage": job.stage.rawValue, "attempt": String(job.attempts), "error": String(message.prefix(500)), "retry_at": ISO8601DateFormatter().string(from: retryAt)]
                ))
            } else {
                try Self.deadLetter(failed, incident: incident, in: &transaction)
            }
        }
    }

    public func abandon(_ job: Job, reason: String, at now: Date) async throws {
        let configuration = self.configuration
        try await write { db in
            let transaction = SQLiteTransaction(db, configuration: configuration, now: now)
            _ = try Self.requireLease(job, in: transaction)
            try Self.finish(job, state: .cancelled, error: reason, in: transaction)
        }
    }

    public func release(_ jobs: [Job], retryAt: Date, at now: Date) async throws {
        guard !jobs.isEmpty else { return }
        let nowMilliseconds = Columns.milliseconds(now)
        let due = Columns.milliseconds(retryAt)
        try await write { db in
            for job in jobs {
                // Not counted as an attempt: the worker stopped on purpose.
                try db.cachedStatement(sql: """
                    UPDATE jobs SET state = 'queued', attempts = MAX(attempts - 1, 0), lease_owner = NULL, lease_token = NULL,
                        lease_expires_at = NULL, next_run_at = ?, updated_at = ?
                    WHERE id = ? AND state = 'running' AND lease_token = ?
                    """).execute(arguments: [due, nowMilliseconds, job.id, job.leaseToken])
            }
        }
    }

    public func pendingJobCount() async throws -> Int {
        try await read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM jobs WHERE state IN ('queued', 'running')") ?? 0
        }
    }

    // MARK: - Helpers

    /// The job's incident, if this worker still holds the job's lease.
    static func requireLease(_ job: Job, in transaction: SQLiteTransaction) throws -> Incident {
        let token = try String.fetchOne(
            transaction.db.cachedStatement(sql: "SELECT lease_token FROM jobs WHERE id = ? AND state = 'running'"),
            arguments: [job.id]
        )
        guard let token, token == job.leaseToken else {
            throw StoreError.leaseLost("job \(job.id) (\(job.stage.rawValue)) is no longer leased by this worker")
        }
        guard let incident = try transaction.incident(id: job.incidentID, details: []) else {
            throw StoreError.notFound("incident \(job.incidentID) of job \(job.id) does not exist")
        }
        return incident
    }

    static func finish(_ job: Job, state: Job.State, error: String?, in transaction: SQLiteTransaction) throws {
        try transaction.db.cachedStatement(sql: """
            UPDATE jobs SET state = ?, last_error = COALESCE(?, last_error), lease_owner = NULL, lease_token = NULL,
                lease_expires_at = NULL, updated_at = ? WHERE id = ?
            """).execute(arguments: [state.rawValue, error, transaction.nowMilliseconds, job.id])
    }

    static func deadLetter(_ job: Job, incident: Incident, in transaction: inout SQLiteTransaction) throws {
        guard job.stage.runnableStates.contains(incident.state) else {
            // The incident moved on without this job: it is obsolete, not dead.
            try finish(job, state: .cancelled, error: "obsolete: the incident is \(incident.state.rawValue)", in: transaction)
            return
        }
        try finish(job, state: .dead, error: job.lastError, in: transaction)
        let reason = "stage \(job.stage.rawValue) failed \(job.attempts) times: \(job.lastError ?? "unknown error")"
        if IncidentLifecycle.allows(.deadLettered, in: incident.state) {
            try transaction.setState(of: incident, to: .deadLetter, event: .deadLettered, reason: reason, actor: "worker:\(job.leaseOwner ?? "unknown")")
        }
    }
}
