public import Foundation
import PostgresNIO
public import RemediatorCore

extension PostgresStore: JobQueue {
    /// Like ``SQLiteStore``'s claim (expired leases of the lane first, then due jobs from
    /// the end of the pipeline backwards, oldest first), with `FOR UPDATE SKIP LOCKED`:
    /// nodes claiming at the same moment each get different jobs and never wait on each
    /// other's rows.
    public func claim(owner: String, limit: Int, stages: Set<Stage>, lease: Duration, at now: Date) async throws -> [ClaimedJob] {
        guard limit > 0, !stages.isEmpty else { return [] }
        let nowMilliseconds = Columns.milliseconds(now)
        let expires = Columns.milliseconds(now.addingTimeInterval(lease.timeInterval))
        let token = Identifier.make(at: now)
        let priority = Stage.allCases.reversed().filter(stages.contains)
        let stageNames = priority.map(\.rawValue)
        let claimed = try await transaction(at: now) { transaction in
            // Running jobs whose worker stopped renewing the lease; rare, and few rows are expired.
            var ids = try await transaction.rows("""
                SELECT id FROM jobs WHERE state = 'running' AND lease_expires_at <= \(nowMilliseconds) AND stage = ANY(\(stageNames))
                ORDER BY lease_expires_at LIMIT \(Int64(limit)) FOR UPDATE SKIP LOCKED
                """).map { try $0.text("id") }
            for stage in priority where ids.count < limit {
                ids += try await transaction.rows("""
                    SELECT id FROM jobs WHERE state = 'queued' AND stage = \(stage.rawValue) AND next_run_at <= \(nowMilliseconds)
                    ORDER BY next_run_at LIMIT \(Int64(limit - ids.count)) FOR UPDATE SKIP LOCKED
                    """).map { try $0.text("id") }
            }
            guard !ids.isEmpty else { return [(Job, StoredIncident)]() }
            let rows = try await transaction.rows("""
                UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_owner = \(owner), lease_token = \(token),
                    lease_expires_at = \(expires), updated_at = \(nowMilliseconds)
                WHERE id = ANY(\(ids))
                RETURNING *
                """)
            // In claim order (expired first, then by stage priority), as the ids were chosen.
            let order = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            let jobs = try rows.map(StoredRows.job).sorted { (order[$0.id] ?? 0) < (order[$1.id] ?? 0) }
            var claimed: [(Job, StoredIncident)] = []
            for var job in jobs {
                guard let stored = try await transaction.storedIncident(id: job.incidentID, details: job.stage.reads) else {
                    try await transaction.finish(job, state: .cancelled, error: "the incident no longer exists")
                    continue
                }
                if job.attempts > job.maxAttempts {
                    // Claimed more often than allowed: every earlier worker died holding it.
                    job.lastError = "gave up after \(job.maxAttempts) attempts; the last worker stopped without finishing"
                    try await transaction.deadLetter(job, incident: stored.incident)
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
        let renewed = try await write { connection in
            try await connection.rows("""
                UPDATE jobs SET lease_expires_at = \(expires), updated_at = \(Columns.milliseconds(now))
                WHERE id = \(job.id) AND state = 'running' AND lease_token = \(job.leaseToken)
                RETURNING id
                """, logger: self.logger).count
        }
        guard renewed == 1 else {
            throw StoreError.leaseLost("job \(job.id) (\(job.stage.rawValue)) is no longer leased by this worker")
        }
    }

    public func complete(_ job: Job, with outcome: StageOutcome, leasingNextFor lease: Duration?, at now: Date) async throws -> CompletionResult {
        // Encoded before the transaction, decoded after it.
        let context = try Columns.optionalJSON(outcome.context)
        let plan = try Columns.optionalJSON(outcome.plan)
        let safety = try Columns.optionalJSON(outcome.safety)
        let result: StoredCompletion = try await transaction(at: now) { transaction in
            let incident = try await transaction.requireLease(job)
            guard job.stage.runnableStates.contains(incident.state), IncidentLifecycle.allows(outcome.event, in: incident.state) else {
                try await transaction.finish(job, state: .cancelled, error: "obsolete: the incident is \(incident.state.rawValue)")
                return .obsolete(incident.state)
            }
            let next = try IncidentLifecycle.transition(from: incident.state, on: outcome.event)
            if context != nil || plan != nil || safety != nil {
                try await transaction.run("""
                    UPDATE incidents SET context = COALESCE(\(context), context), plan = COALESCE(\(plan), plan),
                        plan_hash = COALESCE(\(outcome.plan?.hash), plan_hash), safety = COALESCE(\(safety), safety)
                    WHERE id = \(incident.id)
                    """)
            }
            let actor = "worker:\(job.leaseOwner ?? "unknown")"
            if let approval = outcome.approval {
                try await transaction.insert(approval)
            }
            try await transaction.setState(of: incident, to: next, event: outcome.event, reason: outcome.reason, actor: actor)
            for entry in outcome.audit {
                transaction.appendAudit(entry)
            }
            transaction.appendAudit(AuditEntry(
                tenantID: incident.tenantID, actor: actor, action: "stage.completed", subject: "incident/\(incident.id)",
                details: ["stage": job.stage.rawValue, "job_id": job.id, "attempt": String(job.attempts)]
            ))
            try await transaction.finish(job, state: .done, error: nil)
            guard let stage = outcome.next else { return .applied(next, next: nil) }
            guard let lease, let owner = job.leaseOwner else {
                try await transaction.enqueue(stage, incidentID: incident.id, tenantID: incident.tenantID)
                return .applied(next, next: nil)
            }
            let leased = try await transaction.enqueueLeased(
                stage, incidentID: incident.id, tenantID: incident.tenantID, owner: owner,
                expires: now.addingTimeInterval(lease.timeInterval)
            )
            guard let updated = try await transaction.storedIncident(id: incident.id, details: stage.reads) else { return .applied(next, next: nil) }
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
        try await transaction(at: now) { transaction in
            let incident = try await transaction.requireLease(job)
            guard job.stage.runnableStates.contains(incident.state), IncidentLifecycle.allows(event, in: incident.state) else {
                return .obsolete(incident.state)
            }
            let next = try IncidentLifecycle.transition(from: incident.state, on: event)
            try await transaction.setState(of: incident, to: next, event: event, reason: reason, actor: "worker:\(job.leaseOwner ?? "unknown")")
            return .applied(next, next: nil)
        }
    }

    public func fail(_ job: Job, error message: String, retryAt: Date?, at now: Date) async throws {
        try await transaction(at: now) { transaction in
            let incident = try await transaction.requireLease(job)
            var failed = job
            failed.lastError = message
            if let retryAt, job.attempts < job.maxAttempts {
                try await transaction.run("""
                    UPDATE jobs SET state = 'queued', next_run_at = \(Columns.milliseconds(retryAt)), last_error = \(message),
                        lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL, updated_at = \(transaction.nowMilliseconds)
                    WHERE id = \(job.id)
                    """)
                transaction.appendAudit(AuditEntry(
                    tenantID: incident.tenantID, actor: "worker:\(job.leaseOwner ?? "unknown")", action: "stage.failed",
                    subject: "incident/\(incident.id)",
                    details: ["stage": job.stage.rawValue, "attempt": String(job.attempts), "error": String(message.prefix(500)), "retry_at": ISO8601DateFormatter().string(from: retryAt)]
                ))
            } else {
                try await transaction.deadLetter(failed, incident: incident)
            }
        }
    }

    public func abandon(_ job: Job, reason: String, at now: Date) async throws {
        try await transaction(at: now) { transaction in
            _ = try await transaction.requireLease(job)
            try await transaction.finish(job, state: .cancelled, error: reason)
        }
    }

    public func release(_ jobs: [Job], retryAt: Date, at now: Date) async throws {
        guard !jobs.isEmpty else { return }
        let nowMilliseconds = Columns.milliseconds(now)
        let due = Columns.milliseconds(retryAt)
        try await write { connection in
            for job in jobs {
                // Not counted as an attempt: the worker stopped on purpose.
                try await connection.run("""
                    UPDATE jobs SET state = 'queued', attempts = GREATEST(attempts - 1, 0), lease_owner = NULL, lease_token = NULL,
                        lease_expires_at = NULL, next_run_at = \(due), updated_at = \(nowMilliseconds)
                    WHERE id = \(job.id) AND state = 'running' AND lease_token = \(job.leaseToken)
                    """, logger: self.logger)
            }
        }
    }

    public func pendingJobCount() async throws -> Int {
        try await read { connection in
            let row = try await connection.firstRow("SELECT COUNT(*) AS n FROM jobs WHERE state IN ('queued', 'running')", logger: self.logger)
            return Int(try row?.integer("n") ?? 0)
        }
    }
}
