public import Foundation
import GRDB
public import RemediatorCore

extension SQLiteStore: SecretStore {
    public func putSecret(_ secret: SealedSecret, actor: String) async throws -> SecretSummary {
        let configuration = self.configuration
        return try await write { db in
            let row = try Row.fetchOne(db, sql: """
                INSERT INTO secrets (tenant_id, name, sealed, key_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id, name) DO UPDATE SET sealed = excluded.sealed, key_id = excluded.key_id, updated_at = excluded.updated_at
                RETURNING name, key_id, created_at, updated_at
                """, arguments: [
                    secret.tenantID.rawValue, secret.name, secret.sealed, secret.keyID,
                    Columns.milliseconds(secret.createdAt), Columns.milliseconds(secret.updatedAt),
                ])
            guard let row else { throw StoreError.unavailable("storing secret '\(secret.name)' returned nothing") }
            let summary = Self.summary(row)
            var transaction = SQLiteTransaction(db, configuration: configuration, now: secret.updatedAt)
            try transaction.appendAudit(AuditEntry(
                tenantID: secret.tenantID, actor: actor, action: summary.createdAt == summary.updatedAt ? "secret.created" : "secret.updated",
                subject: "secret/\(secret.name)", details: ["key_id": secret.keyID]
            ))
            return summary
        }
    }

    public func sealedSecret(named name: String, tenantID: TenantID) async throws -> SealedSecret? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM secrets WHERE tenant_id = ? AND name = ?", arguments: [tenantID.rawValue, name]).map { row in
                SealedSecret(
                    tenantID: TenantID(row["tenant_id"] as String), name: row["name"], sealed: row["sealed"], keyID: row["key_id"],
                    createdAt: Columns.date(row["created_at"] as Int64), updatedAt: Columns.date(row["updated_at"] as Int64)
                )
            }
        }
    }

    public func secrets(tenantID: TenantID) async throws -> [SecretSummary] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT name, key_id, created_at, updated_at FROM secrets WHERE tenant_id = ? ORDER BY name", arguments: [tenantID.rawValue])
                .map(Self.summary)
        }
    }

    public func deleteSecret(named name: String, tenantID: TenantID, actor: String, at now: Date) async throws -> Bool {
        let configuration = self.configuration
        return try await write { db in
            try db.execute(sql: "DELETE FROM secrets WHERE tenant_id = ? AND name = ?", arguments: [tenantID.rawValue, name])
            guard db.changesCount > 0 else { return false }
            var transaction = SQLiteTransaction(db, configuration: configuration, now: now)
            try transaction.appendAudit(AuditEntry(tenantID: tenantID, actor: actor, action: "secret.deleted", subject: "secret/\(name)", details: [:]))
            return true
        }
    }

    private static func summary(_ row: Row) -> SecretSummary {
        SecretSummary(
            name: row["name"], keyID: row["key_id"],
            createdAt: Columns.date(row["created_at"] as Int64), updatedAt: Columns.date(row["updated_at"] as Int64)
        )
    }
}
