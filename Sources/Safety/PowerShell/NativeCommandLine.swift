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
    /// the markers that start with the byte at hand.
    static func isSecretPath(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            for start in bytes.indices {
                for marker in markersByFirstByte[Int(PathText.folded(bytes[start]))] where PathText.matches(marker, in: bytes, at: start) {
                    return true
                }
            }
            return false
        }
    }

    private static let markersByFirstByte: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for marker in markers {
            let bytes = Array(marker.utf8)
            table[Int(bytes[0])].append(bytes)
        }
        return table
    }()
}
