public import Foundation
public import Hummingbird
public import RemediatorCore

/// Per-request context: Hummingbird's core storage plus who is calling.
public struct RemediatorRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The API key that authenticated the request; set by ``APIKeyAuthenticator``.
    public var apiKey: APIKey?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }

    /// Bodies are bounded by the configured limit in the handlers that read them.
    public var maxUploadSize: Int { 64 << 20 }

    /// Sorted keys and unescaped slashes: stable, readable output for people and diff tools.
    public var responseEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// The authenticated key, or a 401 when the route was reached without one.
    public func requireKey() throws -> APIKey {
        guard let apiKey else { throw APIError(.unauthorized, code: "unauthorized", "an API key is required") }
        return apiKey
    }

    /// The audit actor for the caller.
    public var actor: String { apiKey.map { "key:\($0.name)" } ?? "anonymous" }
}
