import Crypto
import Foundation
import Hummingbird
import Logging
import RemediatorCore
import Synchronization

/// Requires `Authorization: Bearer <key>` and resolves the key to its tenant and role.
///
/// Keys are looked up by their SHA-256 hash; the secret itself is never stored or logged.
/// Successful lookups are cached for a short while so ingest at thousands of requests per
/// second does not read the key table on every call.
struct APIKeyAuthenticator: RouterMiddleware {
    typealias Context = RemediatorRequestContext

    let store: any APIKeyStore
    let cache: KeyCache

    init(store: any APIKeyStore, cacheLifetime: Duration = .seconds(30)) {
        self.store = store
        self.cache = KeyCache(lifetime: cacheLifetime)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization] else {
            throw Self.unauthorized("send the API key as 'Authorization: Bearer <key>'")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer", !parts[1].isEmpty, parts[1].count <= 512 else {
            throw Self.unauthorized("the Authorization header must be 'Bearer <key>'")
        }
        let hash = APIKeys.hash(String(parts[1]))
        let key: APIKey
        if let cached = cache.lookup(hash) {
            key = cached
        } else if let stored = try await store.apiKey(secretHash: hash) {
            cache.store(stored)
            key = stored
        } else {
            throw Self.unauthorized("the API key is not valid")
        }
        var context = context
        context.apiKey = key
        context.logger[metadataKey: "api_key"] = "\(key.name)"
        return try await next(request, context)
    }

    static func unauthorized(_ message: String) -> APIError {
        APIError(.unauthorized, code: "unauthorized", message, headers: [.wwwAuthenticate: "Bearer"])
    }
}

/// A small time-bounded cache of resolved keys.
final class KeyCache: Sendable {
    private let lifetime: Duration
    private let entries = Mutex<[String: (key: APIKey, until: ContinuousClock.Instant)]>([:])

    init(lifetime: Duration) {
        self.lifetime = lifetime
    }

    func lookup(_ hash: String) -> APIKey? {
        entries.withLock { entries in
            guard let entry = entries[hash] else { return nil }
            guard entry.until > .now else {
                entries[hash] = nil
                return nil
            }
            return entry.key
        }
    }

    func store(_ key: APIKey) {
        entries.withLock { entries in
            if entries.count > 10_000 { entries.removeAll() }
            entries[key.secretHash] = (key, .now + lifetime)
        }
    }
}

/// Creating and hashing API keys.
public enum APIKeys {
    public static func hash(_ secret: String) -> String {
        Hex.string(SHA256.hash(data: Data(secret.utf8)))
    }

    /// A new random secret: `rmd_` and 64 hex characters (256 bits).
    public static func generateSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return "rmd_" + Hex.string(bytes)
    }
}
