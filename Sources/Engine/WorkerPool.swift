public import Foundation
public import Logging
public import RemediatorCore
public import ServiceLifecycle

/// The workers that claim jobs and run stages on this node.
///
/// Each ``WorkLane`` has one dispatcher that claims due jobs of its stages, as many as the
/// lane has free slots, in one transaction, and runs each in a task of its own; a
/// completed stage hands the incident's next stage to the same task when it belongs to
/// the same lane, and otherwise queues it and wakes the other lanes.
///
/// On graceful shutdown the dispatchers stop claiming, the running stages finish (their
/// results commit as usual) and the pool returns; nothing is dropped, because anything not
/// finished is still a job row another node or the next start picks up.
public struct WorkerPool: Service, CustomStringConvertible {
    let store: any Store
    let runner: StageRunner
    let signal: WorkSignal
    let configuration: EngineConfiguration
    let logger: Logger
    let clock: @Sendable () -> Date

    /// Most jobs one claim transaction takes, so that it stays short.
    static let maximumClaimBatch = 64
    /// Longest pause between claims while the store fails: it is back when the database
    /// is, and the pipeline should resume with it, not minutes later.
    static let maximumStoreBackoff: Duration = .seconds(5)
    /// The stages that touch hosts, which the kill switch holds back.
    static let executionStages: Set<Stage> = [.execute, .verify]

    public init(store: any Store, runner: StageRunner, signal: WorkSignal, configuration: EngineConfiguration, logger: Logger, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.runner = runner
        self.signal = signal
        self.configuration = configuration
        self.logger = logger
        self.clock = clock
    }

    public var description: String { "WorkerPool(\(configuration.nodeID), lanes: \(configuration.lanes))" }

    public func run() async throws {
        let lanes = configuration.lanes.map { ($0, LaneSlots(capacity: $0.capacity)) }
        guard !lanes.isEmpty else {
            // An ingest-only node: nothing to run, but stay up until shutdown.
            try? await gracefulShutdown()
            return
        }
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                for (lane, slots) in lanes {
                    group.addTask { await dispatch(lane, slots: slots) }
                }
            }
        } onGracefulShutdown: {
            signal.notify()
            for (_, slots) in lanes { slots.freed.notify() }
        }
    }

    /// Claims the lane's jobs while it has free slots and runs each in a child task.
    private func dispatch(_ lane: WorkLane, slots: LaneSlots) async {
        let owner = "\(configuration.nodeID)/\(lane.name)"
        let retry = RetryPolicy(base: configuration.baseBackoff, maximum: configuration.maximumBackoff)
        let storeRetry = RetryPolicy(base: configuration.baseBackoff, maximum: min(configuration.maximumBackoff, Self.maximumStoreBackoff))
        var storeFailures = 0
        await withDiscardingTaskGroup { group in
            while !Task.isShuttingDownGracefully && !Task.isCancelled {
                let slotsSeen = slots.freed.generation
                let free = slots.free
                guard free > 0 else {
                    await slots.freed.wait(after: slotsSeen, timeout: configuration.pollInterval)
                    continue
                }
                let workSeen = signal.generation
                let claimed: [ClaimedJob]
                do {
                    var stages = lane.stages
                    if !stages.isDisjoint(with: Self.executionStages), try await store.executionPause() != nil {
                        // The kill switch is set: approved incidents wait for `resume`.
                        stages.subtract(Self.executionStages)
                    }
                    claimed = try await store.claim(
                        owner: owner, limit: min(free, Self.maximumClaimBatch), stages: stages, lease: configuration.lease, at: clock()
                    )
                    storeFailures = 0
                } catch {
                    storeFailures += 1
                    logger.error("claiming jobs failed", metadata: ["lane": "\(lane.name)", "error": "\(error)"])
                    // New work (an alert the store took: it is back) and shutdown end the pause.
                    await signal.wait(after: workSeen, timeout: storeRetry.delay(afterAttempt: storeFailures))
                    continue
                }
                slots.take(claimed.count)
                for job in claimed {
                    group.addTask {
                        await run(job, in: lane, retry: retry)
                        slots.give()
                    }
                }
                if claimed.count < min(free, Self.maximumClaimBatch) {
                    // Nothing more is due: wait for new work rather than ask again.
                    await signal.wait(after: workSeen, timeout: configuration.pollInterval)
                }
            }
        }
    }

    /// Runs the job and the incident's following stages that belong to the same lane.
    private func run(_ job: ClaimedJob, in lane: WorkLane, retry: RetryPolicy) async {
        var next: ClaimedJob? = job
        while let current = next, !Task.isShuttingDownGracefully {
            next = await process(current, in: lane, retry: retry)
        }
        if let unstarted = next {
            try? await store.release([unstarted.job], at: clock())
        }
    }

    /// Runs one job; returns the incident's next job when the worker should go on with it.
    private func process(_ claimed: ClaimedJob, in lane: WorkLane, retry: RetryPolicy) async -> ClaimedJob? {
        let job = claimed.job
        var logger = self.logger
        logger[metadataKey: "incident"] = "\(job.incidentID)"
        logger[metadataKey: "stage"] = "\(job.stage.rawValue)"
        logger[metadataKey: "attempt"] = "\(job.attempts)"
        do {
            let outcome = try await withLeaseRenewal(for: job) {
                try await runner.run(claimed)
            }
            guard let outcome else {
                try await store.abandon(job, reason: "the incident moved on while the stage ran", at: clock())
                logger.info("stage abandoned: the incident moved on")
                return nil
            }
            // The next stage stays with this task when it is the lane's; otherwise it is
            // queued for the lane that runs it.
            let keepsNext = outcome.next.map(lane.stages.contains) ?? false
            switch try await store.complete(job, with: outcome, leasingNextFor: keepsNext ? configuration.lease : nil, at: clock()) {
            case .applied(let state, let next):
                logger.debug("stage completed", metadata: ["state": "\(state.rawValue)"])
                if outcome.next != nil, !keepsNext { signal.notify() }
                return next
            case .obsolete(let state):
                logger.info("stage result discarded: the incident is \(state.rawValue)")
            }
        } catch let pending as VerificationPending {
            logger.info("verification pending", metadata: ["detail": "\(pending)"])
            do {
                try await store.release([job], retryAt: pending.until, at: clock())
            } catch {
                logger.error("postponing the verification failed", metadata: ["error": "\(error)"])
            }
        } catch let unavailable as IntegrationUnavailable {
            // Not this job's failure: it waits, uncounted, for the breaker's next trial.
            logger.info("stage postponed: \(unavailable)")
            try? await store.release([job], retryAt: clock().addingTimeInterval(unavailable.retryAfter.timeInterval + 1), at: clock())
        } catch let paused as ExecutionPaused {
            // Not a failure: the job waits, uncounted, until execution resumes.
            logger.notice("step not started: \(paused)")
            try? await store.release([job], at: clock())
        } catch is CancellationError where Task.isCancelled {
            // Stopped mid-stage, not failed: released uncounted (from a task of its own, which
            // the cancellation does not reach) so another node takes it at once; if the store
            // does not answer, the lease runs out instead.
            logger.notice("stage cancelled; the job is released")
            let (store, now) = (store, clock())
            try? await Task { try await store.release([job], at: now) }.value
        } catch let error as StoreError where error.code == .leaseLost {
            logger.warning("lost the lease; another worker owns the job now", metadata: ["error": "\(error.message)"])
        } catch {
            let retryAt = retry.retryDate(afterAttempt: job.attempts, now: clock())
            logger.error("stage failed", metadata: ["error": "\(error)", "retry_at": "\(retryAt)"])
            do {
                try await store.fail(job, error: "\(error)", retryAt: retryAt, at: clock())
            } catch {
                // The lease expires and the job is claimed again: nothing is lost.
                logger.error("recording the failure failed", metadata: ["error": "\(error)"])
            }
        }
        return nil
    }

    /// Runs `body` while renewing the job's lease at a third of its length.
    private func withLeaseRenewal<T: Sendable>(for job: Job, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                let interval = configuration.lease / 3
                while true {
                    try await Task.sleep(for: interval)
                    do {
                        try await store.renewLease(job, lease: configuration.lease, at: clock())
                    } catch let error as StoreError where error.code == .leaseLost {
                        throw error
                    } catch {
                        logger.warning("renewing a lease failed", metadata: ["error": "\(error)"])
                    }
                }
            }
            defer { group.cancelAll() }
            while let result = try await group.next() {
                if let value = result { return value }
            }
            throw CancellationError()
        }
    }
}
