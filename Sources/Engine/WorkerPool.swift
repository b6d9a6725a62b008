public import Foundation
public import Logging
public import RemediatorCore
public import ServiceLifecycle

/// The workers that claim jobs and run stages on this node.
///
/// On graceful shutdown the workers stop claiming, let the stages they are running
/// finish (their results commit as usual), and return; nothing is dropped, because
/// anything not finished is still a job row another node or the next start picks up.
public struct WorkerPool: Service, CustomStringConvertible {
    let store: any Store
    let runner: StageRunner
    let signal: WorkSignal
    let configuration: EngineConfiguration
    let logger: Logger
    let clock: @Sendable () -> Date

    public init(store: any Store, runner: StageRunner, signal: WorkSignal, configuration: EngineConfiguration, logger: Logger, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.runner = runner
        self.signal = signal
        self.configuration = configuration
        self.logger = logger
        self.clock = clock
    }

    public var description: String { "WorkerPool(\(configuration.nodeID), \(configuration.workers) workers)" }

    public func run() async throws {
        guard configuration.workers > 0 else {
            // An ingest-only node: nothing to run, but stay up until shutdown.
            try? await gracefulShutdown()
            return
        }
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                for index in 0..<configuration.workers {
                    group.addTask { await workerLoop(owner: "\(configuration.nodeID)/\(index)") }
                }
            }
        } onGracefulShutdown: {
            signal.notify()
        }
    }

    private func workerLoop(owner: String) async {
        let retry = RetryPolicy(base: configuration.baseBackoff, maximum: configuration.maximumBackoff)
        var storeFailures = 0
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let claimed: [ClaimedJob]
            do {
                claimed = try await store.claim(owner: owner, limit: 1, lease: configuration.lease, at: clock())
                storeFailures = 0
            } catch {
                storeFailures += 1
                logger.error("claiming jobs failed", metadata: ["worker": "\(owner)", "error": "\(error)"])
                try? await Task.sleep(for: retry.delay(afterAttempt: storeFailures))
                continue
            }
            guard !claimed.isEmpty else {
                await signal.wait(timeout: configuration.pollInterval)
                continue
            }
            for job in claimed {
                // A completed stage hands over the incident's next stage, already leased.
                var next: ClaimedJob? = job
                while let current = next, !Task.isShuttingDownGracefully {
                    next = await process(current, retry: retry)
                }
                if let unstarted = next {
                    try? await store.release([unstarted.job], at: clock())
                }
            }
        }
    }

    /// Runs one job; returns the incident's next job when the worker should go on with it.
    private func process(_ claimed: ClaimedJob, retry: RetryPolicy) async -> ClaimedJob? {
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
            switch try await store.complete(job, with: outcome, leasingNextFor: configuration.lease, at: clock()) {
            case .applied(let state, let next):
                logger.debug("stage completed", metadata: ["state": "\(state.rawValue)"])
                return next
            case .obsolete(let state):
                logger.info("stage result discarded: the incident is \(state.rawValue)")
            }
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
