/// The tamper-evident audit log.
public protocol AuditLog: Sendable {
    /// Appends entries to the chain (stage handlers append theirs through the job queue,
    /// in the same transaction as the change they describe).
    func append(_ entries: [AuditEntry]) async throws

    /// Entries in chain order after `sequence`, optionally only those about `subject`.
    func auditEvents(tenantID: TenantID, subject: String?, after sequence: Int64, limit: Int) async throws -> [AuditEvent]

    /// Walks the whole chain and reports the first broken link.
    func verifyAuditChain() async throws -> AuditVerification
}
