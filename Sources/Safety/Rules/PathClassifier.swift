/// Decides how much of the system a path argument reaches.
enum PathClassifier {
    enum Scope: Sendable, Equatable {
        /// `/`, `/*`, or anything that normalizes to the root.
        case root
        /// A system directory itself or everything directly in it (`/etc`, `/usr/*`, `~`).
        case systemDirectory
        /// Anything else that is known: an application path, a file under /tmp.
        case ordinary
        /// Not known before the script runs.
        case unresolved
    }

    /// Directories whose loss breaks the host. A path is a system path when it is one of
    /// these or an ancestor of one (so `/usr` counts, because it holds `/usr/bin`).
    static let systemDirectories: Set<String> = [
        "/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/lib32", "/lib64", "/libx32", "/opt", "/proc",
        "/root", "/run", "/sbin", "/srv", "/sys", "/usr", "/usr/bin", "/usr/sbin", "/usr/lib", "/usr/lib64",
        "/usr/local", "/usr/local/bin", "/usr/share", "/usr/include", "/var", "/var/lib", "/var/log", "/var/spool",
        "/var/cache", "/var/backups", "/var/mail", "/var/opt", "/var/www", "/mnt", "/media", "/snap",
        "/etc/ssh", "/etc/systemd", "/etc/pam.d", "/etc/sudoers.d", "/var/lib/dpkg", "/var/lib/rpm",
        "/var/lib/mysql", "/var/lib/postgresql", "/var/lib/docker",
        "C:", "C:/Windows", "C:/Windows/System32",
    ]

    static func scope(of word: ResolvedWord) -> Scope {
        guard let value = word.value else {
            // `"${DIR:?}"/x`: the shell stops before an empty value reaches the command.
            if word.guarded { return .ordinary }
            // `/opt/app/releases/$OLD` stays inside a known, non-system directory.
            if let directory = normalizedDirectoryPrefix(word.knownPrefix), directory != "/", !isSystem(directory) {
                return .ordinary
            }
            return .unresolved
        }
        return scope(ofPath: value)
    }

    static func scope(ofPath raw: String) -> Scope {
        var path = raw
        if path == "~" || path.hasPrefix("~/") || (path.hasPrefix("~") && !path.contains("/")) {
            let rest = path.drop { $0 != "/" }
            path = "/home/user" + rest
            if rest.isEmpty || rest.allSatisfy({ $0 == "/" || $0 == "*" || $0 == "." }) {
                return .systemDirectory
            }
        }
        guard path.hasPrefix("/") else { return .ordinary }
        let normalized = normalize(path)
        let stripped = stripTrailingGlobs(normalized)
        if stripped == "/" || stripped.isEmpty { return .root }
        if isSystem(stripped) { return .systemDirectory }
        // A glob in the first component (/e*, /*/bin) can reach system directories.
        let components = stripped.split(separator: "/")
        if let first = components.first, first.contains(where: { $0 == "*" || $0 == "?" || $0 == "[" }) {
            return .systemDirectory
        }
        return .ordinary
    }

    /// Resolves `.`, `..` and repeated slashes; `..` above the root stays at the root.
    static func normalize(_ path: String) -> String {
        var components: [Substring] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(component)
            }
        }
        return "/" + components.joined(separator: "/")
    }

    /// `/etc/*` → `/etc`, `/var/lib/.*` → `/var/lib`: a glob component covering a whole
    /// directory reaches that directory.
    static func stripTrailingGlobs(_ path: String) -> String {
        var components = path.split(separator: "/").map(String.init)
        while let last = components.last, isWholeDirectoryGlob(last) {
            components.removeLast()
        }
        return "/" + components.joined(separator: "/")
    }

    static func isWholeDirectoryGlob(_ component: String) -> Bool {
        ["*", ".*", "*.*", "{*,.*}", ".[!.]*", "?*", "**", "*/"].contains(component)
            || component.allSatisfy { $0 == "*" || $0 == "?" }
    }

    static func isSystem(_ path: String) -> Bool {
        if systemDirectories.contains(path) { return true }
        let withSlash = path + "/"
        return systemDirectories.contains { $0.hasPrefix(withSlash) }
    }

    private static func normalizedDirectoryPrefix(_ prefix: String) -> String? {
        guard prefix.hasPrefix("/"), let slash = prefix.lastIndex(of: "/") else { return nil }
        let directory = String(prefix[..<slash])
        return directory.isEmpty ? nil : normalize(directory)
    }
}
