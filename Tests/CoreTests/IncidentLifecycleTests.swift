import Foundation
import RemediatorCore
import Testing

@Suite("Incident lifecycle")
struct IncidentLifecycleTests {
    @Test("the main line runs from received to closed")
    func mainLine() throws {
        let events: [IncidentEvent] = [
            .enriched, .planned, .validated(.allow), .approvalRequired, .approved, .executionStarted,
            .executionSucceeded, .verificationSucceeded, .closed,
        ]
        var state = IncidentState.received
        var visited = [state]
        for event in events {
            state = try IncidentLifecycle.transition(from: state, on: event)
            visited.append(state)
        }
        #expect(visited == [.received, .enriched, .planned, .planned, .awaitingApproval, .approved, .executing, .verifying, .resolved, .closed])
    }

    @Test("an approved incident past a rate limit escalates to a human, and only before it runs")
    func rateLimited() throws {
        #expect(try IncidentLifecycle.transition(from: .approved, on: .rateLimited) == .escalated)
        for state in IncidentState.allCases where state != .approved {
            #expect(!IncidentLifecycle.allows(.rateLimited, in: state), "\(state)")
        }
    }

    @Test("rate limits are written RUNS/WINDOW", arguments: [
        ("5/1h", "5/1h", 3600), ("20/30m", "20/30m", 1800), ("1/90s", "1/90s", 90), ("3/1d", "3/1d", 86400), (" 2/60m ", "2/1h", 3600),
    ])
    func rateLimitText(text: String, normalized: String, seconds: Int64) throws {
        let limit = try #require(RateLimit(text))
        #expect(limit.description == normalized)
        #expect(limit.window == .seconds(seconds))
    }

    @Test("malformed rate limits are refused", arguments: ["5", "5/", "/1h", "0/1h", "5/0h", "5/1w", "x/1h", "5/1.5h", "5/31d", "5/1h/2"])
    func badRateLimit(text: String) {
        #expect(RateLimit(text) == nil)
    }

    @Test("a block verdict leads to blocked, and nothing approves a blocked incident")
    func blocked() throws {
        let state = try IncidentLifecycle.transition(from: .planned, on: .validated(.block))
        #expect(state == .blocked)
        #expect(!IncidentLifecycle.allows(.approved, in: .blocked))
        #expect(!IncidentLifecycle.allows(.autoApproved, in: .blocked))
        #expect(!IncidentLifecycle.allows(.executionStarted, in: .blocked))
    }

    @Test("illegal moves are refused with a message naming state and event", arguments: [
        (IncidentState.received, IncidentEvent.approved),
        (.awaitingApproval, .executionStarted),
        (.closed, .sourceResolved),
        (.executing, .cancelled),
        (.planned, .approved),
        (.resolved, .approved),
    ])
    func illegal(state: IncidentState, event: IncidentEvent) {
        #expect(throws: InvalidTransition(state: state, event: event)) {
            try IncidentLifecycle.transition(from: state, on: event)
        }
        #expect(InvalidTransition(state: state, event: event).description.contains(state.rawValue))
    }

    @Test("the source resolving the alert resolves any incident whose fix has not started")
    func sourceResolved() throws {
        for state in IncidentState.allCases {
            let allowed = IncidentLifecycle.allows(.sourceResolved, in: state)
            switch state {
            case .executing, .verifying, .resolved, .closed:
                #expect(!allowed, "\(state)")
            default:
                #expect(allowed, "\(state)")
                #expect(try IncidentLifecycle.transition(from: state, on: .sourceResolved) == .resolved)
            }
        }
    }

    @Test("retry puts a dead-lettered incident back at the failed stage's entry state")
    func retry() throws {
        #expect(try IncidentLifecycle.transition(from: .deadLetter, on: .retried(.plan)) == .enriched)
        #expect(try IncidentLifecycle.transition(from: .deadLetter, on: .retried(.execute)) == .approved)
        #expect(try IncidentLifecycle.transition(from: .failed, on: .retried(.enrich)) == .received)
        #expect(!IncidentLifecycle.allows(.retried(.enrich), in: .closed))
    }

    @Test("every stage's runnable states include the state a retry puts it in")
    func entryStates() {
        for stage in Stage.allCases {
            #expect(stage.runnableStates.contains(stage.entryState), "\(stage)")
        }
    }
}

@Suite("Identifiers and plan hashing input")
struct IdentifierTests {
    @Test("identifiers are UUIDv7 and sort by time")
    func timeOrdered() {
        let early = Identifier.make(at: Date(timeIntervalSince1970: 1_000))
        let late = Identifier.make(at: Date(timeIntervalSince1970: 2_000))
        #expect(early < late)
        #expect(early.count == 36)
        #expect(Array(early)[14] == "7")
        #expect(UUID(uuidString: early) != nil)
    }

    @Test("the plan hash input covers scripts, targets and environment, not the summary")
    func hashInput() {
        let step = PlanStep(name: "remediate", role: .remediate, language: .bash, script: "true", target: "h", timeoutSeconds: 5)
        let plan = Plan(planner: "runbook", summary: "a", steps: [step], environment: ["ALERT_HOST": "h"], createdAt: Date())
        var renamed = plan
        renamed.summary = "b"
        renamed.createdAt = Date(timeIntervalSince1970: 0)
        #expect(plan.hashInput == renamed.hashInput)
        var retargeted = plan
        retargeted.steps[0].target = "other"
        #expect(plan.hashInput != retargeted.hashInput)
        var rescripted = plan
        rescripted.steps[0].script = "false"
        #expect(plan.hashInput != rescripted.hashInput)
        var reenvironed = plan
        reenvironed.environment["ALERT_HOST"] = "x"
        #expect(plan.hashInput != reenvironed.hashInput)
    }
}
