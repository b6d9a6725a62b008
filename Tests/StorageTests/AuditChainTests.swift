import Foundation
import RemediatorCore
import Storage
import Testing

@Suite("Store contract: audit chain")
struct AuditChainTests {
    func populate(_ test: TestStore) async throws {
        for index in 0..<3 {
            try await test.ingest([TestStore.alert(fingerprint: "fp-\(index)")])
        }
        try await test.store.append([AuditEntry(tenantID: .default, actor: "key:ops", action: "test.note", subject: "system", details: ["n": "1"])])
    }

    @Test("an untouched chain verifies", arguments: StoreKind.available)
    func verifies(kind: StoreKind) async throws {
        try await TestStore.with(kind) { test in
            try await populate(test)
            let result = try await test.store.verifyAuditChain()
            #expect(result == AuditVerification(valid: true, checked: 4))
            let events = try await test.store.auditEvents(tenantID: .default, subject: nil, after: 0, limit: 10)
            #expect(events.map(\.sequence) == [1, 2, 3, 4])
            #expect(events[0].previousHash == AuditChain.genesis)
            #expect(events[1].previousHash == events[0].hash)
        }
    }

    @Test("editing, deleting or re-linking an entry is reported at the first broken link", arguments: StoreKind.available, [
        ("UPDATE audit_events SET actor = 'someone-else' WHERE sequence = 2", Int64(2), "modified"),
        ("UPDATE audit_events SET details = '{\"n\":\"2\"}' WHERE sequence = 4", Int64(4), "modified"),
        ("DELETE FROM audit_events WHERE sequence = 3", Int64(3), "missing"),
        ("UPDATE audit_events SET previous_hash = hash WHERE sequence = 2", Int64(2), "link"),
        ("DELETE FROM audit_events WHERE sequence = 4", Int64(4), "removed from the end"),
    ])
    func tamper(kind: StoreKind, tampering: (sql: String, broken: Int64, reason: String)) async throws {
        let (sql, broken, reason) = tampering
        try await TestStore.with(kind) { test in
            try await populate(test)
            try await test.execute(sql)
            let result = try await test.store.verifyAuditChain()
            #expect(!result.valid)
            #expect(result.firstBrokenSequence == broken)
            #expect(result.reason?.contains(reason) == true, "\(result)")
        }
    }
}
