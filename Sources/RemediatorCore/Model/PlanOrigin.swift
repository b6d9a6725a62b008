/// How an LLM took part in a plan: which model, what it claimed, what it cost, and why
/// its own plan was not used when the runbook planner stepped in.
///
/// `nil` on plans the runbook planner made without asking a model.
public struct PlanOrigin: Sendable, Equatable, Codable {
    /// `bedrock`, `openai`, `anthropic`.
    public var provider: String
    public var model: String
    /// The model's own confidence (0…1) and risk estimate, when its plan was used.
    public var confidence: Double?
    public var risk: String?
    public var citedRunbooks: [String]
    /// Calls made for this plan (a repair request is a second call).
    public var calls: Int
    public var inputTokens: Int
    public var outputTokens: Int
    /// From the configured price table.
    public var costUSD: Double
    /// Why the model's answer was not used (the runbook planner's plan is), when it was not.
    public var fallbackReason: String?
    /// The incident whose plan this one reuses from the plan cache (no call was made for it).
    public var reusedFrom: String?

    public init(
        provider: String, model: String, confidence: Double?, risk: String?, citedRunbooks: [String], calls: Int, inputTokens: Int,
        outputTokens: Int, costUSD: Double, fallbackReason: String?, reusedFrom: String? = nil
    ) {
        self.provider = provider
        self.model = model
        self.confidence = confidence
        self.risk = risk
        self.citedRunbooks = citedRunbooks
        self.calls = calls
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.costUSD = costUSD
        self.fallbackReason = fallbackReason
        self.reusedFrom = reusedFrom
    }

    enum CodingKeys: String, CodingKey {
        case provider, model, confidence, risk, calls
        case citedRunbooks = "cited_runbooks"
        case inputTokens = "input_tokens"
        case outputTokens = "output_tokens"
        case costUSD = "cost_usd"
        case fallbackReason = "fallback_reason"
        case reusedFrom = "reused_from"
    }
}
