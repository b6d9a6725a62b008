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

    static let specs: [String: Spec] = [
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
        "su": Spec(optionsWithValue: ["-g", "-G", "-s", "--group", "--shell", "-w"], leadingOperands: 0, commandStringOptions: ["-c", "--command"], isShellWithoutCommand: true),
        "runuser": Spec(optionsWithValue: ["-u", "-g", "-G", "-s", "--user", "--group", "--shell", "-w"], commandStringOptions: ["-c", "--command"], isShellWithoutCommand: true),
        "xargs": Spec(optionsWithValue: ["-a", "-d", "-E", "-I", "-L", "-n", "-P", "-s", "--arg-file", "--delimiter", "--max-args", "--max-procs", "--max-lines", "--replace"]),
        "watch": Spec(optionsWithValue: ["-n", "-d", "--interval", "--differences"]),
        "systemd-run": Spec(optionsWithValue: ["-u", "-p", "-E", "--unit", "--property", "--setenv", "--uid", "--gid", "-M", "--machine"]),
    ]

    /// What unwrapping a command's words found.
    enum Unwrapped {
        /// The words of the command that really runs (may be the input unchanged).
        case command(words: [ResolvedWord], viaXargs: Bool)
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
        while let head = words.first, rounds < 16 {
            rounds += 1
            guard let value = head.value else { return .dynamic(head) }
            let name = baseName(value)
            guard let spec = specs[name] else { break }
            if name == "xargs" { viaXargs = true }
            words = words.dropFirst()
            var operandsToSkip = spec.leadingOperands
            while let next = words.first {
                guard let option = next.value else {
                    if operandsToSkip > 0 {
                        operandsToSkip -= 1
                        words = words.dropFirst()
                        continue
                    }
                    break
                }
                if option == "--" {
                    words = words.dropFirst()
                    break
                }
                if spec.queryOptions.contains(option) { return .nothing }
                if spec.commandStringOptions.contains(option) {
                    guard let string = words.dropFirst().first else { return .nothing }
                    return .commandString(string, wrapper: name)
                }
                if option.hasPrefix("-"), option.count > 1, operandsToSkip == spec.leadingOperands || spec.leadingOperands == 0 {
                    let flag = String(option.prefix { $0 != "=" })
                    words = words.dropFirst()
                    if spec.optionsWithValue.contains(flag), !option.contains("=") {
                        words = words.dropFirst()
                    }
                    continue
                }
                if spec.skipsAssignments, option.contains("="), let first = option.first, first.isLetter || first == "_" {
                    words = words.dropFirst()
                    continue
                }
                if operandsToSkip > 0 {
                    operandsToSkip -= 1
                    words = words.dropFirst()
                    continue
                }
                break
            }
            if words.isEmpty {
                return spec.isShellWithoutCommand ? .nothing : .command(words: [], viaXargs: viaXargs)
            }
            if name == "watch" {
                // `watch "cmd args"` hands its arguments to sh -c.
                if words.count == 1, let only = words.first { return .commandString(only, wrapper: name) }
            }
        }
        return .command(words: Array(words), viaXargs: viaXargs)
    }

    static func baseName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}

/// Names the rules care about.
enum CommandNames {
    static let shells: Set<String> = ["sh", "bash", "dash", "zsh", "ksh", "mksh", "ash", "yash", "busybox", "rbash", "fish", "tcsh", "csh"]
    static let otherInterpreters: Set<String> = [
        "python", "python2", "python3", "perl", "ruby", "node", "nodejs", "php", "lua", "pwsh", "powershell", "tclsh",
    ]
    static let downloaders: Set<String> = ["curl", "wget", "fetch", "aria2c", "lwp-download", "lwp-request", "GET", "http", "https", "xh"]
    static let queryOnlyShellOptions: Set<String> = ["-n", "--version", "--help"]
}
