public import Foundation

/// One step run (or, with the dry-run executor, recorded as what would have run).
///
/// A row is written with status `started` before the step touches a host and updated
/// when it ends, so a crash in between is visible: a retried stage that finds a
/// `started` row does not run the step again blindly.
public struct Execution: Sendable, Equatable, Codable, Identifiable {
    public enum Status: String, Codable, Sendable {
        case started
        case succeeded
        case failed
        case timedOut = "timed_out"
        /// Recorded by the dry-run executor: nothing ran.
        case dryRun = "dry_run"
        /// The process died while the step was running; its outcome is unknown.
        case interrupted
    }

    public var id: String
    public var tenantID: TenantID
    public var incidentID: String
    /// `incident id/stage/step`: the same step of the same incident is never run twice.
    public var idempotencyKey: String
    public var stage: Stage
    public var step: String
    public var role: StepRole
    public var executor: String
    public var host: String
    /// The interpreter invocation, e.g. `bash -s`; the script itself is in the plan.
    public var command: String
    public var status: Status
    public var exitCode: Int32?
    public var stdout: String
    public var stderr: String
    /// True when output was cut at the configured bound.
    public var truncated: Bool
    public var startedAt: Date
    public var finishedAt: Date?

    public init(
        id: String, tenantID: TenantID, incidentID: String, idempotencyKey: String, stage: Stage,
        step: String, role: StepRole, executor: String, host: String, command: String,
        status: Status, exitCode: Int32? = nil, stdout: String = "", stderr: String = "",
        truncated: Bool = false, startedAt: Date, finishedAt: Date? = nil
    ) {
        self.id = id
        self.tenantID = tenantID
        self.incidentID = incidentID
        self.idempotencyKey = idempotencyKey
        self.stage = stage
        self.step = step
        self.role = role
        self.executor = executor
        self.host = host
        self.command = command
        self.status = status
        self.exitCode = exitCode
        self.stdout = stdout
        self.stderr = stderr
        self.truncated = truncated
        self.startedAt = startedAt
        self.finishedAt = finishedAt
    }

    /// Whether the step did what it should (a dry run counts: it is the configured behaviour).
    public var isSuccess: Bool {
        status == .succeeded || status == .dryRun
    }

    enum CodingKeys: String, CodingKey {
        case id, stage, step, role, executor, host, command, status, stdout, stderr, truncated
        case tenantID = "tenant_id"
        case incidentID = "incident_id"
        case idempotencyKey = "idempotency_key"
        case exitCode = "exit_code"
        case startedAt = "started_at"
        case finishedAt = "finished_at"
    }
}
