import Crypto
import Foundation
import RemediatorCore

/// How audit entries are chained: each hash covers the entry and the previous hash.
public enum AuditChain {
    /// The hash before the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    /// SHA-256, hex, over the entry's fields in a fixed order with unambiguous separators.
    public static func hash(
        sequence: Int64, tenantID: String, atMilliseconds: Int64, actor: String, action: String,
        subject: String, detailsJSON: String, previousHash: String
    ) -> String {
        var hasher = SHA256()
        for field in [String(sequence), tenantID, String(atMilliseconds), actor, action, subject, detailsJSON, previousHash] {
            let bytes = Array(field.utf8)
            hasher.update(data: Array("\(bytes.count):".utf8))
            hasher.update(data: bytes)
        }
        return Hex.string(hasher.finalize())
    }

    /// Details as canonical JSON (sorted keys), the form that is hashed and stored.
    static func detailsJSON(_ details: [String: String]) -> String {
        Columns.json(details)
    }
}
