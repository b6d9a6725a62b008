public import Foundation
import GRDB
public import RemediatorCore

extension SQLiteStore: ExecutionControlStore {
    public func executionPause() async throws -> ExecutionPause? {
        try await read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT reason, actor, since FROM execution_pause WHERE id = 1")).map { row in
                ExecutionPause(reason: row["reason"], actor: row["actor"], since: Columns.date(row["since"] as Int64))
            }
        }
    }

    public func setExecutionPause(_ pause: ExecutionPause?, actor: String, at now: Date) async throws {
        let configuration = self.configuration
        try await write { db in
            var transaction = SQLiteTransaction(db, configuration: configuration, now: now)
            if let pause {
                try db.execute(sql: """
                    INSERT INTO execution_pause (id, reason, actor, since) VALUES (1, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET reason = excluded.reason, actor = excluded.actor, since = excluded.since
                    """, arguments: [pause.reason, pause.actor, Columns.milliseconds(pause.since)])
                try transaction.appendAudit(AuditEntry(
                    tenantID: .default, actor: actor, action: "execution.paused", subject: "execution", details: ["reason": pause.reason]
                ))
            } else {
                try db.execute(sql: "DELETE FROM execution_pause WHERE id = 1")
                guard db.changesCount > 0 else { return }
                try transaction.appendAudit(AuditEntry(tenantID: .default, actor: actor, action: "execution.resumed", subject: "execution"))
            }
        }
    }
}
