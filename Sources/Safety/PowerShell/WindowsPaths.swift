/// How much of a Windows system a path reaches, the counterpart of ``PathClassifier``.
enum WindowsPaths {
    /// Directories whose loss breaks Windows or every user on it.
    static let systemDirectories: Set<String> = [
        "c:", "c:/windows", "c:/windows/system32", "c:/windows/syswow64", "c:/windows/winsxs", "c:/program files",
        "c:/program files (x86)", "c:/programdata", "c:/users", "c:/boot", "c:/recovery", "c:/system volume information",
        "c:/users/user", "c:/users/public", "c:/windows/system32/config", "c:/windows/system32/drivers",
    ]
    /// Trees where anything deleted recursively breaks the system.
    static let protectedTrees = ["c:/windows", "c:/program files", "c:/program files (x86)", "c:/boot", "c:/recovery"]
    /// ``protectedTrees`` with a `/` after each: what a path inside one starts with.
    private static let protectedTreePrefixes = protectedTrees.map { $0 + "/" }

    static func scope(of value: PSValue?, recursive: Bool) -> PathClassifier.Scope {
        guard let path = value?.text else { return .unresolved }
        return scope(ofPath: path, recursive: recursive)
    }

    static func scope(ofPath raw: String, recursive: Bool) -> PathClassifier.Scope {
        var path = raw.trimmingSpaces().asciiLowercased().replacingBackslashes()
        if path.hasPrefix("filesystem::") { path.removeFirst("filesystem::".count) }
        if path.hasPrefix("microsoft.powershell.core/filesystem::") { path.removeFirst("microsoft.powershell.core/filesystem::".count) }
        if path.hasPrefix("/") { return PathClassifier.scope(ofPath: raw, recursive: recursive) }
        if path == "~" || path.hasPrefix("~/") {
            path = "c:/users/user" + path.dropFirst()
        }
        if path.hasPrefix("//?/") || path.hasPrefix("//./") { path.removeFirst(4) }
        // A bare drive (`c:`, `d:\`, `c:\*`) is the root of that volume.
        guard path.utf8.count >= 2, path.utf8.dropFirst().first == UInt8(ascii: ":") else {
            return path.isEmpty || path == "." || path.hasPrefix("..") || path.contains("*") ? .unresolved : .ordinary
        }
        let drive = String(path.prefix(2))
        // `/` is ASCII: split the bytes, not the characters.
        var components = path.utf8.dropFirst(2).split(separator: UInt8(ascii: "/")).map { Substring($0) }.filter { $0 != "." }
        var normalized: [Substring] = []
        for component in components {
            if component == ".." { if !normalized.isEmpty { normalized.removeLast() } } else { normalized.append(component) }
        }
        components = normalized
        while let last = components.last, PathClassifier.isWholeDirectoryGlob(last) { components.removeLast() }
        if components.isEmpty { return .root }
        let full = drive + "/" + components.joined(separator: "/")
        let onSystemDrive = drive == "c:"
        if onSystemDrive, systemDirectories.contains(full) { return .systemDirectory }
        if let globIndex = components.firstIndex(where: { $0.contains("*") || $0.contains("?") }) {
            let fixed = drive + (globIndex == 0 ? "" : "/" + components[..<globIndex].joined(separator: "/"))
            if fixed == drive || (onSystemDrive && systemDirectories.contains(fixed)) { return .systemDirectory }
        }
        if recursive, onSystemDrive, protectedTrees.contains(full) || protectedTreePrefixes.contains(where: full.hasPrefix) {
            return .systemDirectory
        }
        return .ordinary
    }
}

extension String {
    /// `\` as `/`, byte by byte (a backslash is never part of a multi-byte character).
    func replacingBackslashes() -> String {
        guard contains("\\") else { return self }
        return String(decoding: utf8.map { $0 == UInt8(ascii: "\\") ? UInt8(ascii: "/") : $0 }, as: UTF8.self)
    }
}
