import Foundation
import Knowledge
@testable import Planning
import RemediatorCore
import Synchronization
import Testing

@Suite("Plan cache")
struct CachingPlannerTests {
    static func incident(_ id: String, host: String, alertName: String = "NodeFilesystemAlmostOutOfSpace") -> Incident {
        var incident = LLMPlannerTests.incident()
        incident.id = id
        incident.host = host
        incident.alertName = alertName
        return incident
    }

    static func planner(_ provider: ScriptedProvider, ttl: Duration = .seconds(60), clock: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) -> CachingPlanner {
        let catalog = LLMPlannerTests.catalog
        return CachingPlanner(LLMPlanner(provider: provider, fallback: RunbookPlanner(catalog: catalog), catalog: catalog), catalog: catalog, timeToLive: ttl, clock: clock)
    }

    static func validReplies(_ count: Int) -> [Result<LLMReply, LLMProviderError>] {
        (0..<count).map { _ in
            var input = LLMPlannerTests.planInput().objectValue ?? [:]
            input["steps"] = .array([LLMPlannerTests.step("remediate", "journalctl --vacuum-size=200M"), LLMPlannerTests.step("verify", "df -h /var")])
            return ScriptedProvider.tool(.object(input))
        }
    }

    @Test("the same problem on another host reuses the plan: aimed at that host, its facts, no new call or cost")
    func reuse() async throws {
        let provider = ScriptedProvider(Self.validReplies(2))
        let planner = Self.planner(provider)
        let first = Self.incident("inc-1", host: "web-1")
        let second = Self.incident("inc-2", host: "web-2")
        _ = try await planner.plan(for: first, context: LLMPlannerTests.context(first))
        guard case .plan(let plan) = try await planner.plan(for: second, context: LLMPlannerTests.context(second)) else {
            Issue.record("expected a plan")
            return
        }
        #expect(await provider.requests.count == 1)
        #expect(plan.steps.allSatisfy { $0.target == "web-2" })
        #expect(plan.environment["ALERT_HOST"] == "web-2")
        #expect(plan.environment["INCIDENT_ID"] == "inc-2")
        #expect(plan.origin?.reusedFrom == "inc-1")
        #expect(plan.origin?.calls == 0 && plan.origin?.costUSD == 0)
        #expect(await planner.hits == 1)
        #expect(await planner.misses == 1)
    }

    @Test("another alert, or an expired entry, asks the model again")
    func misses() async throws {
        let start = ContinuousClock.now
        let offset = Mutex(Duration.zero)
        let provider = ScriptedProvider(Self.validReplies(3))
        let planner = Self.planner(provider, ttl: .seconds(60), clock: { start + offset.withLock { $0 } })
        let first = Self.incident("inc-1", host: "web-1")
        _ = try await planner.plan(for: first, context: LLMPlannerTests.context(first))
        let other = Self.incident("inc-2", host: "web-1", alertName: "NodeFilesystemSpaceFillingUp")
        _ = try await planner.plan(for: other, context: LLMPlannerTests.context(other))
        #expect(await provider.requests.count == 2)
        offset.withLock { $0 = .seconds(61) }
        let later = Self.incident("inc-3", host: "web-1")
        _ = try await planner.plan(for: later, context: LLMPlannerTests.context(later))
        #expect(await provider.requests.count == 3)
    }

    /// Plans for whichever host the prompt names, counting its calls.
    actor HostAwareModel: LLMProvider {
        nonisolated let name = "bedrock"
        nonisolated let model = "amazon.nova-pro-v1:0"
        private(set) var calls = 0

        func complete(_ request: LLMRequest) async throws(LLMProviderError) -> LLMReply {
            calls += 1
            try? await Task.sleep(for: .milliseconds(50))
            let prompt = request.messages.first?.text ?? ""
            let host = prompt.split(separator: "\n").first { $0.hasPrefix("Host (every step runs here): ") }.map { String($0.dropFirst("Host (every step runs here): ".count)) } ?? ""
            var input = LLMPlannerTests.planInput().objectValue ?? [:]
            input["steps"] = .array([LLMPlannerTests.step("remediate", "journalctl --vacuum-size=200M", target: host), LLMPlannerTests.step("verify", "df -h /var", target: host)])
            return LLMReply(toolInput: .object(input), text: "", stop: .complete, usage: TokenUsage(inputTokens: 1, outputTokens: 1), provider: name, model: model)
        }
    }

    @Test("a storm of the same problem on 50 hosts at once makes one call")
    func singleFlight() async throws {
        let provider = HostAwareModel()
        let catalog = LLMPlannerTests.catalog
        let planner = CachingPlanner(LLMPlanner(provider: provider, fallback: RunbookPlanner(catalog: catalog), catalog: catalog), catalog: catalog, timeToLive: .seconds(60))
        let plans = try await withThrowingTaskGroup(of: PlanningResult.self) { group in
            for index in 0..<50 {
                let incident = Self.incident("inc-\(index)", host: "web-\(index)")
                group.addTask { try await planner.plan(for: incident, context: LLMPlannerTests.context(incident)) }
            }
            return try await group.reduce(into: [PlanningResult]()) { $0.append($1) }
        }
        #expect(await provider.calls == 1)
        #expect(plans.count == 50)
        #expect(plans.allSatisfy { if case .plan(let plan) = $0 { plan.planner == "bedrock" } else { false } })
        let targets = Set(plans.compactMap { if case .plan(let plan) = $0 { plan.steps.first?.target } else { nil } })
        #expect(targets == Set((0..<50).map { "web-\($0)" }))
    }

    @Test("a runbook plan made because the model failed is not cached")
    func fallbackNotCached() async throws {
        let failure = Result<LLMReply, LLMProviderError>.failure(LLMProviderError(kind: .unavailable, provider: "bedrock", message: "down"))
        let provider = ScriptedProvider([failure] + Self.validReplies(1))
        let planner = Self.planner(provider)
        let first = Self.incident("inc-1", host: "web-1")
        guard case .plan(let fallback) = try await planner.plan(for: first, context: LLMPlannerTests.context(first)) else { Issue.record("expected a plan"); return }
        #expect(fallback.planner == "runbook")
        let second = Self.incident("inc-2", host: "web-1")
        guard case .plan(let fresh) = try await planner.plan(for: second, context: LLMPlannerTests.context(second)) else { Issue.record("expected a plan"); return }
        #expect(fresh.planner == "bedrock")
        #expect(await provider.requests.count == 2)
    }
}
