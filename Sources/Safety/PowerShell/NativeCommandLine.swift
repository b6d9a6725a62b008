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

    /// Whether reading `path` reads a secret.
    static func isSecretPath(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            // Without a separator only the markers that are bare names can match.
            let separated = bytes.contains { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") }
            return (separated ? markerBytes : bareMarkerBytes).contains { PathText.contains($0, in: bytes) }
        }
    }

    private static let markerBytes = markers.map { Array($0.utf8) }
    private static let bareMarkerBytes = markerBytes.filter { !$0.contains(UInt8(ascii: "/")) }
}
