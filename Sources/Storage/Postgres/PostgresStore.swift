import Foundation
public import Logging
import PostgresNIO
import Synchronization
public import RemediatorCore
public import ServiceLifecycle

/// The shared store for several nodes: the same tables and semantics as ``SQLiteStore`` in
/// one PostgreSQL database, chosen by `REMEDIATOR_DATABASE_URL=postgres://...`.
///
/// Nodes coordinate only through the database: jobs are claimed with
/// `FOR UPDATE SKIP LOCKED` under leases that a live worker renews and another node takes
/// over when they expire; every write that belongs together is one transaction; the audit
/// chain's head row is locked last, just before `COMMIT`, by every transaction that appends
/// to it, so the chain stays one sequence without gaps and the head is held only briefly.
///
/// The store is a `Service`: its connection pool works while ``run()`` runs (the server
/// runs it in its service group; ``withRunning(_:logger:_:)`` runs it around a closure).
public final class PostgresStore: Service, Sendable {
    public struct Configuration: Sendable {
        /// Where the database is: host, port, credentials, database name and TLS mode.
        public var database: PostgresDatabaseURL
        /// Attempts before a job is dead-lettered, per stage.
        public var maxAttempts: [Stage: Int]
        /// Connections this node keeps at most.
        public var maximumConnections: Int
        /// How long an operation waits for a connection before the store reports itself
        /// unavailable: while PostgreSQL is down, ingest answers 503 at once instead of
        /// holding the webhook caller until its own timeout.
        public var connectionWait: Duration

        public init(
            database: PostgresDatabaseURL, maxAttempts: [Stage: Int] = [:], maximumConnections: Int = 16,
            connectionWait: Duration = .seconds(5)
        ) {
            self.database = database
            self.maxAttempts = maxAttempts
            self.maximumConnections = maximumConnections
            self.connectionWait = connectionWait
        }

        func attempts(for stage: Stage) -> Int {
            JobAttempts.limit(for: stage, configured: maxAttempts)
        }
    }

    let client: PostgresClient
    let configuration: Configuration
    let logger: Logger
    private let started = StartGate()

    public init(configuration: Configuration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        var clientConfiguration = configuration.database.clientConfiguration
        clientConfiguration.options.maximumConnections = max(1, configuration.maximumConnections)
        clientConfiguration.options.minimumConnections = 1
        clientConfiguration.options.connectTimeout = .seconds(5)
        client = PostgresClient(configuration: clientConfiguration, backgroundLogger: logger)
    }

    /// Runs the connection pool until cancelled or shut down gracefully.
    public func run() async throws {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.client.run() }
            // Queries wait for the pool to run (it warns about leases taken before); the
            // child task above starts at the next suspension point.
            await Task.yield()
            started.open()
        }
    }

    /// Runs `body` with a store whose pool runs for the duration: for set-up work before
    /// the service group starts (migrations, the first API key) and for tests.
    public static func withRunning<Result: Sendable>(
        _ configuration: Configuration, logger: Logger, _ body: @Sendable (PostgresStore) async throws -> Result
    ) async throws -> Result {
        let store = PostgresStore(configuration: configuration, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await store.run() }
            defer { group.cancelAll() }
            return try await body(store)
        }
    }

    /// Creates or upgrades the schema; several nodes starting at once take turns.
    public func migrate() async throws {
        try await write { connection in
            try await PostgresMigrations.apply(on: connection, logger: self.logger)
        }
    }

    // MARK: Transactions

    /// Runs `body` in one transaction. A deadlock or serialization failure (another node's
    /// transaction won) is retried a few times; other PostgreSQL failures become
    /// ``StoreError``s that say what is wrong; errors `body` throws itself pass unchanged.
    func write<Result: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> Result) async throws -> Result {
        await started.wait()
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try await withConnection { connection in
                    try await self.inTransaction(on: connection, body)
                }
            } catch {
                let failure = PostgresFailure(error)
                if failure.isRetryable && attempt < 5 {
                    try await Task.sleep(for: .milliseconds(5 * attempt))
                    continue
                }
                throw failure.storeError ?? failure.underlying
            }
        }
    }

    /// `BEGIN`, `body`, `COMMIT`; `ROLLBACK` when `body` fails, unless the connection is
    /// gone. (PostgresNIO's `withTransaction` always sends the `ROLLBACK`, and a statement
    /// written to a connection that has just closed is never answered: a worker whose
    /// transaction PostgreSQL ended by shutting down then waited forever.)
    private func inTransaction<Result: Sendable>(
        on connection: PostgresConnection, _ body: @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        try await connection.run("BEGIN", logger: logger)
        do {
            let result = try await body(connection)
            try await connection.run("COMMIT", logger: logger)
            return result
        } catch {
            // PostgreSQL rolls back by itself what a lost connection left open, and a failed
            // COMMIT has ended the transaction already.
            if !connection.isClosed, !PostgresFailure(error).lostConnection {
                try? await connection.run("ROLLBACK", logger: logger)
            }
            throw error
        }
    }

    /// Runs `body` in one transaction (as ``write(_:)``) with the writes every transaction
    /// shares, at `now`, and appends the audit entries it recorded to the chain at its end.
    func transaction<Result: Sendable>(
        at now: Date, _ body: @escaping @Sendable (inout PostgresTransaction) async throws -> Result
    ) async throws -> Result {
        try await write { connection in
            var transaction = PostgresTransaction(connection, store: self, now: now)
            let result = try await body(&transaction)
            try await transaction.appendPendingAudit()
            return result
        }
    }

    /// Runs `body` on a pooled connection outside a transaction (reads).
    func read<Result: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> Result) async throws -> Result {
        await started.wait()
        do {
            return try await withConnection(body)
        } catch {
            let failure = PostgresFailure(error)
            throw failure.storeError ?? failure.underlying
        }
    }

    /// Every row of a read-only query, outside a transaction.
    func rows(_ query: PostgresQuery) async throws -> [PostgresRandomAccessRow] {
        try await read { connection in try await connection.rows(query, logger: self.logger) }
    }

    /// Runs `body` on a pooled connection, giving up with ``StoreError/unavailable(_:)`` if
    /// none is handed out within ``Configuration/connectionWait`` (the pool keeps retrying a
    /// server that is down for a minute before it fails the waiting requests itself), or if
    /// the connection closes under a running `body` that does not fail by itself.
    ///
    /// PostgresNIO never answers a statement written to a connection that has just closed
    /// (PostgreSQL shutting down, a network cut): without the second check, a worker would
    /// wait for it forever and hold up shutdown. Otherwise a running `body` is never cut
    /// short. A lease request that lost the race is left to end when the pool answers it (a
    /// connection handed out then is given straight back); the caller does not wait for that.
    private func withConnection<Result: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> Result) async throws -> Result {
        let lease = LeaseState()
        let wait = configuration.connectionWait
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Result, any Error>) in
            let answer = ResumeOnce(continuation)
            let watchdog = Task {
                try await Task.sleep(for: wait)
                guard let connection = lease.connectionOrGiveUp() else {
                    answer.resume(with: .failure(StoreError.unavailable(
                        "no database connection within \(wait): PostgreSQL is unreachable or overloaded; nothing was written"
                    )))
                    return
                }
                while !connection.isClosed {
                    try await Task.sleep(for: .milliseconds(500))
                }
                // Time for the operation to fail by itself, as it does unless it lost the race.
                try await Task.sleep(for: .seconds(1))
                answer.resume(with: .failure(StoreError.unavailable(
                    "the connection to PostgreSQL closed during the operation; it may not have been committed"
                )))
            }
            Task {
                defer { watchdog.cancel() }
                do {
                    let result = try await self.client.withConnection { connection in
                        guard lease.markLeased(connection) else { throw CancellationError() }
                        return try await body(connection)
                    }
                    answer.resume(with: .success(result))
                } catch {
                    answer.resume(with: .failure(error))
                }
            }
        }
    }
}

/// Resumes a continuation once, whoever comes first.
private final class ResumeOnce<Value: Sendable>: Sendable {
    private let continuation: Mutex<CheckedContinuation<Value, any Error>?>

    init(_ continuation: CheckedContinuation<Value, any Error>) {
        self.continuation = Mutex(continuation)
    }

    func resume(with result: Result<Value, any Error>) {
        let waiting = continuation.withLock { current -> CheckedContinuation<Value, any Error>? in
            defer { current = nil }
            return current
        }
        waiting?.resume(with: result)
    }
}

/// Who won the race between a connection being handed out and the wait for it ending,
/// and the connection if it was handed out.
private final class LeaseState: Sendable {
    private let state = Mutex(State.waiting)

    private enum State {
        case waiting
        case leased(PostgresConnection)
        case gaveUp
    }

    /// True if the connection came first (the operation may run).
    func markLeased(_ connection: PostgresConnection) -> Bool {
        state.withLock { state in
            guard case .waiting = state else { return false }
            state = .leased(connection)
            return true
        }
    }

    /// The connection the operation runs on, or nil if none came and the wait is over (the
    /// operation will not run).
    func connectionOrGiveUp() -> PostgresConnection? {
        state.withLock { state in
            switch state {
            case .leased(let connection):
                return connection
            case .waiting, .gaveUp:
                state = .gaveUp
                return nil
            }
        }
    }
}
