import Foundation
import PostgresNIO
public import RemediatorCore

extension PostgresStore: AuditLog {
    public func append(_ entries: [AuditEntry]) async throws {
        guard !entries.isEmpty else { return }
        try await transaction(at: Date()) { transaction in
            for entry in entries {
                transaction.appendAudit(entry)
            }
        }
    }

    public func auditEvents(tenantID: TenantID, subject: String?, after sequence: Int64, limit: Int) async throws -> [AuditEvent] {
        let limit = Int64(min(max(limit, 1), 1000))
        if let subject {
            return try await rows("""
                SELECT * FROM audit_events WHERE tenant_id = \(tenantID.rawValue) AND subject = \(subject) AND sequence > \(sequence)
                ORDER BY sequence LIMIT \(limit)
                """).map(StoredRows.auditEvent)
        }
        return try await rows("""
            SELECT * FROM audit_events WHERE tenant_id = \(tenantID.rawValue) AND sequence > \(sequence) ORDER BY sequence LIMIT \(limit)
            """).map(StoredRows.auditEvent)
    }

    /// Walks the chain in order in one snapshot (repeatable read), streaming the rows.
    public func verifyAuditChain() async throws -> AuditVerification {
        try await write { connection in
            try await connection.run("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: self.logger)
            var walk = AuditChainWalk()
            for try await row in try await connection.query("SELECT * FROM audit_events ORDER BY sequence", logger: self.logger) {
                if let broken = try walk.check(row.makeRandomAccess()) { return broken }
            }
            let head = try await connection.firstRow("SELECT sequence, hash FROM audit_head WHERE id = 1", logger: self.logger)
            return walk.finish(headSequence: try head?.integer("sequence"), headHash: try head?.text("hash"))
        }
    }
}
