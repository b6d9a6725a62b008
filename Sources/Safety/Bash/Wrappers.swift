/// Commands that run another command, and how to find the command they run.
enum Wrappers {
    struct Spec {
        /// Options that take a value as the next word (`sudo -u root`).
        var optionsWithValue: Set<String> = []
        /// Positional words between the options and the command (`timeout 30s cmd`: 1).
        var leadingOperands = 0
        /// Options whose value is a shell command string (`su -c 'cmd'`).
        var commandStringOptions: Set<String> = []
        /// Options that turn the wrapper into a query that runs nothing (`command -v`).
        var queryOptions: Set<String> = []
        /// Skips `NAME=value` words (`env A=1 cmd`).
        var skipsAssignments = false
        /// Without a command the wrapper starts an interactive shell (`sudo -s`).
        var isShellWithoutCommand = false
    }

    static let specs = NameTable<Spec>([
        "sudo": Spec(optionsWithValue: ["-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U", "-T", "--user", "--group", "--chdir", "--prompt", "--role", "--type", "--other-user", "--command-timeout", "--close-from", "--host"], isShellWithoutCommand: true),
        "doas": Spec(optionsWithValue: ["-u", "-C"], isShellWithoutCommand: true),
        "env": Spec(optionsWithValue: ["-u", "-C", "--unset", "--chdir"], commandStringOptions: ["-S", "--split-string"], skipsAssignments: true),
        "nohup": Spec(),
        "time": Spec(),
        "builtin": Spec(),
        "exec": Spec(optionsWithValue: ["-a"]),
        "setsid": Spec(),
        "stdbuf": Spec(optionsWithValue: ["-i", "-o", "-e"]),
        "nice": Spec(optionsWithValue: ["-n", "--adjustment"]),
        "ionice": Spec(optionsWithValue: ["-c", "-n", "--class", "--classdata"]),
        "chrt": Spec(leadingOperands: 1),
        "taskset": Spec(leadingOperands: 1),
        "timeout": Spec(optionsWithValue: ["-k", "-s", "--kill-after", "--signal"], leadingOperands: 1),
        "command": Spec(queryOptions: ["-v", "-V"]),
        "unbuffer": Spec(),
        "caffeinate": Spec(),
        "chroot": Spec(optionsWithValue: ["--userspec", "--groups"], leadingOperands: 1),
        "flock": Spec(optionsWithValue: ["-w", "--timeout", "-E", "--conflict-exit-code"], leadingOperands: 1, commandStringOptions: ["-c", "--command"]),
        "su": Spec(optionsWithValue: ["-g", "-G", "-s", "--group", "--shell", "-w", "--whitelist-environment"], leadingOperands: 1, commandStringOptions: ["-c", "--command", "--session-command"], isShellWithoutCommand: true),
        "runuser": Spec(optionsWithValue: ["-u", "-g", "-G", "-s", "--user", "--group", "--shell", "-w"], commandStringOptions: ["-c", "--command"], isShellWithoutCommand: true),
        "xargs": Spec(optionsWithValue: ["-a", "-d", "-E", "-I", "-L", "-n", "-P", "-s", "--arg-file", "--delimiter", "--max-args", "--max-procs", "--max-lines", "--replace"]),
        "watch": Spec(optionsWithValue: ["-n", "-d", "--interval", "--differences"]),
        "busybox": Spec(),
        "coproc": Spec(),
        "pkexec": Spec(optionsWithValue: ["--user"]),
        "nsenter": Spec(optionsWithValue: ["-t", "--target", "-S", "--setuid", "-G", "--setgid", "-w", "--wd", "-r", "--root"]),
        "unshare": Spec(optionsWithValue: ["--propagation", "--setgroups", "-S", "--setuid", "-G", "--setgid", "-R", "--root", "-w", "--wd"]),
        "setpriv": Spec(optionsWithValue: ["--reuid", "--regid", "--groups", "--inh-caps", "--ambient-caps", "--bounding-set", "--securebits", "--selinux-label", "--apparmor-profile"]),
        "chpst": Spec(optionsWithValue: ["-u", "-U", "-b", "-e", "-/", "-C", "-n", "-l", "-L", "-m", "-d", "-o", "-p", "-f", "-c", "-t"]),
        "systemd-run": Spec(optionsWithValue: ["-u", "-p", "-E", "--unit", "--property", "--setenv", "--uid", "--gid", "-M", "--machine"]),
    ])

    /// What unwrapping a command's words found.
    enum Unwrapped {
        /// The words of the command that really runs (may be the input unchanged): a slice
        /// of the input, so that unwrapping copies nothing.
        case command(words: ArraySlice<ResolvedWord>, viaXargs: Bool)
        /// The wrapper runs a shell command string (`su -c STRING`, `env -S STRING`).
        case commandString(ResolvedWord, wrapper: String)
        /// A query or an interactive shell: nothing to check further.
        case nothing
        /// The wrapped command's name is not known.
        case dynamic(ResolvedWord)
    }

    /// Strips wrappers off the front of `words` until the real command is at its head.
    static func unwrap(_ words: [ResolvedWord]) -> Unwrapped {
        var words = words[...]
        var viaXargs = false
        var rounds = 0
        // The head's value is read in place: copying the whole word for every command cost
        // more than the lookup.
        while let head = words.indices.first, rounds < 16 {
            rounds += 1
            guard let value = words[head].value else { return .dynamic(words[head]) }
            let name = baseName(value)
            guard let spec = specs[name] else { break }
            if name == "xargs" { viaXargs = true }
            let wrapper = words[head]
            words = words.dropFirst()
            switch skipOptions(of: spec, in: &words) {
            case .query: return .nothing
            case .commandString(let string): return .commandString(string, wrapper: name)
            case .command: break
            }
            if words.isEmpty {
                // `env` alone prints the environment; `nohup` alone runs nothing.
                if name == "env" { return .command(words: [wrapper], viaXargs: false) }
                return spec.isShellWithoutCommand ? .nothing : .command(words: [], viaXargs: viaXargs)
            }
            if name == "watch", words.count == 1, let only = words.first {
                // `watch "cmd args"` hands its argument to sh -c.
                return .commandString(only, wrapper: name)
            }
        }
        return .command(words: words, viaXargs: viaXargs)
    }

    private enum OptionScan {
        case command
        case query
        case commandString(ResolvedWord)
    }

    /// Consumes a wrapper's options and leading operands, leaving the wrapped command.
    private static func skipOptions(of spec: Spec, in words: inout ArraySlice<ResolvedWord>) -> OptionScan {
        var operandsToSkip = spec.leadingOperands
        while let word = words.first {
            guard let option = word.value else {
                guard operandsToSkip > 0 else { return .command }
                operandsToSkip -= 1
                words = words.dropFirst()
                continue
            }
            if option == "--" {
                words = words.dropFirst()
                return .command
            }
            if spec.queryOptions.contains(option) { return .query }
            if option == "-", spec.isShellWithoutCommand {
                // `su -`: a login shell, not an operand.
                words = words.dropFirst()
                continue
            }
            if option.hasPrefix("--") {
                words = words.dropFirst()
                let parts = option.split(separator: "=", maxSplits: 1).map(String.init)
                let flag = parts[0]
                if spec.commandStringOptions.contains(flag) {
                    if parts.count == 2 { return .commandString(.known(parts[1], source: word.source, offset: word.offset)) }
                    guard let string = words.first else { return .query }
                    return .commandString(string)
                }
                if spec.optionsWithValue.contains(flag), parts.count == 1 { words = words.dropFirst() }
                continue
            }
            if option.hasPrefix("-"), option.count > 1 {
                // A cluster of short options; one taking a value ends it (`-iu root`, `-Scmd`).
                words = words.dropFirst()
                let letters = Array(option.dropFirst())
                for (position, letter) in letters.enumerated() {
                    let flag = "-" + String(letter)
                    let rest = String(letters[(position + 1)...])
                    if spec.commandStringOptions.contains(flag) {
                        if !rest.isEmpty { return .commandString(.known(rest, source: word.source, offset: word.offset)) }
                        guard let string = words.first else { return .query }
                        return .commandString(string)
                    }
                    if spec.optionsWithValue.contains(flag) {
                        if rest.isEmpty { words = words.dropFirst() }
                        break
                    }
                }
                continue
            }
            if spec.skipsAssignments, option.contains("="), let first = option.first, first.isLetter || first == "_" {
                words = words.dropFirst()
                continue
            }
            guard operandsToSkip > 0 else { return .command }
            operandsToSkip -= 1
            words = words.dropFirst()
        }
        return .command
    }

    static func baseName(_ path: String) -> String {
        var path = path
        guard let slash = path.withUTF8({ $0.lastIndex(of: UInt8(ascii: "/")) }) else { return path }
        return String(decoding: path.utf8.dropFirst(slash + 1), as: UTF8.self)
    }
}

/// Names the rules care about.
enum CommandNames {
    static let shells: Set<String> = ["sh", "bash", "dash", "zsh", "ksh", "mksh", "ash", "yash", "rbash", "fish", "tcsh", "csh"]
    /// Paths that name the interpreter's own standard input when given as the script.
    static let standardInputPaths: Set<String> = ["-", "/dev/stdin", "/dev/fd/0", "/proc/self/fd/0"]
    static let otherInterpreters: Set<String> = [
        "python", "python2", "python3", "perl", "ruby", "node", "nodejs", "php", "lua", "pwsh", "powershell", "tclsh",
    ]
    static let downloaders: Set<String> = ["curl", "wget", "fetch", "aria2c", "lwp-download", "lwp-request", "GET", "http", "https", "xh"]
    static let queryOnlyShellOptions: Set<String> = ["-n", "--version", "--help"]
    /// Programs that carry a raw byte stream to or from another host.
    static let networkClients: Set<String> = ["nc", "ncat", "netcat", "telnet", "socat", "openssl", "nc.traditional", "nc.openbsd"]
    /// Windows programs that run code given as arguments, besides the shells above.
    static let interpreterPrograms: Set<String> = shells.union(otherInterpreters).union([
        "cmd", "wscript", "cscript", "mshta", "rundll32", "regsvr32", "msiexec", "wmic", "bitsadmin", "certutil", "schtasks", "reg", "sc",
    ])
}
