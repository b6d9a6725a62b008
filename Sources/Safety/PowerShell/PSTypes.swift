/// Type names and text encodings as PowerShell scripts spell them.
enum PSTypes {
    /// `System.Net.WebClient` → `net.webclient`, `[ScriptBlock]` → `scriptblock`.
    static func normalize(_ name: String) -> String {
        var type = name.asciiLowercased()
        // Nearly every type name is plain ASCII without blanks: no walk by characters.
        if type.utf8.contains(where: { $0 <= UInt8(ascii: " ") || $0 >= 0x80 }) { type = type.filter { !$0.isWhitespace } }
        if type.hasPrefix("system.") { type.removeFirst("system.".count) }
        if type.hasPrefix("management.automation.") { type.removeFirst("management.automation.".count) }
        return type
    }

    /// Decodes bytes the way `[Text.Encoding]::<name>.GetString` does; invalid sequences
    /// become U+FFFD, never an error.
    static func decode(_ bytes: [UInt8], encoding: String) -> String {
        switch encoding {
        case "unicode":
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var index = 0
            while index + 1 < bytes.count {
                units.append(UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8)
                index += 2
            }
            return String(decoding: units, as: UTF16.self)
        case "bigendianunicode":
            var units: [UInt16] = []
            var index = 0
            while index + 1 < bytes.count {
                units.append(UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]))
                index += 2
            }
            return String(decoding: units, as: UTF16.self)
        default:
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Encodes text the way `[Text.Encoding]::<name>.GetBytes` does.
    static func encode(_ text: String, encoding: String) -> [UInt8] {
        switch encoding {
        case "unicode":
            return text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case "bigendianunicode":
            return text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        case "ascii":
            return text.unicodeScalars.map { $0.isASCII ? UInt8($0.value) : UInt8(ascii: "?") }
        default:
            return Array(text.utf8)
        }
    }
}

/// PowerShell's built-in aliases, and the rule for turning what a script calls into the
/// command that runs.
enum PSAliases {
    static let builtIn = NameTable<String>([
        "iex": "invoke-expression", "gcm": "get-command", "icm": "invoke-command", "iwr": "invoke-webrequest", "irm": "invoke-restmethod",
        "curl": "invoke-webrequest", "wget": "invoke-webrequest", "saps": "start-process", "start": "start-process",
        "rm": "remove-item", "ri": "remove-item", "del": "remove-item", "erase": "remove-item", "rd": "remove-item",
        "rmdir": "remove-item", "kill": "stop-process", "spps": "stop-process", "spsv": "stop-service",
        "sasv": "start-service", "gsv": "get-service", "gps": "get-process", "ps": "get-process", "gci": "get-childitem",
        "ls": "get-childitem", "dir": "get-childitem", "gc": "get-content", "cat": "get-content", "type": "get-content",
        "sc": "set-content", "ac": "add-content", "sp": "set-itemproperty", "ni": "new-item", "cp": "copy-item",
        "copy": "copy-item", "cpi": "copy-item", "mv": "move-item", "move": "move-item", "mi": "move-item",
        "sal": "set-alias", "nal": "new-alias", "sv": "set-variable", "set": "set-variable", "gv": "get-variable",
        "echo": "write-output", "write": "write-output", "ii": "invoke-item", "ipmo": "import-module",
        "iwmi": "invoke-wmimethod", "gwmi": "get-wmiobject", "rwmi": "remove-wmiobject", "swmi": "set-wmiinstance",
        "clhy": "clear-history", "clc": "clear-content", "cli": "clear-item", "clp": "clear-itemproperty",
        "rp": "remove-itemproperty", "rv": "remove-variable", "foreach": "foreach-object", "%": "foreach-object",
        "where": "where-object", "?": "where-object", "sls": "select-string", "select": "select-object",
        "sajb": "start-job", "ogv": "out-gridview", "h": "get-history", "history": "get-history", "r": "invoke-history",
        "ihy": "invoke-history", "nsn": "new-pssession", "etsn": "enter-pssession", "rcjb": "receive-job",
    ])

    /// The command a name runs: aliases (the script's own first) followed, the path and a
    /// Windows executable extension dropped, lower-cased.
    static func resolve(_ name: String, userAliases: [String: String]) -> String {
        var current = name.asciiLowercased()
        // One pass over the name: where its last path separator is, and whether it has a dot.
        var lastSlash: Int?
        var hasDot = false
        current.withUTF8 { bytes in
            for (offset, byte) in bytes.enumerated() {
                switch byte {
                case UInt8(ascii: "\\"), UInt8(ascii: "/"): lastSlash = offset
                case UInt8(ascii: "."): hasDot = true
                default: break
                }
            }
        }
        if let lastSlash {
            current = String(decoding: current.utf8.dropFirst(lastSlash + 1), as: UTF8.self)
        }
        if hasDot {
            for suffix in executableSuffixes where current.hasSuffix(suffix) {
                // `sc.exe` is the service controller, not the `sc` alias of Set-Content.
                return String(current.dropLast(suffix.count))
            }
        }
        // Most names are no alias: only a chain of them needs guarding against cycles.
        guard !userAliases.isEmpty && userAliases[current] != nil || builtIn[current] != nil else { return current }
        var seen: Set<String> = []
        while seen.insert(current).inserted {
            if let next = userAliases[current] ?? builtIn[current] {
                current = next.asciiLowercased()
            } else {
                break
            }
        }
        return current
    }

    private static let executableSuffixes = [".exe", ".com", ".cmd", ".bat"]

    /// A program's name without path and executable extension, lower-cased.
    static func programName(_ path: String) -> String {
        var name = path.asciiLowercased()
        if let slash = name.lastIndex(where: { $0 == "\\" || $0 == "/" }) { name = String(name[name.index(after: slash)...]) }
        for suffix in [".exe", ".com", ".cmd", ".bat"] where name.hasSuffix(suffix) { return String(name.dropLast(suffix.count)) }
        return name
    }

    /// Commands worth matching a `Get-Command` wildcard against, most dangerous first.
    static let notableCommands = [
        "invoke-expression", "invoke-webrequest", "invoke-restmethod", "invoke-command", "remove-item", "format-volume",
        "clear-disk", "stop-computer", "restart-computer", "set-mppreference", "add-mppreference", "start-process", "new-object",
        "set-executionpolicy", "stop-service", "set-itemproperty", "new-itemproperty", "register-scheduledtask", "new-service",
    ]

    /// PowerShell wildcards: `*` and `?`, case-insensitive (inputs already lower-cased).
    static func wildcard(_ pattern: String, matches text: String) -> Bool {
        let pattern = Array(pattern), text = Array(text)
        var p = 0, t = 0, star = -1, mark = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "?" || pattern[p] == text[t] {
                p += 1; t += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p; mark = t; p += 1
            } else if star >= 0 {
                p = star + 1; mark += 1; t = mark
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
