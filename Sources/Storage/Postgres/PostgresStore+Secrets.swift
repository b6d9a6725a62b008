public import Foundation
import PostgresNIO
public import RemediatorCore

extension PostgresStore: SecretStore {
    public func putSecret(_ secret: SealedSecret, actor: String) async throws -> SecretSummary {
        try await transaction(at: secret.updatedAt) { transaction in
            let row = try await transaction.firstRow("""
                INSERT INTO secrets (tenant_id, name, sealed, key_id, created_at, updated_at)
                VALUES (\(secret.tenantID.rawValue), \(secret.name), \(secret.sealed), \(secret.keyID),
                    \(Columns.milliseconds(secret.createdAt)), \(Columns.milliseconds(secret.updatedAt)))
                ON CONFLICT (tenant_id, name) DO UPDATE SET sealed = excluded.sealed, key_id = excluded.key_id, updated_at = excluded.updated_at
                RETURNING name, key_id, created_at, updated_at
                """)
            guard let row else { throw StoreError.unavailable("storing secret '\(secret.name)' returned nothing") }
            let summary = try Self.summary(row)
            transaction.appendAudit(AuditEntry(
                tenantID: secret.tenantID, actor: actor, action: summary.createdAt == summary.updatedAt ? "secret.created" : "secret.updated",
                subject: "secret/\(secret.name)", details: ["key_id": secret.keyID]
            ))
            return summary
        }
    }

    public func sealedSecret(named name: String, tenantID: TenantID) async throws -> SealedSecret? {
        try await rows("SELECT * FROM secrets WHERE tenant_id = \(tenantID.rawValue) AND name = \(name)").first.map { row in
            SealedSecret(
                tenantID: TenantID(try row.text("tenant_id")), name: try row.text("name"), sealed: try row.bytes("sealed"),
                keyID: try row.text("key_id"), createdAt: Columns.date(try row.integer("created_at")),
                updatedAt: Columns.date(try row.integer("updated_at"))
            )
        }
    }

    public func secrets(tenantID: TenantID) async throws -> [SecretSummary] {
        try await rows("SELECT name, key_id, created_at, updated_at FROM secrets WHERE tenant_id = \(tenantID.rawValue) ORDER BY name")
            .map(Self.summary)
    }

    public func deleteSecret(named name: String, tenantID: TenantID, actor: String, at now: Date) async throws -> Bool {
        try await transaction(at: now) { transaction in
            let deleted = try await transaction.rows("DELETE FROM secrets WHERE tenant_id = \(tenantID.rawValue) AND name = \(name) RETURNING name")
            guard !deleted.isEmpty else { return false }
            transaction.appendAudit(AuditEntry(tenantID: tenantID, actor: actor, action: "secret.deleted", subject: "secret/\(name)", details: [:]))
            return true
        }
    }

    private static func summary(_ row: PostgresRandomAccessRow) throws -> SecretSummary {
        SecretSummary(
            name: try row.text("name"), keyID: try row.text("key_id"),
            createdAt: Columns.date(try row.integer("created_at")), updatedAt: Columns.date(try row.integer("updated_at"))
        )
    }
}
