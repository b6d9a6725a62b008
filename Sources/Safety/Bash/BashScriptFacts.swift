/// What a bash script did earlier that changes how a later command is judged.
struct BashScriptFacts: Sendable {
    /// Files the script downloaded; running one is running downloaded code.
    var downloadedPaths: Set<String> = []
    /// The script read a secret (password hashes, keys, cloud credentials).
    var readSecrets = false

    func isDownloaded(_ path: String) -> Bool {
        let normalized = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        return downloadedPaths.contains { $0 == normalized || $0.hasSuffix("/" + normalized) || normalized.hasSuffix("/" + $0) }
    }
}
