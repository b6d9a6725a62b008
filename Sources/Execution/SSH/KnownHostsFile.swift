import Crypto
import Foundation

/// Reads OpenSSH `known_hosts` files: plain, wildcard, negated and hashed (`|1|salt|hash`)
/// host patterns, and the `@revoked` marker. `@cert-authority` lines are skipped: host
/// certificates are not supported, so they never make a key acceptable.
enum KnownHostsFile {
    /// `TYPE BASE64` of every key listed for any of `names`, minus revoked ones.
    static func keys(in text: String, forAnyOf names: [String]) -> [String] {
        var accepted: [String] = []
        var revoked: Set<String> = []
        for line in text.split(whereSeparator: \.isNewline) {
            var fields = line.split(whereSeparator: \.isWhitespace).map(String.init)
            guard let first = fields.first, !first.hasPrefix("#") else { continue }
            var marker: String?
            if first.hasPrefix("@") {
                marker = first
                fields.removeFirst()
            }
            guard fields.count >= 3 else { continue }
            let key = fields[1] + " " + fields[2]
            if marker == "@revoked" {
                revoked.insert(key)
                continue
            }
            guard marker == nil, names.contains(where: { matches(patterns: fields[0], name: $0) }) else { continue }
            accepted.append(key)
        }
        return accepted.filter { !revoked.contains($0) }
    }

    /// A comma-separated pattern list matches when some pattern matches and no negated one does.
    static func matches(patterns: String, name: String) -> Bool {
        if patterns.hasPrefix("|1|") { return hashedMatch(patterns, name: name) }
        var matched = false
        for pattern in patterns.split(separator: ",") {
            if pattern.hasPrefix("!") {
                if glob(pattern.dropFirst().lowercased(), name.lowercased()) { return false }
            } else if glob(pattern.lowercased(), name.lowercased()) {
                matched = true
            }
        }
        return matched
    }

    /// `|1|base64(salt)|base64(HMAC-SHA1(salt, name))`, as `HashKnownHosts yes` writes.
    static func hashedMatch(_ field: String, name: String) -> Bool {
        let parts = field.split(separator: "|", omittingEmptySubsequences: true)
        guard parts.count == 3, let salt = Data(base64Encoded: String(parts[1])), let hash = Data(base64Encoded: String(parts[2])) else {
            return false
        }
        let mac = HMAC<Insecure.SHA1>.authenticationCode(for: Data(name.utf8), using: SymmetricKey(data: salt))
        return Data(mac) == hash
    }

    /// `*` and `?` wildcards, as in ssh_config patterns.
    static func glob(_ pattern: some StringProtocol, _ text: some StringProtocol) -> Bool {
        let pattern = Array(pattern.utf8), text = Array(text.utf8)
        var p = 0, t = 0, star = -1, mark = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == UInt8(ascii: "?") || pattern[p] == text[t] {
                p += 1
                t += 1
            } else if p < pattern.count, pattern[p] == UInt8(ascii: "*") {
                star = p
                mark = t
                p += 1
            } else if star >= 0 {
                p = star + 1
                mark += 1
                t = mark
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.count
    }
}
