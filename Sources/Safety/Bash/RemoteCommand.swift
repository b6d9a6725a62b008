/// The command a remote-execution client runs on the other side.
enum RemoteCommand {
    /// ssh options that take a value.
    private static let sshOptionsWithValue: Set<Character> = ["b", "c", "D", "E", "e", "F", "I", "i", "J", "L", "l", "m", "O", "o", "p", "Q", "R", "S", "W", "w"]

    /// `ssh [options] host command...` → the command as one string (ssh joins the words
    /// with spaces and the remote shell parses them), or `nil` for an interactive login.
    static func ssh(_ arguments: [ResolvedWord]) -> ResolvedWord? {
        var rest = arguments[...]
        var host: ResolvedWord?
        while let word = rest.popFirst() {
            guard let value = word.value, value.hasPrefix("-"), value.count > 1, host == nil else {
                if host == nil {
                    host = word
                    continue
                }
                rest.insert(word, at: rest.startIndex)
                break
            }
            if value == "--" {
                host = rest.popFirst()
                break
            }
            // The last letter of a cluster may take the next word as its value.
            if let last = value.last, sshOptionsWithValue.contains(last), value.count == 2 || !value.dropFirst().dropLast().contains(where: { sshOptionsWithValue.contains($0) }) {
                _ = rest.popFirst()
            }
        }
        guard host != nil, !rest.isEmpty else { return nil }
        return ResolvedWord.joined(Array(rest))
    }
}
