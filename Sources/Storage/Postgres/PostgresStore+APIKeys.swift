import PostgresNIO
public import RemediatorCore

extension PostgresStore: APIKeyStore {
    public func apiKey(secretHash: String) async throws -> APIKey? {
        guard let row = try await rows("SELECT * FROM api_keys WHERE secret_hash = \(secretHash)").first,
              let role = APIKey.Role(rawValue: try row.text("role")) else { return nil }
        return APIKey(
            id: try row.text("id"), tenantID: TenantID(try row.text("tenant_id")), name: try row.text("name"), role: role,
            secretHash: try row.text("secret_hash"), createdAt: Columns.date(try row.integer("created_at"))
        )
    }

    public func hasAPIKeys() async throws -> Bool {
        try await !rows("SELECT 1 AS one FROM api_keys LIMIT 1").isEmpty
    }

    /// Nodes starting together may all try to create the first key: the audit head lock
    /// taken first makes them take turns, so exactly one does.
    public func createFirstAPIKey(_ key: APIKey) async throws -> Bool {
        try await transaction(at: key.createdAt) { transaction in
            guard try await transaction.rows("SELECT 1 AS one FROM api_keys LIMIT 1").isEmpty else { return false }
            try await Self.insert(key, in: transaction)
            transaction.appendAudit(AuditEntry(
                tenantID: key.tenantID, actor: "system", action: "api_key.bootstrapped", subject: "api_key/\(key.id)",
                details: ["name": key.name, "role": key.role.rawValue]
            ))
            return true
        }
    }

    public func createAPIKey(_ key: APIKey) async throws {
        try await transaction(at: key.createdAt) { transaction in
            try await Self.insert(key, in: transaction)
            transaction.appendAudit(AuditEntry(
                tenantID: key.tenantID, actor: "system", action: "api_key.created", subject: "api_key/\(key.id)",
                details: ["name": key.name, "role": key.role.rawValue]
            ))
        }
    }

    private static func insert(_ key: APIKey, in transaction: PostgresTransaction) async throws {
        try await transaction.run("""
            INSERT INTO api_keys (id, tenant_id, name, role, secret_hash, created_at)
            VALUES (\(key.id), \(key.tenantID.rawValue), \(key.name), \(key.role.rawValue), \(key.secretHash), \(Columns.milliseconds(key.createdAt)))
            """)
    }
}
