import Crypto
import Foundation
import NIOSSH
import RemediatorCore

/// The server keys a host may present: its `host_key`, or its lines in `known_hosts_file`.
///
/// Any other key — a changed key, a man in the middle, a host that was rebuilt — is
/// refused before a byte of the script is sent. An entry with no key at all is refused
/// when it is loaded; there is no trust-on-first-use.
struct SSHHostKeyPin: Sendable, Equatable {
    /// `TYPE BASE64` of each accepted key.
    let keys: [String]
    /// Where the keys came from, for error messages.
    let source: String

    init(keys: [String], source: String) {
        self.keys = keys
        self.source = source
    }

    /// The pin for an inventory entry: `host_key`, else the known_hosts lines that name
    /// its address (as `addr` on port 22, `[addr]:port` otherwise) or its name.
    static func forHost(_ host: InventoryHost) throws(RemoteExecutionError) -> SSHHostKeyPin {
        if let hostKey = host.hostKey {
            return SSHHostKeyPin(keys: [normalized(hostKey)], source: "host_key")
        }
        guard let path = host.knownHostsFile else {
            throw RemoteExecutionError(.hostKeyMismatch, "host '\(host.name)' has no host_key or known_hosts_file; an unpinned server key is never trusted")
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw RemoteExecutionError(.configuration, "known_hosts_file \(path) for host '\(host.name)' cannot be read: \(error.localizedDescription)")
        }
        let names = [host.address, host.name].map { host.port == 22 ? $0 : "[\($0)]:\(host.port)" }
        let keys = KnownHostsFile.keys(in: text, forAnyOf: names)
        guard !keys.isEmpty else {
            throw RemoteExecutionError(.hostKeyMismatch, "known_hosts_file \(path) has no key for \(names.joined(separator: " or ")); add the server's key (ssh-keyscan, checked out of band)")
        }
        return SSHHostKeyPin(keys: keys, source: path)
    }

    /// Whether any pinned key is RSA, which only the OpenSSH client can check.
    var needsOpenSSH: Bool {
        keys.contains { $0.hasPrefix("ssh-rsa ") }
    }

    /// The keys swift-nio-ssh can compare against.
    var nativeKeys: [NIOSSHPublicKey] {
        keys.compactMap { try? NIOSSHPublicKey(openSSHPublicKey: $0) }
    }

    func accepts(_ presented: NIOSSHPublicKey) -> Bool {
        nativeKeys.contains(presented)
    }

    /// `TYPE BASE64` without a comment.
    static func normalized(_ line: String) -> String {
        line.split(whereSeparator: \.isWhitespace).prefix(2).joined(separator: " ")
    }

    /// SHA256 fingerprint as `ssh-keygen -l` prints it, for error messages.
    static func fingerprint(_ key: NIOSSHPublicKey) -> String {
        let line = String(openSSHPublicKey: key)
        guard let blob = line.split(separator: " ").dropFirst().first.flatMap({ Data(base64Encoded: String($0)) }) else { return line }
        let digest = Data(SHA256.hash(data: blob)).base64EncodedString()
        return "SHA256:" + digest.replacingOccurrences(of: "=", with: "")
    }
}
