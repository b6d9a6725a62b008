import Foundation
import GRDB
import Logging
import PostgresNIO
import RemediatorCore
@testable import Storage
import Testing

/// The stores the contract suites run against: SQLite always, PostgreSQL when
/// `REMEDIATOR_TEST_DATABASE_URL` names a server (`scripts/test.sh` starts one).
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    static let postgresURL = ProcessInfo.processInfo.environment["REMEDIATOR_TEST_DATABASE_URL"]

    static var available: [StoreKind] {
        postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    var testDescription: String { rawValue }
}

/// A fresh, empty store of either kind for one test: SQLite in a temporary directory,
/// PostgreSQL as a new database on the test server; both removed when the test ends.
struct TestStore: Sendable {
    let kind: StoreKind
    let store: any Store
    /// Runs raw SQL (the same text works on both stores), for tests that tamper with rows.
    let execute: @Sendable (String) async throws -> Void
    let reopenStore: @Sendable (@Sendable (any Store) async throws -> Void) async throws -> Void

    /// Opens a second store on the same database and hands it to the closure.
    func reopen(_ body: @Sendable (any Store) async throws -> Void) async throws {
        try await reopenStore(body)
    }

    static func with(_ kind: StoreKind, maxAttempts: [Stage: Int] = [:], _ body: @Sendable (TestStore) async throws -> Void) async throws {
        switch kind {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("remediator-store-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            let path = directory.appendingPathComponent("db.sqlite").path
            let store = try SQLiteStore(configuration: .init(path: path, maxAttempts: maxAttempts))
            try await body(TestStore(
                kind: kind, store: store,
                execute: { sql in try await store.write { db in try db.execute(sql: sql) } },
                reopenStore: { use in try await use(try SQLiteStore(configuration: .init(path: path, maxAttempts: maxAttempts))) }
            ))
        case .postgres:
            try await withPostgresDatabase { database in
                // The contract tests are about what the store does, not how long a connection may
                // take on a loaded machine: a generous wait keeps twelve callers on four
                // connections from being told the store is unavailable.
                let configuration = PostgresStore.Configuration(
                    database: database, maxAttempts: maxAttempts, maximumConnections: 4, connectionWait: .seconds(60)
                )
                try await PostgresStore.withRunning(configuration, logger: logger) { store in
                    try await store.migrate()
                    try await body(TestStore(
                        kind: kind, store: store,
                        execute: { sql in try await store.write { connection in try await connection.run(PostgresQuery(unsafeSQL: sql), logger: logger) } },
                        reopenStore: { use in try await PostgresStore.withRunning(configuration, logger: logger) { try await use($0) } }
                    ))
                }
            }
        }
    }

    static let logger = Logger(label: "test.postgres")

    /// A new database on the test server for the closure, dropped afterwards.
    static func withPostgresDatabase(_ body: @Sendable (PostgresDatabaseURL) async throws -> Void) async throws {
        let server = try PostgresDatabaseURL(try #require(StoreKind.postgresURL, "REMEDIATOR_TEST_DATABASE_URL is not set"))
        let name = "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = PostgresStore.Configuration(database: server, maximumConnections: 1)
        try await PostgresStore.withRunning(admin, logger: logger) { store in
            try await store.read { try await $0.run(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger) }
        }
        do {
            try await body(server.with(database: name))
        } catch {
            try? await drop(name, server: admin)
            throw error
        }
        try await drop(name, server: admin)
    }

    private static func drop(_ name: String, server: PostgresStore.Configuration) async throws {
        try await PostgresStore.withRunning(server, logger: logger) { store in
            try await store.read { try await $0.run(PostgresQuery(unsafeSQL: "DROP DATABASE \(name) WITH (FORCE)"), logger: logger) }
        }
    }

    static func alert(
        _ status: AlertStatus = .firing, fingerprint: String = "fp-1", severity: Severity = .high, host: String = "web-1"
    ) -> NormalizedAlert {
        NormalizedAlert(
            source: "generic", status: status, severity: severity, alertName: "DiskFull", title: "Disk full on \(host)",
            host: host, fingerprint: fingerprint, labels: ["mountpoint": "/var"]
        )
    }

    @discardableResult
    func ingest(_ alerts: [NormalizedAlert], tenant: TenantID = .default, at date: Date = Date()) async throws -> [IngestedAlert] {
        try await store.ingest([IngestRequest(tenantID: tenant, alerts: alerts, receivedAt: date)])[0]
    }
}
