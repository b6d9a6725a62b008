/// Path comparison for policies, the same for POSIX and Windows paths.
enum PolicyPaths {
    /// `/x`, `~`, `~/x`, `C:\x`, `C:/x`, `\\server\share`.
    static func isAbsolute(_ path: String) -> Bool {
        if path.hasPrefix("/") || path.hasPrefix("~") || path.hasPrefix("\\\\") { return true }
        let characters = Array(path.prefix(3))
        return characters.count >= 2 && characters[0].isLetter && characters[1] == ":" && (characters.count == 2 || characters[2] == "\\" || characters[2] == "/")
    }

    /// A comparable form: forward slashes, `.` and `..` resolved, no trailing slash or
    /// whole-directory glob; Windows paths lower-cased because their file systems are.
    static func normalize(_ path: String) -> String {
        var text = path.replacingBackslashes()
        let windows = text.count >= 2 && text.first?.isLetter == true && text.dropFirst().first == ":"
        var drive = ""
        if windows {
            drive = String(text.prefix(2)).uppercased()
            text = String(text.dropFirst(2))
        }
        let normalized = PathClassifier.stripTrailingGlobs(PathClassifier.normalize(text))
        return windows ? (drive + normalized).asciiLowercased() : normalized
    }

    /// Whether `path` is `prefix` or inside it.
    static func isWithin(_ path: String, _ prefix: String) -> Bool {
        let path = normalize(path)
        let prefix = normalize(prefix)
        return prefix == "/" || path == prefix || path.hasPrefix(prefix + "/")
    }
}
