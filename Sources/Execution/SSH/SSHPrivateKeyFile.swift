import Crypto
import Foundation
import NIOSSH

/// A user's private key as read from a key file or a secret: the OpenSSH format
/// (`-----BEGIN OPENSSH PRIVATE KEY-----`, what `ssh-keygen` writes) or PEM (PKCS#1 RSA,
/// SEC1 EC, PKCS#8).
///
/// Ed25519 and ECDSA keys are used by the built-in SSH client. swift-nio-ssh has no RSA,
/// so an RSA key is handed, as the file it came from, to the system's OpenSSH client.
/// Passphrase-protected keys are refused: the secret store already encrypts keys at rest,
/// and a passphrase would have to be stored next to the key anyway.
enum SSHPrivateKeyFile: Sendable {
    case native(NIOSSHPrivateKey)
    /// An RSA key: only the OpenSSH client can use it.
    case rsa

    /// Parses a key file's text; `source` names it in errors (a path or `secret 'x'`).
    static func parse(_ text: String, source: String) throws(RemoteExecutionError) -> SSHPrivateKeyFile {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let (label, body) = pemBody(trimmed) else {
            throw RemoteExecutionError(.badCredential, "\(source) is not a private key file (no '-----BEGIN ... PRIVATE KEY-----' block)")
        }
        switch label {
        case "OPENSSH PRIVATE KEY":
            return try parseOpenSSH(body, source: source)
        case "RSA PRIVATE KEY":
            guard !trimmed.contains("Proc-Type: 4,ENCRYPTED") else { throw passphraseProtected(source) }
            return .rsa
        case "EC PRIVATE KEY", "PRIVATE KEY":
            if let key = try? P256.Signing.PrivateKey(pemRepresentation: trimmed) { return .native(NIOSSHPrivateKey(p256Key: key)) }
            if let key = try? P384.Signing.PrivateKey(pemRepresentation: trimmed) { return .native(NIOSSHPrivateKey(p384Key: key)) }
            if let key = try? P521.Signing.PrivateKey(pemRepresentation: trimmed) { return .native(NIOSSHPrivateKey(p521Key: key)) }
            if label == "PRIVATE KEY", isPKCS8RSA(body) { return .rsa }
            throw RemoteExecutionError(.badCredential, "\(source): a '\(label)' block that is not an ECDSA P-256/384/521 or RSA key")
        case "ENCRYPTED PRIVATE KEY":
            throw passphraseProtected(source)
        default:
            throw RemoteExecutionError(.badCredential, "\(source): '\(label)' is not a private key format Remediator reads (OpenSSH, PKCS#1, SEC1 or PKCS#8)")
        }
    }

    /// Whether a secret's value looks like a key file rather than a password.
    static func looksLikeKeyFile(_ text: String) -> Bool {
        text.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("-----BEGIN ")
    }

    static func passphraseProtected(_ source: String) -> RemoteExecutionError {
        RemoteExecutionError(.badCredential, "\(source) is protected by a passphrase; store the key without one (`ssh-keygen -p -N ''`): secrets are encrypted at rest")
    }

    /// The label and the decoded body of the first PEM block.
    static func pemBody(_ text: String) -> (String, Data)? {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = lines.first, first.hasPrefix("-----BEGIN "), first.hasSuffix("-----") else { return nil }
        let label = String(first.dropFirst("-----BEGIN ".count).dropLast(5))
        guard let end = lines.firstIndex(of: "-----END \(label)-----") else { return nil }
        // PEM headers (`Proc-Type:`) are not base64.
        let base64 = lines[1..<end].filter { !$0.contains(":") }.joined()
        guard let body = Data(base64Encoded: base64) else { return nil }
        return (label, body)
    }

    /// PKCS#8 `PrivateKeyInfo` naming rsaEncryption (1.2.840.113549.1.1.1).
    static func isPKCS8RSA(_ der: Data) -> Bool {
        let rsaOID: [UInt8] = [0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01]
        return der.prefix(32).firstRange(of: rsaOID) != nil
    }

    /// The `openssh-key-v1` container: magic, cipher, KDF, one public key, then the private
    /// section (two equal check words, the key, a comment, padding).
    static func parseOpenSSH(_ body: Data, source: String) throws(RemoteExecutionError) -> SSHPrivateKeyFile {
        var reader = SSHWireReader(body)
        let malformed = RemoteExecutionError(.badCredential, "\(source) is not a well-formed OpenSSH private key")
        guard reader.readMagic("openssh-key-v1\u{0}"),
              let cipher = reader.readString(), let kdf = reader.readString(), reader.readString() != nil,
              let count = reader.readUInt32(), reader.readString() != nil else { throw malformed }
        guard String(decoding: cipher, as: UTF8.self) == "none", String(decoding: kdf, as: UTF8.self) == "none" else {
            throw passphraseProtected(source)
        }
        guard count == 1 else { throw RemoteExecutionError(.badCredential, "\(source) holds \(count) keys; one is expected") }
        guard let section = reader.readString() else { throw malformed }
        var keys = SSHWireReader(section)
        guard let check1 = keys.readUInt32(), let check2 = keys.readUInt32(), check1 == check2,
              let typeBytes = keys.readString() else { throw malformed }
        let type = String(decoding: typeBytes, as: UTF8.self)
        switch type {
        case "ssh-ed25519":
            guard keys.readString()?.count == 32, let secret = keys.readString(), secret.count == 64,
                  let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: secret.prefix(32)) else { throw malformed }
            return .native(NIOSSHPrivateKey(ed25519Key: key))
        case "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521":
            guard keys.readString() != nil, keys.readString() != nil, let scalar = keys.readString() else { throw malformed }
            // An mpint: big-endian, with a leading zero byte when the top bit is set.
            let raw = scalar.drop { $0 == 0 }
            do {
                switch type {
                case "ecdsa-sha2-nistp256": return .native(NIOSSHPrivateKey(p256Key: try .init(rawRepresentation: leftPadded(raw, to: 32))))
                case "ecdsa-sha2-nistp384": return .native(NIOSSHPrivateKey(p384Key: try .init(rawRepresentation: leftPadded(raw, to: 48))))
                default: return .native(NIOSSHPrivateKey(p521Key: try .init(rawRepresentation: leftPadded(raw, to: 66))))
                }
            } catch {
                throw malformed
            }
        case "ssh-rsa":
            return .rsa
        default:
            throw RemoteExecutionError(.badCredential, "\(source) is a '\(type)' key; Remediator uses ed25519, ECDSA and RSA keys")
        }
    }

    static func leftPadded(_ bytes: Data, to length: Int) -> Data {
        bytes.count >= length ? bytes : Data(repeating: 0, count: length - bytes.count) + bytes
    }
}
