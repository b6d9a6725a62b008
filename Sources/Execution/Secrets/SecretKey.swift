public import Crypto
import RemediatorCore
import Foundation

/// The key that seals secrets at rest (AES-256-GCM).
///
/// It comes from `REMEDIATOR_SECRET_KEY` (32 bytes, base64) or a key file holding the same;
/// without either, the server creates a key file in its data directory on first start.
/// Its ``id`` (a hash of the key, not the key) is stored with every secret, so that a
/// changed key is reported as such.
public struct SecretKey: Sendable {
    let key: SymmetricKey
    /// `k-` and 16 hex digits of a SHA-256 over the key.
    public let id: String

    public init(_ key: SymmetricKey) throws(SecretError) {
        guard key.bitCount == 256 else { throw SecretError(.badKey, "the secret key must be 32 bytes, not \(key.bitCount / 8)") }
        self.key = key
        let digest = key.withUnsafeBytes { bytes in SHA256.hash(data: Data("remediator-secret-key-id\u{0}".utf8) + Data(bytes)) }
        id = "k-" + digest.prefix(8).map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }

    /// A key written as base64 (what `openssl rand -base64 32` prints).
    public init(base64 text: String, origin: String) throws(SecretError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let bytes = Data(base64Encoded: trimmed), bytes.count == 32 else {
            throw SecretError(.badKey, "\(origin) must hold 32 bytes in base64 (e.g. the output of `openssl rand -base64 32`)")
        }
        try self.init(SymmetricKey(data: bytes))
    }

    /// Reads a key file; refuses one that others can read.
    public static func load(file path: String) throws(SecretError) -> SecretKey {
        let attributes: [FileAttributeKey: Any]
        let text: String
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw SecretError(.badKey, "cannot read the secret key file \(path): \(error.localizedDescription)")
        }
        if let mode = attributes[.posixPermissions] as? Int, mode & 0o077 != 0 {
            throw SecretError(.badKey, "the secret key file \(path) is readable by others (mode \(String(mode, radix: 8))); chmod 600 it")
        }
        return try SecretKey(base64: text, origin: "the secret key file \(path)")
    }

    /// Creates a new random key file readable only by this user; refuses to overwrite one.
    public static func create(file path: String) throws(SecretError) -> SecretKey {
        let key = SymmetricKey(size: .bits256)
        let text = key.withUnsafeBytes { Data($0).base64EncodedString() } + "\n"
        if let problem = PrivateFile.create(path, contents: text) {
            throw SecretError(.badKey, "the secret key file: \(problem)")
        }
        return try SecretKey(key)
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
