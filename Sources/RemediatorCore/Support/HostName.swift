import Foundation

/// Normalizes what sources call a host.
public enum HostName {
    /// The host without a port, scheme or path: `web-1:9100` → `web-1`,
    /// `[2001:db8::1]:9100` → `2001:db8::1`, `http://web-1:8080/metrics` → `web-1`.
    /// Bare IPv6 addresses are kept whole.
    public static func normalize(_ raw: String) -> String {
        var host = Substring(raw.trimmingCharacters(in: .whitespaces))
        if let scheme = host.range(of: "://") {
            host = host[scheme.upperBound...]
        }
        if let slash = host.firstIndex(of: "/") {
            host = host[..<slash]
        }
        if let at = host.lastIndex(of: "@") {
            host = host[host.index(after: at)...]
        }
        if host.first == "[", let close = host.firstIndex(of: "]") {
            return String(host[host.index(after: host.startIndex)..<close])
        }
        let colons = host.filter { $0 == ":" }.count
        if colons == 1, let colon = host.firstIndex(of: ":") {
            let port = host[host.index(after: colon)...]
            if port.allSatisfy(\.isNumber) {
                host = host[..<colon]
            }
        }
        return String(host)
    }
}
