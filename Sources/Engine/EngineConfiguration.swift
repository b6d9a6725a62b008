public import RemediatorCore

/// How the pipeline runs. Built once from the server configuration and passed in.
public struct EngineConfiguration: Sendable {
    /// How plans get approved.
    public enum ApprovalMode: String, Sendable, Codable {
        /// A human approves every plan (the default).
        case human
        /// Plans whose every script the validator allows run without a human. `review`
        /// and `block` verdicts still stop. Meant for benchmarks and earned classes only.
        case autoAllow = "auto-allow"
    }

    /// This node's name in leases and audit entries.
    public var nodeID: String
    /// Concurrent stage runs on this node; 0 makes an ingest-only node whose jobs other
    /// nodes (or a later start) run.
    public var workers: Int
    /// Concurrent plan stages on this node, in a lane of their own (``WorkLane``): an LLM
    /// call takes seconds, and a slow or failing LLM must not hold the workers every other
    /// stage needs. 0 runs planning with the other stages.
    public var planWorkers: Int
    /// Concurrent execute and verify stages on this node, in a lane of their own: a step
    /// may run for minutes on a host. 0 runs them with the other stages.
    public var executionWorkers: Int
    /// How long a claimed job is leased; renewed while its stage runs.
    public var lease: Duration
    /// How often idle workers look for due jobs that no local signal announced.
    public var pollInterval: Duration
    /// First retry delay; doubles per attempt up to ``maximumBackoff``, with jitter.
    public var baseBackoff: Duration
    public var maximumBackoff: Duration
    /// Bytes of stdout and of stderr kept per step.
    public var maxOutputBytes: Int
    public var approvalMode: ApprovalMode
    /// Recent host incidents and alerts put in the context.
    public var historyLimit: Int
    /// Most requests committed in one ingest transaction.
    public var maxIngestBatch: Int
    /// How often a running step checks the kill switch (set on any node).
    public var pauseCheckInterval: Duration
    /// Most executions per host in a window; past it the incident escalates to a human.
    public var hostRateLimit: RateLimit
    /// Most executions per runbook in a window, across hosts.
    public var runbookRateLimit: RateLimit
    /// How long after a remediation the source's own "resolved" alert still counts as
    /// verification, when the plan's verification failed or the plan has none. Rollback
    /// waits this long for it; 0 rolls back at once.
    public var verifyWindow: Duration
    /// How often a verification waiting for the source looks again (a resolved alert also
    /// wakes it at once).
    public var verifyRecheckInterval: Duration
    /// Runbooks, host groups and tenants whose plans are made and shown but never run.
    public var shadow: ShadowMode

    public init(
        nodeID: String = "node-1",
        workers: Int = 4,
        planWorkers: Int = 16,
        executionWorkers: Int = 8,
        lease: Duration = .seconds(60),
        pollInterval: Duration = .milliseconds(500),
        baseBackoff: Duration = .seconds(1),
        maximumBackoff: Duration = .seconds(300),
        maxOutputBytes: Int = 256 * 1024,
        approvalMode: ApprovalMode = .human,
        historyLimit: Int = 10,
        maxIngestBatch: Int = 256,
        pauseCheckInterval: Duration = .seconds(1),
        hostRateLimit: RateLimit = RateLimit(maxRuns: 5, window: .seconds(3600)),
        runbookRateLimit: RateLimit = RateLimit(maxRuns: 100, window: .seconds(3600)),
        verifyWindow: Duration = .seconds(300),
        verifyRecheckInterval: Duration = .seconds(15),
        shadow: ShadowMode = .off
    ) {
        self.nodeID = nodeID
        self.workers = workers
        self.planWorkers = planWorkers
        self.executionWorkers = executionWorkers
        self.lease = lease
        self.pollInterval = pollInterval
        self.baseBackoff = baseBackoff
        self.maximumBackoff = maximumBackoff
        self.maxOutputBytes = maxOutputBytes
        self.approvalMode = approvalMode
        self.historyLimit = historyLimit
        self.maxIngestBatch = maxIngestBatch
        self.pauseCheckInterval = pauseCheckInterval
        self.hostRateLimit = hostRateLimit
        self.runbookRateLimit = runbookRateLimit
        self.verifyWindow = verifyWindow
        self.verifyRecheckInterval = verifyRecheckInterval
        self.shadow = shadow
    }

    /// The lanes this node's workers run.
    public var lanes: [WorkLane] {
        WorkLane.lanes(workers: workers, planWorkers: planWorkers, executionWorkers: executionWorkers)
    }
}
