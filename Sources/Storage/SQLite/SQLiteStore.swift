public import Foundation
import GRDB
public import RemediatorCore

/// The embedded store: one SQLite database in WAL mode holding alerts, incidents, the
/// job queue, approvals, executions, API keys and the audit chain.
///
/// Every write that belongs together is one transaction (an alert and its incident and
/// first job; a stage's result, its state change, its audit entry and the next job), and
/// commits are `synchronous = FULL`, so what the API acknowledged survives a crash or a
/// power cut. Readers never wait for the writer.
public final class SQLiteStore: Sendable {
    public struct Configuration: Sendable {
        /// The database file; its directory is created if needed.
        public var path: String
        /// Attempts before a job is dead-lettered, per stage.
        public var maxAttempts: [Stage: Int]
        /// How long a writer waits for the lock before reporting the store busy.
        public var busyTimeout: TimeInterval

        public init(path: String, maxAttempts: [Stage: Int] = [:], busyTimeout: TimeInterval = 10) {
            self.path = path
            self.maxAttempts = maxAttempts
            self.busyTimeout = busyTimeout
        }

        func attempts(for stage: Stage) -> Int {
            JobAttempts.limit(for: stage, configured: maxAttempts)
        }
    }

    let pool: DatabasePool
    let configuration: Configuration

    public init(configuration: Configuration) throws {
        self.configuration = configuration
        let directory = URL(fileURLWithPath: configuration.path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var options = GRDB.Configuration()
        options.busyMode = .timeout(configuration.busyTimeout)
        options.prepareDatabase { db in
            try db.execute(sql: "PRAGMA page_size = 1024")
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Checkpoint every ~32 MB of WAL instead of every 4 MB: pages that many commits
            // touch (index leaves, table tails) are copied to the database once, not 8 times.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 8192")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        do {
            pool = try DatabasePool(path: configuration.path, configuration: options)
            try SQLiteMigrations.migrator.migrate(pool)
        } catch let error as DatabaseError {
            throw Self.storeError(error)
        }
    }

    /// Runs a write transaction, translating SQLite failures into ``StoreError``s that
    /// say what is wrong (disk full, read-only) instead of leaking SQLite codes.
    func write<T: Sendable>(_ updates: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.write(updates)
        } catch let error as DatabaseError {
            throw Self.storeError(error)
        }
    }

    func read<T: Sendable>(_ query: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.read(query)
        } catch let error as DatabaseError {
            throw Self.storeError(error)
        }
    }

    static func storeError(_ error: DatabaseError) -> StoreError {
        switch error.resultCode {
        case .SQLITE_FULL:
            return .unavailable("the database disk is full; nothing was written")
        case .SQLITE_READONLY:
            return .unavailable("the database is read-only; nothing was written")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .unavailable("the database is busy; try again")
        case .SQLITE_IOERR, .SQLITE_CANTOPEN:
            return .unavailable("the database cannot be read or written: \(error.message ?? "I/O error")")
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return .unavailable("the database file is damaged: \(error.message ?? "corrupt")")
        case .SQLITE_CONSTRAINT:
            return .conflict(error.message ?? "a constraint was violated")
        default:
            return .unavailable("database error: \(error.message ?? String(describing: error.resultCode))")
        }
    }
}
