import Foundation
import GRDB
public import RemediatorCore

extension SQLiteStore: AuditLog {
    public func append(_ entries: [AuditEntry]) async throws {
        guard !entries.isEmpty else { return }
        let configuration = self.configuration
        try await write { db in
            var transaction = SQLiteTransaction(db, configuration: configuration, now: Date())
            for entry in entries {
                try transaction.appendAudit(entry)
            }
        }
    }

    public func auditEvents(tenantID: TenantID, subject: String?, after sequence: Int64, limit: Int) async throws -> [AuditEvent] {
        let limit = min(max(limit, 1), 1000)
        return try await read { db in
            if let subject {
                return try Row.fetchAll(
                    db, sql: "SELECT * FROM audit_events WHERE tenant_id = ? AND subject = ? AND sequence > ? ORDER BY sequence LIMIT ?",
                    arguments: [tenantID.rawValue, subject, sequence, limit]
                ).map(StoredRows.auditEvent)
            }
            return try Row.fetchAll(
                db, sql: "SELECT * FROM audit_events WHERE tenant_id = ? AND sequence > ? ORDER BY sequence LIMIT ?",
                arguments: [tenantID.rawValue, sequence, limit]
            ).map(StoredRows.auditEvent)
        }
    }

    /// Walks the chain in order, recomputing every hash; stops at the first entry whose
    /// sequence, link or hash does not hold.
    public func verifyAuditChain() async throws -> AuditVerification {
        try await read { db in
            let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM audit_events ORDER BY sequence")
            var walk = AuditChainWalk()
            while let row = try cursor.next() {
                if let broken = try walk.check(row) { return broken }
            }
            let head = try Row.fetchOne(db, sql: "SELECT sequence, hash FROM audit_head WHERE id = 1")
            return walk.finish(headSequence: head?["sequence"], headHash: head?["hash"])
        }
    }
}
