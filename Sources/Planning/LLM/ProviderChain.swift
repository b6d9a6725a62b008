/// Providers tried in order: when one fails (after its own retries), the next is asked.
/// The planner falls back to the runbook planner only when every one has failed.
public struct ProviderChain: LLMProvider {
    public let providers: [any LLMProvider]

    /// - Precondition: `providers` is not empty.
    public init(_ providers: [any LLMProvider]) {
        precondition(!providers.isEmpty, "a provider chain needs a provider")
        self.providers = providers
    }

    public var name: String { providers[0].name }
    public var model: String { providers[0].model }

    public func complete(_ request: LLMRequest) async throws(LLMProviderError) -> LLMReply {
        var failures: [LLMProviderError] = []
        for provider in providers {
            do throws(LLMProviderError) {
                return try await provider.complete(request)
            } catch {
                failures.append(error)
            }
        }
        let last = failures.last ?? LLMProviderError(kind: .unavailable, provider: name, message: "no provider")
        throw LLMProviderError(
            kind: last.kind, provider: providers.map(\.name).joined(separator: ","), message: failures.map(\.description).joined(separator: "; "),
            statusCode: last.statusCode, retryAfter: last.retryAfter
        )
    }
}
