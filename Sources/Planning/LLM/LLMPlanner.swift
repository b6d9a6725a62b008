import Foundation
public import Knowledge
public import RemediatorCore

/// Plans with a language model, grounded in the matching runbooks, and falls back to
/// the runbook planner whenever the model's answer cannot be used.
///
/// One call asks for the plan through the `submit_plan` tool. A reply that is cut off,
/// malformed or breaks a rule (a step for another host, an uncited runbook, no verify
/// step) gets exactly one repair request that says what was wrong; after that, or on any
/// provider failure, the runbook planner's plan is used and the reason recorded. A model
/// that abstains sends the incident to a human. Whatever the model writes is still only
/// a proposal: the engine validates and gates it like any other plan.
public struct LLMPlanner: Planner {
    public var name: String { provider.name }
    let provider: any LLMProvider
    let fallback: any Planner
    let catalog: RunbookCatalog
    let prompt: PlanPrompt
    let prices: TokenPrices
    let maxOutputTokens: Int
    let meter: LLMUsageMeter?

    public init(
        provider: any LLMProvider, fallback: any Planner, catalog: RunbookCatalog, prompt: PlanPrompt = PlanPrompt(),
        prices: TokenPrices = .novaPro, maxOutputTokens: Int = 4096, meter: LLMUsageMeter? = nil
    ) {
        self.provider = provider
        self.fallback = fallback
        self.catalog = catalog
        self.prompt = prompt
        self.prices = prices
        self.maxOutputTokens = maxOutputTokens
        self.meter = meter
    }

    public func plan(for incident: Incident, context: IncidentContext) async throws -> PlanningResult {
        let offered = prompt.offeredRunbooks(context, catalog: catalog)
        var messages = [LLMMessage(role: .user, text: prompt.userMessage(for: incident, context: context, catalog: catalog))]
        var spent = Spending()
        for attempt in 1...2 {
            let reply: LLMReply
            do {
                reply = try await provider.complete(LLMRequest(system: PlanPrompt.system, messages: messages, tool: PlanDraft.tool, maxOutputTokens: maxOutputTokens))
            } catch {
                meter?.recordCall(provider: error.provider, outcome: "\(error.kind)")
                return try await fallBack(for: incident, context: context, reason: "\(error)", spent: spent)
            }
            meter?.recordCall(provider: reply.provider, outcome: "ok", usage: reply.usage, cost: prices.cost(of: reply.usage))
            spent.calls += 1
            spent.usage = spent.usage + reply.usage
            spent.provider = reply.provider
            spent.model = reply.model
            let problem: String
            switch reply.stop {
            case .filtered(let why):
                return try await fallBack(for: incident, context: context, reason: "the provider withheld the reply (\(why))", spent: spent)
            case .truncated:
                problem = "the reply was cut off at the limit of \(maxOutputTokens) output tokens: answer with a shorter plan (fewer, shorter steps)"
            case .other(let why):
                problem = "the reply ended unexpectedly (\(why))"
            case .complete:
                guard let input = reply.toolInput ?? Self.jsonObject(in: reply.text) else {
                    problem = "the reply did not call submit_plan with a JSON object"
                    break
                }
                do {
                    let draft = try PlanDraft.decode(input, host: incident.host, runbooks: offered)
                    return result(draft, for: incident, spent: spent)
                } catch {
                    problem = error.description
                }
            }
            guard attempt == 1 else {
                return try await fallBack(for: incident, context: context, reason: "the model's answer could not be used after a repair request: \(problem)", spent: spent)
            }
            messages.append(LLMMessage(role: .assistant, text: Self.transcript(of: reply)))
            messages.append(LLMMessage(role: .user, text: "Your answer could not be used: \(problem). Call submit_plan again with a corrected plan, or abstain."))
        }
        return try await fallBack(for: incident, context: context, reason: "no usable answer", spent: spent)
    }

    /// Calls and tokens spent on one incident.
    struct Spending {
        var calls = 0
        var usage = TokenUsage.zero
        /// Who answered last (with a fallback chain, maybe not the first provider).
        var provider: String?
        var model: String?
    }

    private func origin(_ spent: Spending, draft: PlanDraft?, fallbackReason: String?) -> PlanOrigin {
        PlanOrigin(
            provider: spent.provider ?? provider.name, model: spent.model ?? provider.model, confidence: draft?.confidence, risk: draft?.risk.rawValue,
            citedRunbooks: draft?.citedRunbooks ?? [], calls: spent.calls, inputTokens: spent.usage.inputTokens,
            outputTokens: spent.usage.outputTokens, costUSD: prices.cost(of: spent.usage), fallbackReason: fallbackReason
        )
    }

    /// What an incident without a plan cost, for its escalation reason: the plan that
    /// would carry it (``PlanOrigin``) does not exist.
    private func describe(_ spent: Spending) -> String {
        let cost = prices.cost(of: spent.usage)
        return "\(spent.calls) LLM call\(spent.calls == 1 ? "" : "s"), \(spent.usage.inputTokens) input and \(spent.usage.outputTokens) output tokens, "
            + "$" + String(format: "%.4f", cost)
    }

    private func result(_ draft: PlanDraft, for incident: Incident, spent: Spending) -> PlanningResult {
        let answered = spent.provider ?? provider.name
        if let reason = draft.abstainReason {
            return .abstain(reason: "\(answered) (\(spent.model ?? provider.model)) abstained: \(reason) [\(describe(spent))]")
        }
        let runbook = draft.citedRunbooks.first.flatMap { catalog.runbook(id: $0) }
        return .plan(Plan(
            planner: answered, summary: draft.summary, rootCause: draft.rootCause, runbookID: runbook?.id, runbookVersion: runbook?.version,
            steps: draft.steps, environment: AlertEnvironment.variables(for: incident), createdAt: incident.updatedAt,
            origin: origin(spent, draft: draft, fallbackReason: nil)
        ))
    }

    private func fallBack(for incident: Incident, context: IncidentContext, reason: String, spent: Spending) async throws -> PlanningResult {
        meter?.recordFallback()
        switch try await fallback.plan(for: incident, context: context) {
        case .plan(var plan):
            plan.origin = origin(spent, draft: nil, fallbackReason: reason)
            return .plan(plan)
        case .abstain(let fallbackReason):
            return .abstain(reason: "\(provider.name): \(reason); \(fallback.name) planner: \(fallbackReason) [\(describe(spent))]")
        }
    }

    /// The previous reply as the assistant's turn of the repair conversation.
    static func transcript(of reply: LLMReply) -> String {
        if let input = reply.toolInput, let data = try? JSONEncoder().encode(input) {
            return "submit_plan(" + String(decoding: data, as: UTF8.self) + ")"
        }
        return reply.text.isEmpty ? "(no answer)" : reply.text
    }

    /// A JSON object written as text (models without tool use): the whole text, or the
    /// outermost `{...}` of it (inside a Markdown fence, after a sentence).
    ///
    /// Raw line breaks and tabs inside strings (grammar-constrained local models write
    /// them) are escaped before a second attempt; what the JSON says is still decoded strictly.
    static func jsonObject(in text: String) -> JSONValue? {
        guard let start = text.firstIndex(of: "{"), let end = text.lastIndex(of: "}"), start < end else { return nil }
        let candidate = Array(text[start...end].utf8)
        for bytes in [candidate, escapingControlCharactersInStrings(candidate)] {
            if let value = try? JSONDecoder().decode(JSONValue.self, from: Data(bytes)), value.objectValue != nil { return value }
        }
        return nil
    }

    /// JSON text with control characters inside string literals written as escapes.
    static func escapingControlCharactersInStrings(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 16)
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                } else if byte < 0x20 {
                    switch byte {
                    case UInt8(ascii: "\n"): result += Array("\\n".utf8)
                    case UInt8(ascii: "\r"): result += Array("\\r".utf8)
                    case UInt8(ascii: "\t"): result += Array("\\t".utf8)
                    default: result += Array(String(format: "\\u%04x", Int(byte)).utf8)
                    }
                    continue
                }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            }
            result.append(byte)
        }
        return result
    }
}
