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

    /// Trees that hold the operating system itself: deleting anything inside one
    /// recursively (`/usr/lib/x86_64-linux-gnu`, `/etc/ssh`) breaks the host. Application
    /// data under `/var/lib/APP` or `/opt/APP` is not in this list.
    static let protectedTrees: Set<String> = ["/bin", "/boot", "/dev", "/etc", "/lib", "/lib32", "/lib64", "/libx32", "/proc", "/sbin", "/sys", "/usr"]
    /// ``protectedTrees`` with a `/` after each: what a path inside one starts with.
    private static let protectedTreePrefixes = protectedTrees.map { $0 + "/" }

    /// The proper ancestors of the system directories (`/usr` of `/usr/bin`, and `""` for
    /// the root), so that "an ancestor of one" is one lookup.
    private static let systemAncestors: Set<String> = Set(systemDirectories.flatMap(ancestors))

    /// `path` cut before each `/` in it: `/usr/lib/x` → `""`, `/usr`, `/usr/lib`. Quadratic in
    /// the number of components: for the fixed lists only.
    private static func ancestors(of path: String) -> [String] {
        path.utf8.indices.filter { path.utf8[$0] == UInt8(ascii: "/") }.map { String(decoding: path.utf8[..<$0], as: UTF8.self) }
    }

    /// The scope of a path word. Unknown parts make it unresolved: a variable could hold
    /// `/` or `../../..`, and `${DIR:?}` only guarantees it is not empty. The exception is
    /// `${DIR:?}` on a variable nothing sets: the shell stops there and the path is never used.
    static func scope(of word: ResolvedWord, workingDirectory: String? = nil, recursive: Bool = false) -> Scope {
        guard let value = word.value else { return word.stopsShell ? .ordinary : .unresolved }
        return scope(ofPath: value, workingDirectory: workingDirectory, recursive: recursive)
    }

    static func scope(ofPath raw: String, workingDirectory: String? = nil, recursive: Bool = false) -> Scope {
        var path = raw
        if path.hasPrefix("~") {
            // `~`, `~/x`, `~user`, `~user/x`: a home directory, which is the user's data.
            let rest = path.drop { $0 != "/" }
            if rest.isEmpty || rest.allSatisfy({ $0 == "/" || $0 == "*" || $0 == "." }) {
                return .systemDirectory
            }
            path = "/home/user" + rest
        } else if !path.hasPrefix("/") {
            guard let base = workingDirectory else {
                // Relative to a directory the validator does not know: harmless for a named
                // file, unknown reach for globs and parent references.
                let components = path.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
                let reaches = components.contains("..") || path == "." || components.allSatisfy { isWholeDirectoryGlob($0) || $0 == "." }
                return reaches ? .unresolved : .ordinary
            }
            if base.hasPrefix("~") { return scope(ofPath: base + "/" + path, recursive: recursive) }
            path = base + "/" + path
        }
        let normalized = normalize(path)
        let stripped = stripTrailingGlobs(normalized)
        if stripped == "/" || stripped.isEmpty { return .root }
        if isSystem(stripped) { return .systemDirectory }
        let components = stripped.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
        // A glob reaching into a system directory (/e*, /*/bin, /usr/*bin) can match system paths.
        if let globIndex = components.firstIndex(where: { $0.utf8.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "[") } }) {
            let fixed = "/" + components[..<globIndex].joined(separator: "/")
            if fixed == "/" || isSystem(fixed) || (recursive && isInProtectedTree(fixed)) {
                return .systemDirectory
            }
        }
        if recursive, isInProtectedTree(stripped) { return .systemDirectory }
        return .ordinary
    }

    static func isInProtectedTree(_ path: String) -> Bool {
        // Prefix tests, not the path's ancestors: a path from a script can have a million components.
        protectedTrees.contains(path) || protectedTreePrefixes.contains(where: path.hasPrefix)
    }

    /// Resolves `.`, `..` and repeated slashes; `..` above the root stays at the root.
    static func normalize(_ path: String) -> String {
        // Already normal: absolute, no empty, `.` or `..` component, no trailing slash.
        var previous: UInt8 = 0
        var normal = path.utf8.first == UInt8(ascii: "/")
        for byte in path.utf8 where normal {
            if byte == UInt8(ascii: "/") && previous == UInt8(ascii: "/") || byte == UInt8(ascii: ".") && previous == UInt8(ascii: "/") {
                normal = false
            }
            previous = byte
        }
        if normal, path.utf8.count == 1 || previous != UInt8(ascii: "/") { return path }
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
        // Every whole-directory glob has a `*` or `?`: an absolute path in normal form whose
        // last component has neither is its own result.
        var path = path
        let unchanged = path.withUTF8 { bytes -> Bool in
            guard bytes.count > 1, bytes.first == UInt8(ascii: "/"), bytes.last != UInt8(ascii: "/") else { return false }
            var previous: UInt8 = 0
            var globInLast = false
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "/"):
                    if previous == UInt8(ascii: "/") { return false }
                    globInLast = false
                case UInt8(ascii: "*"), UInt8(ascii: "?"):
                    globInLast = true
                default:
                    break
                }
                previous = byte
            }
            return !globInLast
        }
        if unchanged { return path }
        var components = path.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
        while let last = components.last, isWholeDirectoryGlob(last) {
            components.removeLast()
        }
        return "/" + components.joined(separator: "/")
    }

    static func isWholeDirectoryGlob(_ component: some StringProtocol) -> Bool {
        // Only glob punctuation makes one: a name is rejected on its bytes before the
        // string comparisons.
        guard component.utf8.allSatisfy({ "*?.{},[!]/".utf8.contains($0) }) else { return false }
        switch component {
        case "*", ".*", "*.*", "{*,.*}", ".[!.]*", "?*", "**", "*/": return true
        default: return component.utf8.allSatisfy { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") }
        }
    }

    static func isSystem(_ path: String) -> Bool {
        systemDirectories.contains(path) || systemAncestors.contains(path)
    }
}
