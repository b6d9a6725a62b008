import Crypto
import RemediatorCore

/// Stable identities for "this problem on this thing".
public enum Fingerprint {
    /// SHA-256 (hex, first 32 characters) over the parts, each length-prefixed so that
    /// `("ab", "c")` and `("a", "bc")` differ.
    public static func make(_ parts: [String]) -> String {
        var hasher = SHA256()
        for part in parts {
            let bytes = Array(part.utf8)
            hasher.update(data: Array("\(bytes.count):".utf8))
            hasher.update(data: bytes)
        }
        return Hex.string(hasher.finalize().prefix(16))
    }

    /// A fingerprint over a label set, independent of label order.
    public static func make(source: String, labels: [String: String]) -> String {
        var parts = [source]
        for key in labels.keys.sorted() {
            parts.append(key)
            parts.append(labels[key] ?? "")
        }
        return make(parts)
    }
}
