import Foundation
import RemediatorCore
import Storage
import Testing

/// The rest of the store protocol, run against both stores like the other contract suites.
@Suite("Store contract: decisions, executions, secrets, keys, kill switch, concurrency")
struct StoreContractTests {
    struct Refused: Error, Equatable {}

    @Test("a decision is atomic: its precondition's own error passes through unchanged, an impossible transition is a conflict", arguments: StoreKind.available)
    func decisions(kind: StoreKind) async throws {
        try await TestStore.with(kind) { test in
            let id = try #require(try await test.ingest([TestStore.alert()])[0].alert.incidentID)
            await #expect(throws: Refused.self) {
                _ = try await test.store.decide(
                    incidentID: id, tenantID: .default, actor: "key:ops",
                    decision: IncidentDecision(event: .cancelled, reason: "no", precondition: { _ in throw Refused() }), at: Date()
                )
            }
            let untouched = try #require(try await test.store.incident(id: id, tenantID: .default))
            #expect(untouched.state == .received)
            #expect(try await test.store.jobs(incidentID: id, tenantID: .default).map(\.state) == [.queued])
            await #expect {
                _ = try await test.store.decide(incidentID: id, tenantID: .default, actor: "key:ops", decision: IncidentDecision(event: .approved, reason: ""), at: Date())
            } throws: { error in
                (error as? StoreError)?.code == .conflict
            }
            await #expect {
                _ = try await test.store.decide(incidentID: "nope", tenantID: .default, actor: "key:ops", decision: IncidentDecision(event: .cancelled, reason: ""), at: Date())
            } throws: { error in
                (error as? StoreError)?.code == .notFound
            }
            let note = AuditEntry(tenantID: .default, actor: "key:ops", action: "incident.commented", subject: "incident/\(id)", details: ["text": "handled by hand"])
            let cancelled = try await test.store.decide(
                incidentID: id, tenantID: .default, actor: "key:ops",
                decision: IncidentDecision(event: .cancelled, reason: "cancelled by ops", audit: [note]), at: Date()
            )
            #expect(cancelled.state == .closed)
            #expect(cancelled.stateReason == "cancelled by ops")
            #expect(try await test.store.jobs(incidentID: id, tenantID: .default).map(\.state) == [.cancelled])
            let actions = try await test.store.auditEvents(tenantID: .default, subject: "incident/\(id)", after: 0, limit: 10).map(\.action)
            #expect(actions == ["incident.opened", "incident.state_changed", "incident.commented"])
            #expect(try await test.store.incidentCounts(tenantID: .default) == [.closed: 1])
            #expect(try await test.store.verifyAuditChain().valid)
        }
    }

    @Test("an execution is recorded once per idempotency key and updated in place; rate limits count runs per host", arguments: StoreKind.available)
    func executions(kind: StoreKind) async throws {
        try await TestStore.with(kind) { test in
            let id = try #require(try await test.ingest([TestStore.alert()])[0].alert.incidentID)
            let started = Date()
            var execution = Execution(
                id: "exec-1", tenantID: .default, incidentID: id, idempotencyKey: "\(id)/execute/restart@web-1", stage: .execute,
                step: "restart", role: .remediate, executor: "ssh", host: "web-1", command: "systemctl restart app",
                status: .started, startedAt: started
            )
            try await test.store.record(execution)
            execution.status = .succeeded
            execution.exitCode = 0
            execution.stdout = "ok\n\\xff"
            execution.truncated = true
            execution.finishedAt = started.addingTimeInterval(2)
            try await test.store.record(execution)
            let stored = try #require(try await test.store.execution(idempotencyKey: execution.idempotencyKey))
            #expect(stored.status == .succeeded)
            #expect(stored.exitCode == 0)
            #expect(stored.stdout == "ok\n\\xff")
            #expect(stored.truncated)
            #expect(try await test.store.executions(incidentID: id, tenantID: .default).count == 1)
            let since = started.addingTimeInterval(-60)
            #expect(try await test.store.executionRuns(tenantID: .default, host: "web-1", runbookID: nil, since: since, excluding: "other") == 1)
            #expect(try await test.store.executionRuns(tenantID: .default, host: "web-2", runbookID: nil, since: since, excluding: "other") == 0)
            #expect(try await test.store.executionRuns(tenantID: .default, host: "web-1", runbookID: nil, since: since, excluding: id) == 0)
            #expect(try await test.store.execution(idempotencyKey: "missing") == nil)
        }
    }

    @Test("secrets are stored sealed, replaced in place, listed without values and deleted once, each change audited", arguments: StoreKind.available)
    func secrets(kind: StoreKind) async throws {
        try await TestStore.with(kind) { test in
            let created = Date(timeIntervalSince1970: 1_800_000_000)
            let sealed = Data((0...255).map { UInt8($0) })
            var secret = SealedSecret(tenantID: .default, name: "ssh/web", sealed: sealed, keyID: "k1", createdAt: created, updatedAt: created)
            let first = try await test.store.putSecret(secret, actor: "key:admin")
            #expect(first.createdAt == first.updatedAt)
            secret.sealed = Data([1, 2, 3])
            secret.keyID = "k2"
            secret.updatedAt = created.addingTimeInterval(60)
            let second = try await test.store.putSecret(secret, actor: "key:admin")
            #expect(second.createdAt == created)
            #expect(second.updatedAt == created.addingTimeInterval(60))
            #expect(try await test.store.sealedSecret(named: "ssh/web", tenantID: .default)?.sealed == Data([1, 2, 3]))
            #expect(try await test.store.sealedSecret(named: "ssh/web", tenantID: TenantID("other")) == nil)
            #expect(try await test.store.secrets(tenantID: .default).map(\.keyID) == ["k2"])
            #expect(try await test.store.deleteSecret(named: "ssh/web", tenantID: .default, actor: "key:admin", at: Date()))
            #expect(try await !test.store.deleteSecret(named: "ssh/web", tenantID: .default, actor: "key:admin", at: Date()))
            let actions = try await test.store.auditEvents(tenantID: .default, subject: "secret/ssh/web", after: 0, limit: 10).map(\.action)
            #expect(actions == ["secret.created", "secret.updated", "secret.deleted"])
        }
    }

    @Test("only the first bootstrap key is stored; keys are found by their hash", arguments: StoreKind.available)
    func apiKeys(kind: StoreKind) async throws {
        try await TestStore.with(kind) { test in
            #expect(try await !test.store.hasAPIKeys())
            let key = APIKey(id: "key-1", tenantID: .default, name: "bootstrap-admin", role: .admin, secretHash: "aa11", createdAt: Date())
            #expect(try await test.store.createFirstAPIKey(key))
            #expect(try await !test.store.createFirstAPIKey(APIKey(id: "key-2", tenantID: .default, name: "other", role: .admin, secretHash: "bb22", createdAt: Date())))
            try await test.store.createAPIKey(APIKey(id: "key-3", tenantID: .default, name: "viewer", role: .viewer, secretHash: "cc33", createdAt: Date()))
            #expect(try await test.store.hasAPIKeys())
            #expect(try await test.store.apiKey(secretHash: "aa11")?.role == .admin)
            #expect(try await test.store.apiKey(secretHash: "cc33")?.name == "viewer")
            #expect(try await test.store.apiKey(secretHash: "bb22") == nil)
            await #expect {
                try await test.store.createAPIKey(APIKey(id: "key-4", tenantID: .default, name: "dup", role: .viewer, secretHash: "cc33", createdAt: Date()))
            } throws: { error in
                (error as? StoreError)?.code == .conflict
            }
        }
    }

    @Test("the kill switch is set, read and cleared; clearing twice records one resume", arguments: StoreKind.available)
    func executionPause(kind: StoreKind) async throws {
        try await TestStore.with(kind) { test in
            #expect(try await test.store.executionPause() == nil)
            let pause = ExecutionPause(reason: "bad deploy", actor: "key:ops", since: Date(timeIntervalSince1970: 1_800_000_000))
            try await test.store.setExecutionPause(pause, actor: "key:ops", at: Date())
            #expect(try await test.store.executionPause() == pause)
            try await test.store.setExecutionPause(nil, actor: "key:ops", at: Date())
            try await test.store.setExecutionPause(nil, actor: "key:ops", at: Date())
            #expect(try await test.store.executionPause() == nil)
            let actions = try await test.store.auditEvents(tenantID: .default, subject: "execution", after: 0, limit: 10).map(\.action)
            #expect(actions == ["execution.paused", "execution.resumed"])
        }
    }

    @Test("a host's history lists its other incidents and alerts, newest first", arguments: StoreKind.available)
    func hostHistory(kind: StoreKind) async throws {
        try await TestStore.with(kind) { test in
            let first = try #require(try await test.ingest([TestStore.alert(fingerprint: "a")])[0].alert.incidentID)
            let second = try #require(try await test.ingest([TestStore.alert(fingerprint: "b")])[0].alert.incidentID)
            _ = try await test.ingest([TestStore.alert(fingerprint: "c", host: "db-1")])
            let history = try await test.store.hostHistory(host: "web-1", tenantID: .default, excluding: second, limit: 10)
            #expect(history.incidents.map(\.id) == [first])
            #expect(history.alerts.count == 1)
            #expect(try await test.store.hostHistory(host: "", tenantID: .default, excluding: second, limit: 10).incidents.isEmpty)
        }
    }

    @Test("workers claiming at the same moment never get the same job", arguments: StoreKind.available)
    func concurrentClaims(kind: StoreKind) async throws {
        try await TestStore.with(kind) { test in
            let alerts = (0..<60).map { TestStore.alert(fingerprint: "fp-\($0)", host: "web-\($0)") }
            _ = try await test.store.ingest([IngestRequest(tenantID: .default, alerts: alerts, receivedAt: Date())])
            let now = Date()
            let claims = try await withThrowingTaskGroup(of: [ClaimedJob].self) { group in
                for worker in 0..<8 {
                    group.addTask { try await test.store.claim(owner: "worker-\(worker)", limit: 10, lease: .seconds(30), at: now) }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            let ids = claims.map(\.job.id)
            #expect(ids.count == 60)
            #expect(Set(ids).count == 60)
            #expect(try await test.store.claim(owner: "late", limit: 10, lease: .seconds(30), at: now).isEmpty)
        }
    }

    @Test("the same fingerprint sent concurrently opens one incident that counts every alert", arguments: StoreKind.available)
    func concurrentDedup(kind: StoreKind) async throws {
        try await TestStore.with(kind) { test in
            let results = try await withThrowingTaskGroup(of: [IngestedAlert].self) { group in
                for _ in 0..<12 {
                    group.addTask { try await test.ingest([TestStore.alert()]) }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(results.filter { $0.action == .opened }.count == 1)
            #expect(Set(results.compactMap(\.alert.incidentID)).count == 1)
            let id = try #require(results.first?.alert.incidentID)
            #expect(try await test.store.incident(id: id, tenantID: .default)?.alertCount == 12)
            #expect(try await test.store.pendingJobCount() == 1)
            #expect(try await test.store.verifyAuditChain().valid)
        }
    }
}
