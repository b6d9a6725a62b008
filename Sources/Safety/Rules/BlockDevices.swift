/// Which `/dev` paths are storage (or memory) a script must not write raw data to.
enum BlockDevices {
    private static let harmless: Set<String> = [
        "/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom", "/dev/stdin", "/dev/stdout",
        "/dev/stderr", "/dev/tty", "/dev/console", "/dev/kmsg", "/dev/log",
    ]
    private static let harmlessPrefixes = ["/dev/fd/", "/dev/shm/", "/dev/pts/", "/dev/tcp/", "/dev/udp/", "/dev/mqueue/", "/dev/hugepages/"]

    /// Everything under `/dev` except the character devices scripts legitimately write
    /// to counts: unknown device names fail closed.
    static func isBlockDevice(_ path: String) -> Bool {
        let normalized = PathClassifier.normalize(path)
        guard normalized.hasPrefix("/dev/") else { return false }
        if harmless.contains(normalized) { return false }
        return !harmlessPrefixes.contains { normalized.hasPrefix($0) }
    }
}
