import GRDB
public import RemediatorCore

extension SQLiteStore: APIKeyStore {
    public func apiKey(secretHash: String) async throws -> APIKey? {
        try await read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM api_keys WHERE secret_hash = ?", arguments: [secretHash]),
                  let role = APIKey.Role(rawValue: row["role"] as String) else { return nil }
            return APIKey(
                id: row["id"], tenantID: TenantID(row["tenant_id"] as String), name: row["name"], role: role,
                secretHash: row["secret_hash"], createdAt: Columns.date(row["created_at"] as Int64)
            )
        }
    }

    public func hasAPIKeys() async throws -> Bool {
        try await read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM api_keys") ?? 0 > 0 }
    }

    public func createFirstAPIKey(_ key: APIKey) async throws -> Bool {
        let configuration = self.configuration
        return try await write { db in
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM api_keys") == 0 else { return false }
            try Self.insert(key, db: db)
            var transaction = SQLiteTransaction(db, configuration: configuration, now: key.createdAt)
            try transaction.appendAudit(AuditEntry(
                tenantID: key.tenantID, actor: "system", action: "api_key.bootstrapped", subject: "api_key/\(key.id)",
                details: ["name": key.name, "role": key.role.rawValue]
            ))
            return true
        }
    }

    public func createAPIKey(_ key: APIKey) async throws {
        let configuration = self.configuration
        try await write { db in
            try Self.insert(key, db: db)
            var transaction = SQLiteTransaction(db, configuration: configuration, now: key.createdAt)
            try transaction.appendAudit(AuditEntry(
                tenantID: key.tenantID, actor: "system", action: "api_key.created", subject: "api_key/\(key.id)",
                details: ["name": key.name, "role": key.role.rawValue]
            ))
        }
    }

    private static func insert(_ key: APIKey, db: Database) throws {
        try db.execute(sql: """
            INSERT INTO api_keys (id, tenant_id, name, role, secret_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [key.id, key.tenantID.rawValue, key.name, key.role.rawValue, key.secretHash, Columns.milliseconds(key.createdAt)])
    }
}
