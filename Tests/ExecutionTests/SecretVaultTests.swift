import Crypto
import Execution
import Foundation
import RemediatorCore
import Synchronization
import Testing

/// Sealed secrets in memory, as a store would keep them.
final class MemorySecretStore: SecretStore {
    let secrets = Mutex<[String: SealedSecret]>([:])

    func putSecret(_ secret: SealedSecret, actor: String) async throws -> SecretSummary {
        secrets.withLock { $0["\(secret.tenantID.rawValue)/\(secret.name)"] = secret }
        return SecretSummary(name: secret.name, keyID: secret.keyID, createdAt: secret.createdAt, updatedAt: secret.updatedAt)
    }

    func sealedSecret(named name: String, tenantID: TenantID) async throws -> SealedSecret? {
        secrets.withLock { $0["\(tenantID.rawValue)/\(name)"] }
    }

    func secrets(tenantID: TenantID) async throws -> [SecretSummary] {
        secrets.withLock { stored in
            stored.values.filter { $0.tenantID == tenantID }.sorted { $0.name < $1.name }
                .map { SecretSummary(name: $0.name, keyID: $0.keyID, createdAt: $0.createdAt, updatedAt: $0.updatedAt) }
        }
    }

    func deleteSecret(named name: String, tenantID: TenantID, actor: String, at now: Date) async throws -> Bool {
        secrets.withLock { $0.removeValue(forKey: "\(tenantID.rawValue)/\(name)") } != nil
    }
}

@Suite("Secret vault")
struct SecretVaultTests {
    static let value = Data("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n".utf8)

    func error(_ body: () async throws -> Void) async -> SecretError? {
        do {
            try await body()
            return nil
        } catch {
            return error as? SecretError
        }
    }

    @Test("a value is sealed at rest and opens again under the same key")
    func roundTrip() async throws {
        let store = MemorySecretStore()
        let vault = SecretVault(store: store, key: try SecretKey(SymmetricKey(size: .bits256)))
        try await vault.set("web-1.ssh", value: Self.value, tenantID: .default, actor: "alice")
        let sealed = try #require(try await store.sealedSecret(named: "web-1.ssh", tenantID: .default))
        #expect(sealed.sealed.range(of: Data("PRIVATE KEY".utf8)) == nil)
        #expect(sealed.sealed.count == Self.value.count + 12 + 16)
        let opened = try await vault.value(of: "web-1.ssh", tenantID: .default)
        #expect(opened.bytes == Self.value)
        // The value never prints.
        #expect("\(opened)" == "<secret web-1.ssh>")
        #expect(String(reflecting: opened) == "<secret web-1.ssh>")
        var dumped = ""
        dump(opened, to: &dumped)
        #expect(!dumped.contains("PRIVATE"))
        #expect(try await vault.list(tenantID: .default).map(\.name) == ["web-1.ssh"])
        #expect(try await vault.list(tenantID: TenantID("other")).isEmpty)
    }

    @Test("another key, an altered value or a value copied to another name never opens")
    func failsClosed() async throws {
        let store = MemorySecretStore()
        let key = try SecretKey(SymmetricKey(size: .bits256))
        let vault = SecretVault(store: store, key: key)
        try await vault.set("db.password", value: Data("hunter2-but-longer".utf8), tenantID: .default, actor: "alice")

        let other = SecretVault(store: store, key: try SecretKey(SymmetricKey(size: .bits256)))
        let wrongKey = await error { _ = try await other.value(of: "db.password", tenantID: .default) }
        #expect(wrongKey?.code == .wrongKey)
        #expect(wrongKey?.message.contains(key.id) == true)

        var sealed = try #require(try await store.sealedSecret(named: "db.password", tenantID: .default))
        var altered = sealed
        altered.sealed[altered.sealed.count - 20] ^= 0x01
        _ = try await store.putSecret(altered, actor: "mallory")
        #expect(await error { _ = try await vault.value(of: "db.password", tenantID: .default) }?.code == .tampered)

        sealed.name = "web.password"
        _ = try await store.putSecret(sealed, actor: "mallory")
        #expect(await error { _ = try await vault.value(of: "web.password", tenantID: .default) }?.code == .tampered)
        sealed.name = "db.password"
        sealed.tenantID = TenantID("other")
        _ = try await store.putSecret(sealed, actor: "mallory")
        #expect(await error { _ = try await vault.value(of: "db.password", tenantID: TenantID("other")) }?.code == .tampered)

        #expect(await error { _ = try await vault.value(of: "missing", tenantID: .default) }?.code == .notFound)
    }

    @Test("names and values are checked before anything is stored", arguments: [
        ("", "x"), (".hidden", "x"), ("a/b", "x"), ("../etc", "x"), ("name with space", "x"), (String(repeating: "a", count: 129), "x"),
    ])
    func badNames(name: String, value: String) async throws {
        let store = MemorySecretStore()
        let vault = SecretVault(store: store, key: try SecretKey(SymmetricKey(size: .bits256)))
        #expect(await error { try await vault.set(name, value: Data(value.utf8), tenantID: .default, actor: "alice") }?.code == .badName)
        #expect(try await store.secrets(tenantID: .default).isEmpty)
    }

    @Test("an empty or oversized value is refused")
    func badValues() async throws {
        let vault = SecretVault(store: MemorySecretStore(), key: try SecretKey(SymmetricKey(size: .bits256)))
        #expect(await error { try await vault.set("a", value: Data(), tenantID: .default, actor: "alice") }?.code == .badValue)
        let big = Data(repeating: 0x41, count: SecretVault.maximumValueBytes + 1)
        #expect(await error { try await vault.set("a", value: big, tenantID: .default, actor: "alice") }?.code == .badValue)
    }

    @Test("key files: created 0600 and never overwritten, refused when others can read them or malformed")
    func keyFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("remediator-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("secret.key").path
        let created = try SecretKey.create(file: path)
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        #expect(try SecretKey.load(file: path).id == created.id)
        #expect(throws: SecretError.self) { _ = try SecretKey.create(file: path) }

        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        #expect { _ = try SecretKey.load(file: path) } throws: { ($0 as? SecretError)?.message.contains("chmod 600") == true }

        #expect(throws: SecretError.self) { _ = try SecretKey(base64: "c2hvcnQ=", origin: "REMEDIATOR_SECRET_KEY") }
        #expect(throws: SecretError.self) { _ = try SecretKey(base64: "not base64!", origin: "REMEDIATOR_SECRET_KEY") }
        let text = Data(repeating: 7, count: 32).base64EncodedString()
        #expect(try SecretKey(base64: text + "\n", origin: "test").id == SecretKey(base64: text, origin: "test").id)
        #expect(try SecretKey(base64: text, origin: "test").id.hasPrefix("k-"))
    }
}
