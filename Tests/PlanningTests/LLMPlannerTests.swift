import Foundation
import Knowledge
@testable import Planning
import RemediatorCore
import Testing

@Suite("LLM planner")
struct LLMPlannerTests {
    static let catalog = RunbookCatalog.load(directories: [])

    static func incident(title: String = "Disk full on /var", description: String = "", labels: [String: String] = ["mountpoint": "/var"]) -> Incident {
        Incident(
            id: "inc-7", tenantID: .default, fingerprint: "f", state: .enriched, source: "alertmanager",
            alertName: "NodeFilesystemAlmostOutOfSpace", title: title, description: description, severity: .critical,
            host: "web-1", service: "nginx", labels: labels, alertCount: 1, createdAt: Date(), updatedAt: Date()
        )
    }

    static func context(_ incident: Incident) -> IncidentContext {
        IncidentContext(runbooks: catalog.matches(for: incident), hostIncidents: [], hostAlerts: [])
    }

    static func step(_ role: String, _ script: String, target: String = "web-1") -> JSONValue {
        .object([
            "name": .string(role), "role": .string(role), "language": .string("bash"), "script": .string(script),
            "target": .string(target), "timeout_seconds": .integer(120),
        ])
    }

    static func planInput(steps: [JSONValue]? = nil, cited: [String] = ["linux-disk-full"], extra: [String: JSONValue] = [:]) -> JSONValue {
        var object: [String: JSONValue] = [
            "abstain": .bool(false), "abstain_reason": .string(""), "summary": .string("Free space on /var by rotating logs"),
            "root_cause": .string("Logs grew past the volume"), "confidence": .number(0.8), "risk": .string("low"),
            "cited_runbooks": .array(cited.map(JSONValue.string)),
            "steps": .array(steps ?? [step("diagnose", "df -h /var"), step("remediate", "journalctl --vacuum-size=200M"), step("verify", "test $(df --output=pcent /var | tail -1 | tr -dc 0-9) -lt 90")]),
        ]
        for (key, value) in extra { object[key] = value }
        return .object(object)
    }

    func planner(_ provider: ScriptedProvider) -> LLMPlanner {
        LLMPlanner(provider: provider, fallback: RunbookPlanner(catalog: Self.catalog), catalog: Self.catalog, maxOutputTokens: 2000)
    }

    @Test("a valid tool call becomes the plan: steps on the incident's host, the cited runbook, tokens and cost recorded")
    func validPlan() async throws {
        let provider = ScriptedProvider([ScriptedProvider.tool(Self.planInput(), input: 2500, output: 500)])
        let incident = Self.incident()
        let result = try await planner(provider).plan(for: incident, context: Self.context(incident))
        guard case .plan(let plan) = result else { Issue.record("expected a plan, got \(result)"); return }
        #expect(plan.planner == "bedrock")
        #expect(plan.steps.map(\.role) == [.diagnose, .remediate, .verify])
        #expect(plan.steps.allSatisfy { $0.target == "web-1" && $0.timeoutSeconds == 120 })
        #expect(plan.runbookID == "linux-disk-full")
        #expect(plan.environment["ALERT_HOST"] == "web-1")
        let origin = try #require(plan.origin)
        #expect(origin.calls == 1 && origin.inputTokens == 2500 && origin.outputTokens == 500)
        #expect(abs(origin.costUSD - (2.5 * 0.0008 + 0.5 * 0.0032)) < 1e-12)
        #expect(origin.confidence == 0.8 && origin.risk == "low" && origin.fallbackReason == nil)
        let request = try #require(await provider.requests.first)
        #expect(request.tool.name == "submit_plan")
        #expect(request.maxOutputTokens == 2000)
    }

    @Test("a broken answer gets one repair request that names what was wrong, and the repaired plan is used")
    func repairOnce() async throws {
        let provider = ScriptedProvider([
            ScriptedProvider.tool(Self.planInput(steps: [Self.step("remediate", "systemctl restart nginx", target: "db-9")], extra: ["notes": .string("x")])),
            ScriptedProvider.tool(Self.planInput()),
        ])
        let incident = Self.incident()
        let result = try await planner(provider).plan(for: incident, context: Self.context(incident))
        guard case .plan(let plan) = result else { Issue.record("expected a plan, got \(result)"); return }
        #expect(plan.origin?.calls == 2)
        let requests = await provider.requests
        #expect(requests.count == 2)
        let repair = try #require(requests.last?.messages.last?.text)
        #expect(repair.contains("unknown field 'notes'"))
        #expect(repair.contains("target must be the incident's host 'web-1', not 'db-9'"))
        #expect(repair.contains("verify"))
        #expect(requests.last?.messages.count == 3)
        #expect(requests.last?.messages[1].role == .assistant)
    }

    @Test("still broken after the repair request, or truncated twice: the runbook planner's plan, with the reason")
    func fallsBackAfterRepair() async throws {
        let truncated = Result<LLMReply, LLMProviderError>.success(LLMReply(
            toolInput: nil, text: "{\"summary\": \"Rot", stop: .truncated, usage: TokenUsage(inputTokens: 900, outputTokens: 2000), provider: "bedrock", model: "m"
        ))
        let provider = ScriptedProvider([truncated, truncated])
        let incident = Self.incident()
        let result = try await planner(provider).plan(for: incident, context: Self.context(incident))
        guard case .plan(let plan) = result else { Issue.record("expected the runbook plan, got \(result)"); return }
        #expect(plan.planner == "runbook")
        #expect(plan.runbookID == "linux-disk-full")
        let origin = try #require(plan.origin)
        #expect(origin.calls == 2 && origin.outputTokens == 4000)
        #expect(origin.fallbackReason?.contains("cut off") == true)
        let repair = try #require(await provider.requests.last?.messages.last?.text)
        #expect(repair.contains("shorter plan"))
    }

    @Test("a provider failure falls back at once to the runbook planner")
    func providerFailure() async throws {
        let provider = ScriptedProvider([.failure(LLMProviderError(kind: .throttled, provider: "bedrock", message: "ThrottlingException", statusCode: 429))])
        let incident = Self.incident()
        let result = try await planner(provider).plan(for: incident, context: Self.context(incident))
        guard case .plan(let plan) = result else { Issue.record("expected the runbook plan, got \(result)"); return }
        #expect(plan.planner == "runbook")
        #expect(plan.origin?.calls == 0)
        #expect(plan.origin?.fallbackReason?.contains("throttled") == true)
    }

    @Test("a model that abstains sends the incident to a human")
    func abstains() async throws {
        let provider = ScriptedProvider([ScriptedProvider.tool(Self.planInput(steps: [], cited: [], extra: [
            "abstain": .bool(true), "abstain_reason": .string("the evidence does not show what fills the disk"),
        ]))])
        let incident = Self.incident()
        let result = try await planner(provider).plan(for: incident, context: Self.context(incident))
        guard case .abstain(let reason) = result else { Issue.record("expected abstain, got \(result)"); return }
        #expect(reason.contains("the evidence does not show what fills the disk"))
        // No plan carries the cost, so the escalation reason does (Nova Pro prices).
        #expect(reason.hasSuffix("[1 LLM call, 1000 input and 200 output tokens, $0.0014]"))
    }

    @Test("a JSON answer written as text (no tool use) is read too")
    func jsonInText() async throws {
        let data = try JSONEncoder().encode(Self.planInput())
        let provider = ScriptedProvider([.success(LLMReply(
            toolInput: nil, text: "Here is the plan:\n```json\n" + String(decoding: data, as: UTF8.self) + "\n```", stop: .complete,
            usage: TokenUsage(inputTokens: 1, outputTokens: 1), provider: "bedrock", model: "m"
        ))])
        let incident = Self.incident()
        guard case .plan(let plan) = try await planner(provider).plan(for: incident, context: Self.context(incident)) else {
            Issue.record("expected a plan")
            return
        }
        #expect(plan.planner == "bedrock")
    }

    @Test("the meter counts calls by outcome, tokens, cost and fallbacks")
    func metering() async throws {
        let meter = LLMUsageMeter()
        let provider = ScriptedProvider([
            ScriptedProvider.tool(Self.planInput(), input: 2000, output: 1000),
            .failure(LLMProviderError(kind: .throttled, provider: "bedrock", message: "slow down", statusCode: 429)),
        ])
        let planner = LLMPlanner(provider: provider, fallback: RunbookPlanner(catalog: Self.catalog), catalog: Self.catalog, meter: meter)
        let incident = Self.incident()
        _ = try await planner.plan(for: incident, context: Self.context(incident))
        _ = try await planner.plan(for: incident, context: Self.context(incident))
        let snapshot = meter.snapshot
        #expect(snapshot.calls[LLMUsageMeter.CallKey(provider: "bedrock", outcome: "ok")] == 1)
        #expect(snapshot.calls[LLMUsageMeter.CallKey(provider: "bedrock", outcome: "throttled")] == 1)
        #expect(snapshot.inputTokens["bedrock"] == 2000 && snapshot.outputTokens["bedrock"] == 1000)
        #expect(abs((snapshot.costUSD["bedrock"] ?? 0) - (2 * 0.0008 + 1 * 0.0032)) < 1e-12)
        #expect(snapshot.fallbacks == 1)
    }

    @Test("JSON with raw line breaks inside strings (as grammar-constrained local models write it) is still read")
    func rawNewlines() {
        let text = "{\"summary\": \"line one\nline two\", \"script\": \"df -h\n\tdu -sh /var\"}"
        let value = LLMPlanner.jsonObject(in: text)
        #expect(value?.objectValue?["summary"] == .string("line one\nline two"))
        #expect(value?.objectValue?["script"] == .string("df -h\n\tdu -sh /var"))
        #expect(LLMPlanner.jsonObject(in: "no json here") == nil)
    }
}
