public import Foundation

/// What a stage handler decided, applied by ``JobQueue/complete(_:with:at:)`` in one
/// transaction together with the job's completion and the next job.
public struct StageOutcome: Sendable, Equatable {
    public var event: IncidentEvent
    public var reason: String
    public var context: IncidentContext?
    public var plan: Plan?
    public var safety: PlanSafetyReport?
    /// An approval the stage granted by policy (auto mode), stored like a human's.
    public var approval: Approval?
    /// The stage to enqueue next, if the pipeline goes on by itself.
    public var next: Stage?
    /// Extra audit entries besides the state change, which is always recorded.
    public var audit: [AuditEntry]

    public init(
        event: IncidentEvent, reason: String = "", context: IncidentContext? = nil, plan: Plan? = nil,
        safety: PlanSafetyReport? = nil, approval: Approval? = nil, next: Stage? = nil, audit: [AuditEntry] = []
    ) {
        self.event = event
        self.reason = reason
        self.context = context
        self.plan = plan
        self.safety = safety
        self.approval = approval
        self.next = next
        self.audit = audit
    }
}

/// A claimed job together with its incident as it was at claim time, with the details its
/// stage reads (``Stage/reads``) and no others.
public struct ClaimedJob: Sendable, Equatable {
    public var job: Job
    public var incident: Incident

    public init(job: Job, incident: Incident) {
        self.job = job
        self.incident = incident
    }
}

/// How a completion attempt ended.
public enum CompletionResult: Sendable, Equatable {
    /// Applied; the incident is in the returned state. `next` is the following stage's
    /// job, already leased to the same worker, when the caller asked for it.
    case applied(IncidentState, next: ClaimedJob?)
    /// The incident moved on (resolved by the source, cancelled): the job was cancelled
    /// and nothing was applied.
    case obsolete(IncidentState)
}

/// The durable job queue.
///
/// Workers claim due jobs under a lease; a job whose lease expires (its worker died) is
/// claimable again. Completing a job checks the lease token, so a worker that lost its
/// lease can never complete a job another worker now owns: each stage completes once.
public protocol JobQueue: Sendable {
    /// Claims up to `limit` due jobs of the given stages for `owner`, leasing them until
    /// `now + lease`. Stages are claimed by separate lanes, so that stages waiting on a
    /// remote service (an LLM) never hold the workers the other stages need.
    func claim(owner: String, limit: Int, stages: Set<Stage>, lease: Duration, at now: Date) async throws -> [ClaimedJob]

    /// Extends the lease of a running job; throws ``StoreError/leaseLost`` when it was taken over.
    func renewLease(_ job: Job, lease: Duration, at now: Date) async throws

    /// Applies a stage's outcome, finishes the job and enqueues the next one, atomically.
    ///
    /// With `leasingNextFor`, the next job is created already leased to the same worker,
    /// so the worker goes on with the incident without another claim round trip.
    func complete(_ job: Job, with outcome: StageOutcome, leasingNextFor lease: Duration?, at now: Date) async throws -> CompletionResult

    /// Applies a transition in the middle of a stage (execution started) without
    /// finishing the job.
    func advance(_ job: Job, on event: IncidentEvent, reason: String, at now: Date) async throws -> CompletionResult

    /// Records a failed attempt: the job runs again at `retryAt`, or, when `retryAt` is
    /// `nil`, is dead and its incident goes to `dead_letter`.
    func fail(_ job: Job, error: String, retryAt: Date?, at now: Date) async throws

    /// Ends a job whose work no longer applies (its incident moved on while it ran).
    func abandon(_ job: Job, reason: String, at now: Date) async throws

    /// Gives back leased jobs without counting an attempt, due again at `retryAt`
    /// (graceful shutdown; a verification waiting for the source).
    func release(_ jobs: [Job], retryAt: Date, at now: Date) async throws

    /// Jobs that are queued or running, for back-pressure and metrics.
    func pendingJobCount() async throws -> Int
}

extension JobQueue {
    /// Claims up to `limit` due jobs of any stage.
    public func claim(owner: String, limit: Int, lease: Duration, at now: Date) async throws -> [ClaimedJob] {
        try await claim(owner: owner, limit: limit, stages: Set(Stage.allCases), lease: lease, at: now)
    }

    /// Gives back leased jobs without counting an attempt, due again at once.
    public func release(_ jobs: [Job], at now: Date) async throws {
        try await release(jobs, retryAt: now, at: now)
    }

    /// Completes a job; the next stage, if any, is queued for any worker.
    public func complete(_ job: Job, with outcome: StageOutcome, at now: Date) async throws -> CompletionResult {
        try await complete(job, with: outcome, leasingNextFor: nil, at: now)
    }
}

extension CompletionResult {
    /// The incident's state after the attempt.
    public var state: IncidentState {
        switch self {
        case .applied(let state, _), .obsolete(let state): state
        }
    }
}
