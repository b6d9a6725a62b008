import Foundation
import RemediatorCore
import Storage
import Testing

@Suite("Store contract: ingest and deduplication")
struct IngestStoreTests {
    @Test("a firing alert opens an incident and enqueues enrichment in the same commit", arguments: StoreKind.available)
    func opens(kind: StoreKind) async throws {
        try await TestStore.with(kind) { test in
            let result = try await test.ingest([TestStore.alert()])
            #expect(result.count == 1)
            #expect(result[0].action == .opened)
            let incidentID = try #require(result[0].alert.incidentID)
            let incident = try #require(try await test.store.incident(id: incidentID, tenantID: .default))
            #expect(incident.state == .received)
            #expect(incident.host == "web-1")
            #expect(incident.alertCount == 1)
            let jobs = try await test.store.jobs(incidentID: incidentID, tenantID: .default)
            #expect(jobs.map(\.stage) == [.enrich])
            #expect(jobs.first?.state == .queued)
            let stored = try await test.store.alert(id: result[0].alert.id, tenantID: .default)
            #expect(stored?.content == TestStore.alert())
        }
    }

    @Test("the same fingerprint joins the open incident and raises its severity", arguments: StoreKind.available)
    func deduplicates(kind: StoreKind) async throws {
        try await TestStore.with(kind) { test in
            let first = try await test.ingest([TestStore.alert(severity: .medium)])
            let second = try await test.ingest([TestStore.alert(severity: .critical), TestStore.alert(severity: .low)])
            #expect(second.map(\.action) == [.joined, .joined])
            #expect(Set(second.map(\.alert.incidentID)) == [first[0].alert.incidentID])
            let incident = try #require(try await test.store.incident(id: first[0].alert.incidentID ?? "", tenantID: .default))
            #expect(incident.alertCount == 3)
            #expect(incident.severity == .critical)
            let page = try await test.store.incidents(tenantID: .default, state: nil, limit: 10, cursor: nil)
            #expect(page.incidents.count == 1)
        }
    }

    @Test("duplicates inside one batch join the incident the batch opened", arguments: StoreKind.available)
    func deduplicatesWithinBatch(kind: StoreKind) async throws {
        try await TestStore.with(kind) { test in
            let results = try await test.ingest([TestStore.alert(), TestStore.alert(), TestStore.alert(fingerprint: "other")])
            #expect(results.map(\.action) == [.opened, .joined, .opened])
            #expect(results[0].alert.incidentID == results[1].alert.incidentID)
            #expect(results[0].alert.incidentID != results[2].alert.incidentID)
        }
    }

    @Test("a resolved alert before execution resolves the incident and cancels queued work", arguments: StoreKind.available)
    func resolves(kind: StoreKind) async throws {
        try await TestStore.with(kind) { test in
            let opened = try await test.ingest([TestStore.alert()])
            let incidentID = try #require(opened[0].alert.incidentID)
            let resolved = try await test.ingest([TestStore.alert(.resolved)])
            #expect(resolved[0].action == .resolved)
            #expect(resolved[0].alert.incidentID == incidentID)
            let incident = try #require(try await test.store.incident(id: incidentID, tenantID: .default))
            #expect(incident.state == .resolved)
            #expect(incident.resolvedAt != nil)
            let jobs = try await test.store.jobs(incidentID: incidentID, tenantID: .default)
            #expect(jobs.map(\.stage) == [.enrich, .close])
            #expect(jobs.map(\.state) == [.cancelled, .queued])
            // The problem firing again is a new incident.
            let again = try await test.ingest([TestStore.alert()])
            #expect(again[0].action == .opened)
            #expect(again[0].alert.incidentID != incidentID)
        }
    }

    @Test("a resolved alert with no open incident is kept, attached to the last incident with its fingerprint", arguments: StoreKind.available)
    func unmatched(kind: StoreKind) async throws {
        try await TestStore.with(kind) { test in
            let lonely = try await test.ingest([TestStore.alert(.resolved, fingerprint: "never-fired")])
            #expect(lonely[0].action == .unmatched)
            #expect(lonely[0].alert.incidentID == nil)
            #expect(try await test.store.alert(id: lonely[0].alert.id, tenantID: .default) != nil)
        }
    }

    @Test("tenants never see each other's incidents, and dedup is per tenant", arguments: StoreKind.available)
    func tenancy(kind: StoreKind) async throws {
        try await TestStore.with(kind) { test in
            try await test.execute("INSERT INTO tenants (id, name, created_at) VALUES ('acme', 'Acme', 0)")
            let ours = try await test.ingest([TestStore.alert()], tenant: .default)
            let theirs = try await test.ingest([TestStore.alert()], tenant: TenantID("acme"))
            #expect(theirs[0].action == .opened)
            #expect(ours[0].alert.incidentID != theirs[0].alert.incidentID)
            let id = try #require(theirs[0].alert.incidentID)
            #expect(try await test.store.incident(id: id, tenantID: .default) == nil)
            #expect(try await test.store.alert(id: theirs[0].alert.id, tenantID: .default) == nil)
            #expect(try await test.store.incidents(tenantID: TenantID("acme"), state: nil, limit: 10, cursor: nil).incidents.map(\.id) == [id])
        }
    }

    @Test("pages are newest first and the cursor continues where the last page ended", arguments: StoreKind.available)
    func pagination(kind: StoreKind) async throws {
        try await TestStore.with(kind) { test in
            for index in 0..<5 {
                try await test.ingest([TestStore.alert(fingerprint: "fp-\(index)")], at: Date().addingTimeInterval(Double(index)))
            }
            let first = try await test.store.incidents(tenantID: .default, state: nil, limit: 2, cursor: nil)
            let second = try await test.store.incidents(tenantID: .default, state: nil, limit: 2, cursor: first.nextCursor)
            let third = try await test.store.incidents(tenantID: .default, state: nil, limit: 2, cursor: second.nextCursor)
            let all = first.incidents + second.incidents + third.incidents
            #expect(all.count == 5)
            #expect(Set(all.map(\.id)).count == 5)
            #expect(all.map(\.id) == all.map(\.id).sorted(by: >))
            #expect(third.nextCursor == nil)
            let received = try await test.store.incidents(tenantID: .default, state: .received, limit: 10, cursor: nil)
            #expect(received.incidents.count == 5)
            #expect(try await test.store.incidents(tenantID: .default, state: .closed, limit: 10, cursor: nil).incidents.isEmpty)
        }
    }

    @Test("labels with quotes, escapes, control characters and emoji survive storage exactly", arguments: StoreKind.available)
    func labelRoundTrip(kind: StoreKind) async throws {
        try await TestStore.with(kind) { test in
            var alert = TestStore.alert()
            alert.labels = ["quote": "a\"b", "slash": "c:\\d/e", "lines": "x\ny\r\tz", "control": "\u{01}\u{1F}", "emoji": "🔥 ünïcödé", "": "empty key"]
            alert.annotations = ["summary": "it's \"bad\""]
            let result = try await test.ingest([alert])
            let stored = try await test.store.alert(id: result[0].alert.id, tenantID: .default)
            #expect(stored?.content.labels == alert.labels)
            #expect(stored?.content.annotations == alert.annotations)
            let incident = try await test.store.incident(id: result[0].alert.incidentID ?? "", tenantID: .default)
            #expect(incident?.labels == alert.labels)
            #expect(try await test.store.verifyAuditChain().valid)
        }
    }

    @Test("what was committed is there after the store is reopened", arguments: StoreKind.available)
    func durable(kind: StoreKind) async throws {
        try await TestStore.with(kind) { test in
            let result = try await test.ingest([TestStore.alert()])
            try await test.reopen { reopened in
                let alert = try await reopened.alert(id: result[0].alert.id, tenantID: .default)
                #expect(alert != nil)
                #expect(try await reopened.pendingJobCount() == 1)
            }
        }
    }
}
