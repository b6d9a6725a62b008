public import AsyncHTTPClient
import Foundation
public import Knowledge
import NIOCore
public import RemediatorCore

/// Builds the planner a configuration names: the runbook planner, or an LLM planner whose
/// providers (the configured one, then the fallback chain) each get retries, a circuit
/// breaker and a concurrency limit, with the runbook planner behind them all and the plan
/// cache in front.
public enum PlannerFactory {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    static let openAIURL = URL(string: "https://api.openai.com/v1")!
    static let anthropicURL = URL(string: "https://api.anthropic.com")!

    /// An HTTP client for the providers whose connection limit per host is the configured
    /// number of concurrent calls (the shared client's is 8, which would queue calls the
    /// concurrency limit allows). The caller shuts it down.
    public static func makeHTTPClient(for configuration: PlannerConfiguration) -> HTTPClient {
        var http = HTTPClient.Configuration()
        http.connectionPool = .init(
            idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: max(8, configuration.maxConcurrentCalls)
        )
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: http)
    }

    public static func make(
        _ configuration: PlannerConfiguration, catalog: RunbookCatalog, inventory: Inventory = .empty, meter: LLMUsageMeter? = nil,
        httpClient: HTTPClient = .shared
    ) throws(Failure) -> any Planner {
        let runbook = RunbookPlanner(catalog: catalog, inventory: inventory)
        guard configuration.kind != .runbook else { return runbook }
        var providers: [any LLMProvider] = []
        for (index, kind) in ([configuration.kind] + configuration.fallback).enumerated() where kind != .runbook {
            let primary = index == 0
            let provider = try provider(kind, configuration: configuration, primary: primary, httpClient: httpClient)
            providers.append(ResilientProvider(provider, maximumConcurrentCalls: configuration.maxConcurrentCalls))
        }
        let model = configuration.model ?? PlannerConfiguration.defaultModel(for: configuration.kind)
        let planner = LLMPlanner(
            provider: providers.count == 1 ? providers[0] : ProviderChain(providers), fallback: runbook, catalog: catalog,
            prices: configuration.prices[model] ?? TokenPrices(inputPer1K: 0, outputPer1K: 0), maxOutputTokens: configuration.maxOutputTokens,
            meter: meter
        )
        guard configuration.planCacheSeconds > 0 else { return planner }
        return CachingPlanner(planner, catalog: catalog, timeToLive: .seconds(configuration.planCacheSeconds), meter: meter)
    }

    /// The configured model, base URL and key belong to the first provider; a fallback
    /// provider uses its own defaults and its vendor's key variable.
    static func provider(_ kind: PlannerConfiguration.Kind, configuration: PlannerConfiguration, primary: Bool, httpClient: HTTPClient) throws(Failure) -> any LLMProvider {
        let model = (primary ? configuration.model : nil) ?? PlannerConfiguration.defaultModel(for: kind)
        let timeout = Duration.seconds(configuration.timeoutSeconds)
        let key = primary ? configuration.apiKey ?? configuration.vendorKeys[kind] : configuration.vendorKeys[kind]
        let http = LLMHTTPClient(httpClient: httpClient, timeout: timeout)
        switch kind {
        case .runbook:
            throw Failure(description: "the runbook planner is not an LLM provider")
        case .bedrock:
            do {
                return try BedrockProvider(model: model, environment: configuration.awsEnvironment, homeDirectory: configuration.homeDirectory, timeout: timeout, httpClient: httpClient)
            } catch {
                throw Failure(description: "bedrock planner: \(error)")
            }
        case .openai:
            let baseURL = (primary ? configuration.baseURL : nil) ?? openAIURL
            if key == nil, baseURL.host == "api.openai.com" {
                throw Failure(description: "openai planner: set REMEDIATOR_LLM_API_KEY (or OPENAI_API_KEY for a fallback)")
            }
            return OpenAIProvider(model: model, baseURL: baseURL, apiKey: key, http: http)
        case .anthropic:
            guard let key else { throw Failure(description: "anthropic planner: set REMEDIATOR_LLM_API_KEY (or ANTHROPIC_API_KEY for a fallback)") }
            let baseURL = (primary ? configuration.baseURL : nil) ?? anthropicURL
            return AnthropicProvider(model: model, baseURL: baseURL, apiKey: key, http: http)
        }
    }
}
