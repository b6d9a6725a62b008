import Foundation
import RemediatorCore
import Storage
import Testing

@Suite("Store contract: job queue")
struct JobQueueTests {
    func openIncident(_ test: TestStore) async throws -> String {
        try #require(try await test.ingest([TestStore.alert()])[0].alert.incidentID)
    }

    @Test("a claimed job is leased to one worker only", arguments: StoreKind.available)
    func exclusiveClaim(kind: StoreKind) async throws {
        try await TestStore.with(kind) { test in
            _ = try await openIncident(test)
            let now = Date()
            let first = try await test.store.claim(owner: "a", limit: 10, lease: .seconds(30), at: now)
            let second = try await test.store.claim(owner: "b", limit: 10, lease: .seconds(30), at: now)
            #expect(first.count == 1)
            #expect(first[0].job.stage == .enrich)
            #expect(first[0].job.attempts == 1)
            #expect(first[0].job.leaseOwner == "a")
            #expect(first[0].incident.state == .received)
            #expect(second.isEmpty)
        }
    }

    @Test("a lane claims only its own stages, including expired leases of them", arguments: StoreKind.available)
    func claimByStage(kind: StoreKind) async throws {
        try await TestStore.with(kind) { test in
            let planned = try await openIncident(test)
            let enrich = try await test.store.claim(owner: "a", limit: 1, lease: .seconds(30), at: Date())[0]
            _ = try await test.store.complete(enrich.job, with: StageOutcome(event: .enriched, next: .plan), at: Date())
            _ = try await test.ingest([TestStore.alert(fingerprint: "fp-2", host: "web-2")])
            let now = Date()
            // Due now: a plan job for the first incident, an enrich job for the second.
            #expect(try await test.store.claim(owner: "x", limit: 10, stages: [.validate, .gate], lease: .seconds(30), at: now).isEmpty)
            let plans = try await test.store.claim(owner: "planner", limit: 10, stages: [.plan], lease: .seconds(30), at: now)
            #expect(plans.map(\.job.stage) == [.plan])
            #expect(plans.map(\.incident.id) == [planned])
            let rest = try await test.store.claim(owner: "stages", limit: 10, stages: Set(Stage.allCases).subtracting([.plan]), lease: .seconds(30), at: now)
            #expect(rest.map(\.job.stage) == [.enrich])
            // The plan job's worker stops renewing: only the plan lane takes it over.
            let later = now.addingTimeInterval(31)
            #expect(try await test.store.claim(owner: "stages", limit: 10, stages: [.enrich], lease: .seconds(30), at: later).map(\.job.stage) == [.enrich])
            let takenOver = try await test.store.claim(owner: "planner-2", limit: 10, stages: [.plan], lease: .seconds(30), at: later)
            #expect(takenOver.map(\.job.id) == plans.map(\.job.id))
            #expect(takenOver.first?.job.attempts == 2)
        }
    }

    @Test("under load, incidents already under way are claimed before new ones start", arguments: StoreKind.available)
    func laterStagesFirst(kind: StoreKind) async throws {
        try await TestStore.with(kind) { test in
            let waiting = try await openIncident(test)
            let started = try #require(try await test.ingest([TestStore.alert(fingerprint: "fp-2", host: "web-2")])[0].alert.incidentID)
            let claimed = try await test.store.claim(owner: "a", limit: 10, lease: .seconds(30), at: Date())
            let enrich = try #require(claimed.first { $0.incident.id == started })
            try await test.store.release(claimed.filter { $0.incident.id == waiting }.map(\.job), at: Date())
            _ = try await test.store.complete(enrich.job, with: StageOutcome(event: .enriched, next: .plan), at: Date())
            // The first incident's enrich job was due before the second one's plan job.
            let now = Date()
            let first = try await test.store.claim(owner: "b", limit: 1, lease: .seconds(30), at: now)
            #expect(first.map(\.incident.id) == [started])
            #expect(first.map(\.job.stage) == [.plan])
            let second = try await test.store.claim(owner: "b", limit: 1, lease: .seconds(30), at: now)
            #expect(second.map(\.incident.id) == [waiting])
        }
    }

    @Test("completing applies the transition, records the result and enqueues the next stage atomically", arguments: StoreKind.available)
    func complete(kind: StoreKind) async throws {
        try await TestStore.with(kind) { test in
            let incidentID = try await openIncident(test)
            let claimed = try await test.store.claim(owner: "a", limit: 1, lease: .seconds(30), at: Date())[0]
            let context = IncidentContext(runbooks: [], hostIncidents: [], hostAlerts: [])
            let result = try await test.store.complete(claimed.job, with: StageOutcome(event: .enriched, context: context, next: .plan), at: Date())
            #expect(result == .applied(.enriched, next: nil))
            let incident = try #require(try await test.store.incident(id: incidentID, tenantID: .default))
            #expect(incident.state == .enriched)
            #expect(incident.context == context)
            let jobs = try await test.store.jobs(incidentID: incidentID, tenantID: .default)
            #expect(jobs.map(\.stage) == [.enrich, .plan])
            #expect(jobs.map(\.state) == [.done, .queued])
            // A second completion of the same claim is refused: each stage completes once.
            await #expect(throws: StoreError.self) {
                _ = try await test.store.complete(claimed.job, with: StageOutcome(event: .enriched, next: .plan), at: Date())
            }
        }
    }

    @Test("completing can hand the next stage straight to the same worker, leased", arguments: StoreKind.available)
    func handOver(kind: StoreKind) async throws {
        try await TestStore.with(kind) { test in
            let incidentID = try await openIncident(test)
            let claimed = try await test.store.claim(owner: "a", limit: 1, lease: .seconds(30), at: Date())[0]
            let result = try await test.store.complete(claimed.job, with: StageOutcome(event: .enriched, next: .plan), leasingNextFor: .seconds(30), at: Date())
            guard case .applied(.enriched, let next?) = result else {
                Issue.record("expected the next job, got \(result)")
                return
            }
            #expect(next.job.stage == .plan)
            #expect(next.job.state == .running)
            #expect(next.job.leaseOwner == "a")
            #expect(next.job.attempts == 1)
            #expect(next.incident.state == .enriched)
            #expect(try await test.store.claim(owner: "b", limit: 10, lease: .seconds(30), at: Date()).isEmpty)
            let applied = try await test.store.complete(next.job, with: StageOutcome(event: .plannerAbstained), leasingNextFor: .seconds(30), at: Date())
            #expect(applied == .applied(.escalated, next: nil))
            let jobs = try await test.store.jobs(incidentID: incidentID, tenantID: .default)
            #expect(jobs.map(\.state) == [.done, .done])
        }
    }

    @Test("an expired lease is taken over, and the old worker can no longer complete the job", arguments: StoreKind.available)
    func leaseTakeover(kind: StoreKind) async throws {
        try await TestStore.with(kind) { test in
            let incidentID = try await openIncident(test)
            let start = Date()
            let stale = try await test.store.claim(owner: "dead-worker", limit: 1, lease: .seconds(5), at: start)[0]
            #expect(try await test.store.claim(owner: "b", limit: 1, lease: .seconds(5), at: start.addingTimeInterval(4)).isEmpty)
            let fresh = try await test.store.claim(owner: "b", limit: 1, lease: .seconds(5), at: start.addingTimeInterval(6))
            #expect(fresh.count == 1)
            #expect(fresh[0].job.attempts == 2)
            await #expect {
                _ = try await test.store.complete(stale.job, with: StageOutcome(event: .enriched, next: .plan), at: Date())
            } throws: { error in
                (error as? StoreError)?.code == .leaseLost
            }
            await #expect(throws: StoreError.self) {
                try await test.store.renewLease(stale.job, lease: .seconds(5), at: Date())
            }
            let applied = try await test.store.complete(fresh[0].job, with: StageOutcome(event: .enriched, next: .plan), at: Date())
            #expect(applied == .applied(.enriched, next: nil))
            let audit = try await test.store.auditEvents(tenantID: .default, subject: "incident/\(incidentID)", after: 0, limit: 100)
            #expect(audit.filter { $0.action == "stage.completed" }.count == 1)
        }
    }

    @Test("renewing a lease keeps the job from being taken over", arguments: StoreKind.available)
    func renew(kind: StoreKind) async throws {
        try await TestStore.with(kind) { test in
            _ = try await openIncident(test)
            let start = Date()
            let claimed = try await test.store.claim(owner: "a", limit: 1, lease: .seconds(5), at: start)[0]
            try await test.store.renewLease(claimed.job, lease: .seconds(5), at: start.addingTimeInterval(4))
            #expect(try await test.store.claim(owner: "b", limit: 1, lease: .seconds(5), at: start.addingTimeInterval(7)).isEmpty)
        }
    }

    @Test("a failure is retried later, and after the last attempt the incident is dead-lettered", arguments: StoreKind.available)
    func retryThenDeadLetter(kind: StoreKind) async throws {
        try await TestStore.with(kind, maxAttempts: [.enrich: 2]) { test in
            let incidentID = try await openIncident(test)
            let start = Date()
            let first = try await test.store.claim(owner: "a", limit: 1, lease: .seconds(30), at: start)[0]
            try await test.store.fail(first.job, error: "boom 1", retryAt: start.addingTimeInterval(10), at: start)
            #expect(try await test.store.claim(owner: "a", limit: 1, lease: .seconds(30), at: start.addingTimeInterval(5)).isEmpty)
            let second = try await test.store.claim(owner: "a", limit: 1, lease: .seconds(30), at: start.addingTimeInterval(11))[0]
            #expect(second.job.attempts == 2)
            #expect(second.job.lastError == "boom 1")
            try await test.store.fail(second.job, error: "boom 2", retryAt: start.addingTimeInterval(20), at: start.addingTimeInterval(12))
            let incident = try #require(try await test.store.incident(id: incidentID, tenantID: .default))
            #expect(incident.state == .deadLetter)
            #expect(incident.stateReason.contains("boom 2"))
            let jobs = try await test.store.jobs(incidentID: incidentID, tenantID: .default)
            #expect(jobs.map(\.state) == [.dead])
            #expect(try await test.store.pendingJobCount() == 0)
        }
    }

    @Test("a job whose workers keep dying is dead-lettered instead of claimed forever", arguments: StoreKind.available)
    func poisonJob(kind: StoreKind) async throws {
        try await TestStore.with(kind, maxAttempts: [.enrich: 2]) { test in
            let incidentID = try await openIncident(test)
            var now = Date()
            for _ in 0..<2 {
                #expect(try await test.store.claim(owner: "crashy", limit: 1, lease: .seconds(1), at: now).count == 1)
                now = now.addingTimeInterval(2)
            }
            #expect(try await test.store.claim(owner: "crashy", limit: 1, lease: .seconds(1), at: now).isEmpty)
            #expect(try await test.store.incident(id: incidentID, tenantID: .default)?.state == .deadLetter)
        }
    }

    @Test("a stale job past its attempts is cancelled, not allowed to dead-letter an incident that moved on", arguments: StoreKind.available)
    func staleJobDoesNotDeadLetter(kind: StoreKind) async throws {
        try await TestStore.with(kind, maxAttempts: [.enrich: 1]) { test in
            let incidentID = try await openIncident(test)
            let claimed = try await test.store.claim(owner: "a", limit: 1, lease: .seconds(30), at: Date())[0]
            try await test.ingest([TestStore.alert(.resolved)])
            try await test.store.fail(claimed.job, error: "boom", retryAt: nil, at: Date())
            #expect(try await test.store.incident(id: incidentID, tenantID: .default)?.state == .resolved)
            let jobs = try await test.store.jobs(incidentID: incidentID, tenantID: .default)
            #expect(jobs.map(\.state) == [.cancelled, .queued])
        }
    }

    @Test("a released job is claimable again at once and the release does not count as an attempt", arguments: StoreKind.available)
    func release(kind: StoreKind) async throws {
        try await TestStore.with(kind) { test in
            _ = try await openIncident(test)
            let claimed = try await test.store.claim(owner: "a", limit: 1, lease: .seconds(30), at: Date())[0]
            try await test.store.release([claimed.job], at: Date())
            let again = try await test.store.claim(owner: "b", limit: 1, lease: .seconds(30), at: Date())
            #expect(again.count == 1)
            #expect(again[0].job.attempts == 1)
        }
    }

    @Test("a stage result for an incident that moved on is discarded, not applied", arguments: StoreKind.available)
    func obsolete(kind: StoreKind) async throws {
        try await TestStore.with(kind) { test in
            let incidentID = try await openIncident(test)
            let claimed = try await test.store.claim(owner: "a", limit: 1, lease: .seconds(30), at: Date())[0]
            try await test.ingest([TestStore.alert(.resolved)])
            let result = try await test.store.complete(claimed.job, with: StageOutcome(event: .enriched, next: .plan), at: Date())
            #expect(result == .obsolete(.resolved))
            let jobs = try await test.store.jobs(incidentID: incidentID, tenantID: .default)
            #expect(jobs.map(\.stage) == [.enrich, .close])
            #expect(jobs[0].state == .cancelled)
        }
    }
}
