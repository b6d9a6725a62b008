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
