import Crypto
public import Foundation
public import RemediatorCore

/// Seals secrets before they reach the store and opens them for the executors.
///
/// Each value is sealed with AES-256-GCM under the configured ``SecretKey``, with the
/// tenant and the name as authenticated data: a sealed value copied to another name or
/// tenant fails to open instead of handing over another secret.
public struct SecretVault: Sendable {
    let store: any SecretStore
    let key: SecretKey

    /// Longest value accepted; an RSA-4096 private key in PEM is about 3.3 KB.
    public static let maximumValueBytes = 64 * 1024

    public init(store: any SecretStore, key: SecretKey) {
        self.store = store
        self.key = key
    }

    /// Letters, digits, `.`, `_` and `-`, starting with a letter or digit, at most 128: a
    /// name is one segment of an API path.
    public static func validate(name: String) throws(SecretError) {
        let allowed = name.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
        guard allowed, (1...128).contains(name.utf8.count), let first = name.utf8.first,
              first != UInt8(ascii: "."), first != UInt8(ascii: "_"), first != UInt8(ascii: "-") else {
            throw SecretError(.badName, "a secret name is 1–128 letters, digits, '.', '_' or '-', starting with a letter or digit")
        }
    }

    /// Seals and stores the value under `name`, replacing any earlier value.
    @discardableResult
    public func set(_ name: String, value: Data, tenantID: TenantID, actor: String, at now: Date = Date()) async throws -> SecretSummary {
        try Self.validate(name: name)
        guard !value.isEmpty else { throw SecretError(.badValue, "the value of secret '\(name)' is empty") }
        guard value.count <= Self.maximumValueBytes else {
            throw SecretError(.badValue, "the value of secret '\(name)' is \(value.count) bytes; at most \(Self.maximumValueBytes) are accepted")
        }
        let sealed = try seal(value, name: name, tenantID: tenantID)
        return try await store.putSecret(
            SealedSecret(tenantID: tenantID, name: name, sealed: sealed, keyID: key.id, createdAt: now, updatedAt: now), actor: actor
        )
    }

    /// The secret's value; throws ``SecretError`` when it does not exist or cannot be opened.
    public func value(of name: String, tenantID: TenantID) async throws -> SecretValue {
        guard let secret = try await store.sealedSecret(named: name, tenantID: tenantID) else {
            throw SecretError(.notFound, "no secret named '\(name)'")
        }
        return SecretValue(name: name, bytes: try open(secret))
    }

    public func list(tenantID: TenantID) async throws -> [SecretSummary] {
        try await store.secrets(tenantID: tenantID)
    }

    public func delete(_ name: String, tenantID: TenantID, actor: String, at now: Date = Date()) async throws -> Bool {
        try Self.validate(name: name)
        return try await store.deleteSecret(named: name, tenantID: tenantID, actor: actor, at: now)
    }

    func seal(_ value: Data, name: String, tenantID: TenantID) throws -> Data {
        let box = try AES.GCM.seal(value, using: key.key, authenticating: Self.associatedData(name: name, tenantID: tenantID))
        guard let combined = box.combined else { throw SecretError(.badKey, "AES-GCM gave no combined form") }
        return combined
    }

    func open(_ secret: SealedSecret) throws(SecretError) -> Data {
        guard secret.keyID == key.id else {
            throw SecretError(.wrongKey, "secret '\(secret.name)' was sealed with key \(secret.keyID), but the configured key is \(key.id): set it again, or configure the key it was sealed with")
        }
        do {
            let box = try AES.GCM.SealedBox(combined: secret.sealed)
            return try AES.GCM.open(box, using: key.key, authenticating: Self.associatedData(name: secret.name, tenantID: secret.tenantID))
        } catch {
            throw SecretError(.tampered, "secret '\(secret.name)' does not authenticate: it was altered or copied from another name; set it again")
        }
    }

    static func associatedData(name: String, tenantID: TenantID) -> Data {
        Data("remediator-secret-v1\u{0}\(tenantID.rawValue)\u{0}\(name)".utf8)
    }
}
