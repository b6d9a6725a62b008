public import Foundation

/// An API key as stored: only a hash of the secret is kept.
public struct APIKey: Sendable, Equatable {
    public enum Role: String, Sendable, Codable {
        case admin
        case operator_ = "operator"
        case viewer
    }

    public var id: String
    public var tenantID: TenantID
    public var name: String
    public var role: Role
    /// SHA-256 of the secret, hex.
    public var secretHash: String
    public var createdAt: Date

    public init(id: String, tenantID: TenantID, name: String, role: Role, secretHash: String, createdAt: Date) {
        self.id = id
        self.tenantID = tenantID
        self.name = name
        self.role = role
        self.secretHash = secretHash
        self.createdAt = createdAt
    }
}

/// API keys for the HTTP API.
public protocol APIKeyStore: Sendable {
    func apiKey(secretHash: String) async throws -> APIKey?
    func hasAPIKeys() async throws -> Bool
    /// Stores the key only when no key exists yet (bootstrap); returns whether it did.
    func createFirstAPIKey(_ key: APIKey) async throws -> Bool
    func createAPIKey(_ key: APIKey) async throws
}
