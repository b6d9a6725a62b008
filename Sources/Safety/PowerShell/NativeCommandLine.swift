/// Splitting Windows command lines the way `cmd.exe` and most programs read them.
enum NativeCommandLine {
    /// Words separated by spaces; double quotes group, and are removed.
    static func split(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        var inWord = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
                inWord = true
            } else if (character == " " || character == "\t") && !quoted {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }

    /// The commands of a `cmd` line: split at `&`, `&&`, `||` and `|` outside quotes,
    /// with `^` escapes removed.
    static func segments(_ line: String) -> [String] {
        var segments: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "^" && !quoted {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
                current.append(character)
            } else if (character == "&" || character == "|") && !quoted {
                if !current.trimmingSpaces().isEmpty { segments.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.trimmingSpaces().isEmpty { segments.append(current) }
        return segments
    }
}

/// Files and stores that hold secrets.
enum Secrets {
    static let markers = [
        "/etc/shadow", "/etc/gshadow", "/.aws/credentials", "/.aws/config", "/.ssh/id_", "/.ssh/identity", "/.kube/config",
        "/.docker/config.json", "/.git-credentials", "/.netrc", "/.pgpass", "/.my.cnf", "/etc/kubernetes/admin.conf",
        "/config/sam", "/config/security", "/config/system", "ntds.dit", "/unattend.xml", "/sysprep.xml",
        "/.azure/accesstokens.json", "/.config/gcloud/credentials", "vault-token", "/etc/ssl/private/",
        "lsass", "/etc/ssh/ssh_host_", "/.gnupg/",
    ]

    /// Whether reading `path` reads a secret (ignoring ASCII case, `\\` read as `/`).
    ///
    /// Asked of every operand of every command, so it walks the path once and tries only
    /// the markers that start with the two bytes at hand.
    static func isSecretPath(_ path: String) -> Bool {
        guard let found = path.utf8.withContiguousStorageIfAvailable({ isSecretPath(bytes: $0) }) else {
            return Array(path.utf8).withUnsafeBufferPointer { isSecretPath(bytes: $0) }
        }
        return found
    }

    static func isSecretPath(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 4 else { return false }
        // Read the tables once, not once per byte through their lazy accessors.
        let slots = firstByteSlots
        let table = markersByFirstTwoBytes
        for start in 0..<(bytes.count - 1) {
            let slot = slots[Int(PathText.folded(bytes[start]))]
            guard slot >= 0 else { continue }
            let candidates = table[Int(slot) << 8 | Int(PathText.folded(bytes[start + 1]))]
            for marker in candidates where PathText.matches(marker, in: bytes, at: start) {
                return true
            }
        }
        return false
    }

    /// For each byte, its slot in ``markersByFirstTwoBytes`` when a marker starts with it, else -1.
    private static let firstByteSlots: [Int8] = {
        var slots = [Int8](repeating: -1, count: 256)
        var next: Int8 = 0
        for marker in markers where slots[Int(marker.utf8.first ?? 0)] < 0 {
            slots[Int(marker.utf8.first ?? 0)] = next
            next += 1
        }
        return slots
    }()

    /// The markers by their first two bytes (slot of the first byte × 256 + the second), so
    /// that a path is walked once and each position tries only markers that can match there.
    private static let markersByFirstTwoBytes: [[[UInt8]]] = {
        let slots = firstByteSlots.filter { $0 >= 0 }.count
        var table = [[[UInt8]]](repeating: [], count: slots << 8)
        for marker in markers {
            let bytes = Array(marker.utf8)
            table[Int(firstByteSlots[Int(bytes[0])]) << 8 | Int(bytes[1])].append(bytes)
        }
        return table
    }()
}
