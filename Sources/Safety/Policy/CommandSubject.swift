/// What a policy needs to know about one command: its name, the paths it names and the
/// services it acts on.
struct CommandSubject: Sendable {
    /// Lower-cased, without directory or `.exe`.
    var name: String
    /// Known arguments and redirection targets that are absolute paths.
    var paths: [String]
    /// Services named by a service manager (`systemctl restart nginx`, `Restart-Service W3SVC`).
    var services: [String]
    /// Some argument is not known before the script runs, so the lists above may be incomplete.
    var hasUnresolvedArguments: Bool

    /// `arguments` holds `nil` for an argument whose value is not known.
    init(name: String, arguments: [String?]) {
        var base = Substring(name.asciiLowercased())
        if let slash = base.lastIndex(where: { $0 == "/" || $0 == "\\" }) { base = base[base.index(after: slash)...] }
        if base.hasSuffix(".exe") { base = base.dropLast(4) }
        let known = arguments.compactMap { $0 }
        self.name = String(base)
        self.paths = known.filter(PolicyPaths.isAbsolute)
        self.services = Self.services(of: self.name, arguments: known)
        self.hasUnresolvedArguments = known.count < arguments.count
    }

    /// The services a service-manager command changes (starts, stops, restarts,
    /// reconfigures); empty for other commands and for queries such as `systemctl status`.
    static func services(of name: String, arguments: [String]) -> [String] {
        let words = arguments.filter { !$0.hasPrefix("-") }
        switch name {
        case "systemctl":
            guard let verb = words.first, !queryVerbs.contains(verb.asciiLowercased()) else { return [] }
            return words.dropFirst().map(unitName)
        case "service", "rc-service":
            guard words.count >= 2, !queryVerbs.contains(words[1].asciiLowercased()) else { return [] }
            return [unitName(words[0])]
        case "sc", "net":
            guard words.count >= 2, !queryVerbs.contains(words[0].asciiLowercased()) else { return [] }
            return [words[1].asciiLowercased()]
        case "restart-service", "stop-service", "start-service", "set-service", "suspend-service", "resume-service", "remove-service":
            // `-Name a,b`, `-Name a`, or positional.
            var names: [String] = []
            var index = 0
            while index < arguments.count {
                let argument = arguments[index]
                if argument.asciiLowercased() == "-name" || argument.asciiLowercased() == "-displayname" || argument.asciiLowercased() == "-inputobject" {
                    if index + 1 < arguments.count { names.append(arguments[index + 1]) }
                    index += 2
                    continue
                }
                if argument.hasPrefix("-") {
                    index += 1
                    continue
                }
                names.append(argument)
                index += 1
            }
            return names.flatMap { $0.split(separator: ",").map { String($0).trimmingSpaces().asciiLowercased() } }
        default:
            return []
        }
    }

    private static let queryVerbs: Set<String> = [
        "status", "show", "cat", "is-active", "is-enabled", "is-failed", "list-units", "list-unit-files", "list-dependencies",
        "help", "query", "queryex", "qc", "qdescription", "qfailure", "getdisplayname", "getkeyname", "enumdepend",
    ]

    /// `nginx.service` → `nginx`; instance units keep their instance (`getty@tty1`).
    private static func unitName(_ unit: String) -> String {
        let lowered = unit.asciiLowercased()
        return lowered.hasSuffix(".service") ? String(lowered.dropLast(8)) : lowered
    }
}
