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
                ).map(SQLiteRows.auditEvent)
            }
            return try Row.fetchAll(
                db, sql: "SELECT * FROM audit_events WHERE tenant_id = ? AND sequence > ? ORDER BY sequence LIMIT ?",
                arguments: [tenantID.rawValue, sequence, limit]
            ).map(SQLiteRows.auditEvent)
        }
    }

    /// Walks the chain in order, recomputing every hash; stops at the first entry whose
    /// sequence, link or hash does not hold.
    public func verifyAuditChain() async throws -> AuditVerification {
        try await read { db in
            let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM audit_events ORDER BY sequence")
            var expectedSequence: Int64 = 1
            var previousHash = AuditChain.genesis
            var checked: Int64 = 0
            while let row = try cursor.next() {
                let sequence: Int64 = row["sequence"]
                let storedPrevious: String = row["previous_hash"]
                let storedHash: String = row["hash"]
                if sequence != expectedSequence {
                    return AuditVerification(valid: false, checked: checked, firstBrokenSequence: expectedSequence, reason: "entry \(expectedSequence) is missing")
                }
                if storedPrevious != previousHash {
                    return AuditVerification(valid: false, checked: checked, firstBrokenSequence: sequence, reason: "entry \(sequence) does not link to the entry before it")
                }
                let recomputed = AuditChain.hash(
                    sequence: sequence, tenantID: row["tenant_id"], atMilliseconds: row["at"], actor: row["actor"],
                    action: row["action"], subject: row["subject"], detailsJSON: row["details"], previousHash: storedPrevious
                )
                if recomputed != storedHash {
                    return AuditVerification(valid: false, checked: checked, firstBrokenSequence: sequence, reason: "entry \(sequence) was modified after it was written")
                }
                previousHash = storedHash
                expectedSequence += 1
                checked += 1
            }
            if let head = try Row.fetchOne(db, sql: "SELECT sequence, hash FROM audit_head WHERE id = 1") {
                let headSequence: Int64 = head["sequence"]
                let headHash: String = head["hash"]
                if headSequence != checked || headHash != previousHash {
                    return AuditVerification(
                        valid: false, checked: checked, firstBrokenSequence: checked + 1,
                        reason: "the chain ends at entry \(checked) but its recorded head is entry \(headSequence): entries were removed from the end"
                    )
                }
            }
            return AuditVerification(valid: true, checked: checked)
        }
    }
}
