public import Foundation

/// Which planner runs and, for an LLM, how to reach it: built by the server's
/// configuration loader, handed to ``PlannerFactory``.
///
/// Its description never shows an API key.
public struct PlannerConfiguration: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable {
        case runbook, bedrock, openai, anthropic
    }

    public var kind = Kind.runbook
    /// The model; each provider's default when `nil`.
    public var model: String?
    /// The API's base URL (OpenAI-compatible servers, Anthropic); the provider's public API when `nil`.
    public var baseURL: URL?
    public var apiKey: String?
    /// Providers asked, in order, when the first one fails.
    public var fallback: [Kind] = []
    public var timeoutSeconds = 60
    public var maxOutputTokens = 4096
    public var maxConcurrentCalls = 4
    /// How long an LLM plan is reused for incidents with the same signature; 0 turns the cache off.
    public var planCacheSeconds = 900
    /// Prices per 1,000 tokens by model; Nova Pro's unless configured.
    public var prices: [String: TokenPrices] = [BedrockProvider.defaultModel: .novaPro]
    /// The AWS settings (`AWS_*` variables) and home directory the Bedrock provider reads.
    public var awsEnvironment: [String: String] = [:]
    public var homeDirectory: String?
    /// Keys for fallback providers, from their vendors' usual variables (`OPENAI_API_KEY`, `ANTHROPIC_API_KEY`).
    public var vendorKeys: [Kind: String] = [:]

    public init() {}

    public static func defaultModel(for kind: Kind) -> String {
        switch kind {
        case .runbook: "runbook"
        case .bedrock: BedrockProvider.defaultModel
        case .openai: "gpt-4o-mini"
        case .anthropic: "claude-sonnet-4-5"
        }
    }

    public var description: String {
        "PlannerConfiguration(kind: \(kind.rawValue), model: \(model ?? Self.defaultModel(for: kind)), baseURL: \(baseURL?.absoluteString ?? "default"), apiKey: \(apiKey == nil ? "none" : "<redacted>"), fallback: \(fallback.map(\.rawValue)))"
    }
}
