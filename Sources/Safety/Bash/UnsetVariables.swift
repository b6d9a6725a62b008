/// Which variables a script can be sure are unset, so that `"${DIR:?}"/*` on one of them
/// stops the shell before the command runs instead of reaching an unknown directory.
///
/// A name qualifies only when the script text never mentions it except by expanding it
/// (`$NAME`, `${NAME...}` other than `${NAME=...}`/`${NAME:=...}`; the message of a
/// `${OTHER:?message}` is not read) and it is not one the login environment or Remediator
/// provides. Any other mention (`NAME=`, `read NAME`, `for NAME in`, `printf -v NAME`,
/// `((NAME++))`, a path containing the word) disqualifies it: the scan errs towards "may
/// be set", which keeps the finding.
///
/// Names are looked up on demand and remembered, so a script pays for the names it guards
/// and nothing else. A reference type, so copies of the resolver share what was learned.
final class UnsetVariables {
    private let script: String
    /// The script's bytes, copied only when a guarded name is first looked up.
    private lazy var text: [UInt8] = Array(script.utf8)
    private var answers: [String: Bool] = [:]

    /// Takes the text of the whole script, nested strings included.
    init(scanning text: String) {
        self.script = text
    }

    /// Whether nothing in the script or its environment can have set `name`.
    func isCertainlyUnset(_ name: String) -> Bool {
        guard let first = name.utf8.first, Self.isIdentifierStart(first), name.utf8.allSatisfy(Self.isIdentifierByte),
              !Self.isProvidedByEnvironment(name) else { return false }
        if let known = answers[name] { return known }
        let unset = !isMentioned(Array(name.utf8))
        answers[name] = unset
        return unset
    }

    /// Variables a login shell or Remediator's executor sets before the script starts.
    static func isProvidedByEnvironment(_ name: String) -> Bool {
        if environmentNames.contains(name) { return true }
        if environmentPrefixes.contains(where: name.hasPrefix) { return true }
        return name.hasSuffix("_HOME") || name.hasSuffix("PATH")
    }

    private func isMentioned(_ name: [UInt8]) -> Bool {
        var start = 0
        while let found = firstIndex(of: name, from: start) {
            let end = found + name.count
            start = found + 1
            if found > 0, Self.isIdentifierByte(text[found - 1]) { continue }
            if end < text.count, Self.isIdentifierByte(text[end]) { continue }
            if found > 0, text[found - 1] == UInt8(ascii: "$") { continue }
            if found > 1, text[found - 1] == UInt8(ascii: "{"), text[found - 2] == UInt8(ascii: "$") {
                // `${NAME=default}` and `${NAME:=default}` assign.
                if end < text.count, text[end] == UInt8(ascii: "=") { return true }
                if end + 1 < text.count, text[end] == UInt8(ascii: ":"), text[end + 1] == UInt8(ascii: "=") { return true }
                continue
            }
            if isInGuardMessage(found) { continue }
            return true
        }
        return false
    }

    /// Whether `position` lies in the message of a `${OTHER:?message}` on the same line.
    private func isInGuardMessage(_ position: Int) -> Bool {
        var index = position - 1
        while index > 0, text[index] != UInt8(ascii: "{"), text[index] != UInt8(ascii: "}"), text[index] != UInt8(ascii: "\n") {
            index -= 1
        }
        guard index > 0, text[index] == UInt8(ascii: "{"), text[index - 1] == UInt8(ascii: "$") else { return false }
        var cursor = index + 1
        while cursor < position, Self.isIdentifierByte(text[cursor]) { cursor += 1 }
        guard cursor > index + 1, cursor < position else { return false }
        if text[cursor] == UInt8(ascii: "?") { return true }
        return text[cursor] == UInt8(ascii: ":") && cursor + 1 < position && text[cursor + 1] == UInt8(ascii: "?")
    }

    private func firstIndex(of needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= text.count else { return nil }
        var index = start
        while index + needle.count <= text.count {
            if text[index] == first, text[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    private static let environmentNames: Set<String> = [
        "HOME", "PWD", "OLDPWD", "USER", "LOGNAME", "SHELL", "TMPDIR", "TMP", "TEMP", "HOSTNAME", "HOSTTYPE",
        "LANG", "LANGUAGE", "TERM", "MAIL", "DISPLAY", "EDITOR", "VISUAL", "PAGER", "UID", "EUID", "PPID",
        "RANDOM", "SECONDS", "LINENO", "OSTYPE", "MACHTYPE", "IFS", "PS1", "PS2", "PS4", "SHLVL", "TZ",
        "OPTARG", "OPTIND", "REPLY", "CDPATH", "GROUPS", "FUNCNAME", "PIPESTATUS", "ENV", "CONFIG",
    ]

    private static let environmentPrefixes = ["ALERT_", "REMEDIATOR_", "LC_", "XDG_", "SSH_", "SUDO_", "BASH", "DBUS_", "SYSTEMD_", "INVOCATION_", "JOURNAL_"]

    private static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || byte == UInt8(ascii: "_")
    }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
}
