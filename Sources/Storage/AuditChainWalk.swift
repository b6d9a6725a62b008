import RemediatorCore

/// Checks the audit chain entry by entry, in sequence order, recomputing every hash: the
/// same walk for both stores. Stops at the first entry whose sequence, link or hash does
/// not hold, and at the end compares the chain with its recorded head.
struct AuditChainWalk {
    private var expectedSequence: Int64 = 1
    private var previousHash = AuditChain.genesis
    private var checked: Int64 = 0

    /// The verdict if this entry breaks the chain, `nil` if it holds.
    mutating func check(_ row: some StoredRow) throws -> AuditVerification? {
        let sequence = try row.integer("sequence")
        let storedPrevious = try row.text("previous_hash")
        if sequence != expectedSequence {
            return AuditVerification(valid: false, checked: checked, firstBrokenSequence: expectedSequence, reason: "entry \(expectedSequence) is missing")
        }
        if storedPrevious != previousHash {
            return AuditVerification(valid: false, checked: checked, firstBrokenSequence: sequence, reason: "entry \(sequence) does not link to the entry before it")
        }
        let storedHash = try row.text("hash")
        let recomputed = AuditChain.hash(
            sequence: sequence, tenantID: try row.text("tenant_id"), atMilliseconds: try row.integer("at"), actor: try row.text("actor"),
            action: try row.text("action"), subject: try row.text("subject"), detailsJSON: try row.text("details"), previousHash: storedPrevious
        )
        if recomputed != storedHash {
            return AuditVerification(valid: false, checked: checked, firstBrokenSequence: sequence, reason: "entry \(sequence) was modified after it was written")
        }
        previousHash = storedHash
        expectedSequence += 1
        checked += 1
        return nil
    }

    /// The verdict once every entry held: the last entry must be the recorded head, or
    /// entries were removed from the end (which leaves a valid but shorter chain).
    func finish(headSequence: Int64?, headHash: String?) -> AuditVerification {
        if let headSequence, headSequence != checked || headHash != previousHash {
            return AuditVerification(
                valid: false, checked: checked, firstBrokenSequence: checked + 1,
                reason: "the chain ends at entry \(checked) but its recorded head is entry \(headSequence): entries were removed from the end"
            )
        }
        return AuditVerification(valid: true, checked: checked)
    }
}
