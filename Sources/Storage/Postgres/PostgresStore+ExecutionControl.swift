public import Foundation
import PostgresNIO
public import RemediatorCore

extension PostgresStore: ExecutionControlStore {
    public func executionPause() async throws -> ExecutionPause? {
        try await rows("SELECT reason, actor, since FROM execution_pause WHERE id = 1").first.map { row in
            ExecutionPause(reason: try row.text("reason"), actor: try row.text("actor"), since: Columns.date(try row.integer("since")))
        }
    }

    public func setExecutionPause(_ pause: ExecutionPause?, actor: String, at now: Date) async throws {
        try await transaction(at: now) { transaction in
            if let pause {
                try await transaction.run("""
                    INSERT INTO execution_pause (id, reason, actor, since) VALUES (1, \(pause.reason), \(pause.actor), \(Columns.milliseconds(pause.since)))
                    ON CONFLICT (id) DO UPDATE SET reason = excluded.reason, actor = excluded.actor, since = excluded.since
                    """)
                transaction.appendAudit(AuditEntry(
                    tenantID: .default, actor: actor, action: "execution.paused", subject: "execution", details: ["reason": pause.reason]
                ))
            } else {
                guard try await !transaction.rows("DELETE FROM execution_pause WHERE id = 1 RETURNING id").isEmpty else { return }
                transaction.appendAudit(AuditEntry(tenantID: .default, actor: actor, action: "execution.resumed", subject: "execution"))
            }
        }
    }
}
