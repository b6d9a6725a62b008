public import Foundation

/// A secret as stored: its value sealed with AES-GCM, never in the clear.
public struct SealedSecret: Sendable, Equatable {
    public var tenantID: TenantID
    public var name: String
    /// Nonce, ciphertext and tag (AES-GCM's combined form).
    public var sealed: Data
    /// Which key sealed it, so that a changed key gives a clear error instead of a failed
    /// authentication.
    public var keyID: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(tenantID: TenantID, name: String, sealed: Data, keyID: String, createdAt: Date, updatedAt: Date) {
        self.tenantID = tenantID
        self.name = name
        self.sealed = sealed
        self.keyID = keyID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// What may be shown about a secret: everything but its value.
public struct SecretSummary: Sendable, Equatable, Codable {
    public var name: String
    public var keyID: String
    public var createdAt: Date
    public var updatedAt: Date

    public init(name: String, keyID: String, createdAt: Date, updatedAt: Date) {
        self.name = name
        self.keyID = keyID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case name
        case keyID = "key_id"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

/// Sealed secrets per tenant: SSH keys, passwords and tokens the executors use.
public protocol SecretStore: Sendable {
    /// Stores or replaces the secret; the audit log records who did it, never the value.
    func putSecret(_ secret: SealedSecret, actor: String) async throws -> SecretSummary
    func sealedSecret(named name: String, tenantID: TenantID) async throws -> SealedSecret?
    func secrets(tenantID: TenantID) async throws -> [SecretSummary]
    /// Returns whether the secret existed.
    func deleteSecret(named name: String, tenantID: TenantID, actor: String, at now: Date) async throws -> Bool
}
