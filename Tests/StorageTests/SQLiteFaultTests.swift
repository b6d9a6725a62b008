import Foundation
import GRDB
import RemediatorCore
@testable import Storage
import Testing

/// A full disk and a read-only database, produced inside SQLite itself (`max_page_count`,
/// `query_only` on the writer connection): the tests run as root in CI, where file
/// permissions would not stop a write.
@Suite("SQLite faults")
struct SQLiteFaultTests {
    @Test("a full disk: a clear 'disk is full' error, nothing half-written, everything committed intact, and writes resume once there is room")
    func diskFull() async throws {
        try await TestStore.with(.sqlite) { test in
            let store = try #require(test.store as? SQLiteStore)
            var committed: [IngestedAlert] = []
            for index in 0..<20 {
                committed += try await test.ingest([TestStore.alert(fingerprint: "fp-\(index)", host: "web-\(index)")])
            }
            // Cap the database at its current size: the next pages cannot be allocated.
            try await store.write { db in
                let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
                try db.execute(sql: "PRAGMA max_page_count = \(pages)")
            }
            var failure: StoreError?
            for index in 20..<2_000 where failure == nil {
                do {
                    let many = (0..<20).map { TestStore.alert(fingerprint: "fp-\(index)-\($0)", host: String(repeating: "h", count: 200)) }
                    committed += try await test.store.ingest([IngestRequest(tenantID: .default, alerts: many, receivedAt: Date())])[0]
                } catch let error as StoreError {
                    failure = error
                }
            }
            let error = try #require(failure, "the capped database never filled up")
            #expect(error.code == .unavailable)
            #expect(error.message.contains("disk is full"), "\(error)")

            // No corruption and nothing lost: every acknowledged alert is there, and the chain holds.
            let integrity = try await store.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }
            #expect(integrity == "ok")
            for ingested in committed.prefix(50) + committed.suffix(50) {
                #expect(try await test.store.alert(id: ingested.alert.id, tenantID: .default) != nil)
            }
            #expect(try await test.store.verifyAuditChain().valid)

            try await store.write { db in try db.execute(sql: "PRAGMA max_page_count = 1073741823") }
            let after = try await test.ingest([TestStore.alert(fingerprint: "after")])
            #expect(after[0].action == .opened)
        }
    }

    @Test("a read-only database: a clear error for every write, reads still served, writes resume when it is writable again")
    func readOnly() async throws {
        try await TestStore.with(.sqlite) { test in
            let store = try #require(test.store as? SQLiteStore)
            let first = try await test.ingest([TestStore.alert()])
            try await store.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA query_only = 1") }
            await #expect {
                try await test.ingest([TestStore.alert(fingerprint: "fp-2")])
            } throws: { error in
                (error as? StoreError)?.code == .unavailable && (error as? StoreError)?.message.contains("read-only") == true
            }
            await #expect {
                _ = try await test.store.claim(owner: "w", limit: 1, lease: .seconds(30), at: Date())
            } throws: { error in
                (error as? StoreError)?.message.contains("read-only") == true
            }
            #expect(try await test.store.alert(id: first[0].alert.id, tenantID: .default) != nil)
            #expect(try await test.store.pendingJobCount() == 1)
            try await store.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA query_only = 0") }
            #expect(try await test.ingest([TestStore.alert(fingerprint: "fp-2")])[0].action == .opened)
            #expect(try await test.store.verifyAuditChain().valid)
        }
    }
}
