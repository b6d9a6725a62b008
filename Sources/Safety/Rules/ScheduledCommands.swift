import RemediatorCore

/// Commands a scheduler runs later (cron lines, systemd `Exec*=` lines), and whether they
/// are ordinary operations work or a foothold.
///
/// Installing a nightly `find /var/log/app -mtime +14 -delete` is a change a human should
/// approve; installing `* * * * * curl ... | sh` or a unit that starts `/tmp/.x` is how
/// attackers stay on a host. The difference is in the command, so the command is judged.
enum ScheduledCommands {
    /// The commands of crontab text: five time fields (or an `@daily`-style nickname), a
    /// user name in system crontabs (`/etc/crontab`, `/etc/cron.d/*`), then the command.
    /// `nil` when a line is neither a job, a comment nor a variable setting.
    static func cronCommands(_ text: String, hasUserField: Bool) -> [String]? {
        var commands: [String] = []
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = String(rawLine).trimmingSpaces()
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: " ", omittingEmptySubsequences: true).flatMap { $0.split(separator: "\t") }
            if let first = fields.first, first.contains("="), !first.hasPrefix("@"), first.first?.isLetter == true { continue }
            // `@reboot` runs at every boot: that is staying on the host, not maintenance.
            if fields.first == "@reboot" { return nil }
            let timeFields = fields.first?.hasPrefix("@") == true ? 1 : 5
            let skip = timeFields + (hasUserField ? 1 : 0)
            guard fields.count > skip else { return nil }
            commands.append(fields.dropFirst(skip).joined(separator: " "))
        }
        return commands
    }

    /// The commands of a systemd unit: its `ExecStart=`, `ExecStartPre=`, ... values
    /// without the `-@:+!` prefixes.
    static func unitCommands(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).compactMap { rawLine in
            let line = String(rawLine).trimmingSpaces()
            guard line.hasPrefix("Exec"), let equals = line.firstIndex(of: "=") else { return nil }
            return String(line[line.index(after: equals)...].drop { "-@:+! ".contains($0) })
        }
    }

    /// Whether every command is ordinary: the validator allows it and it runs nothing from
    /// a temporary, hidden or home location, where droppers put their payloads.
    static func areOrdinary(_ commands: [String]) -> Bool {
        let validator = SafetyValidator()
        return commands.allSatisfy { command in
            !runsFromWritableLocation(command) && validator.validate(command, language: .bash).verdict == .allow
        }
    }

    /// Whether a Windows task action is ordinary: a program outside temporary and user
    /// locations that is not a script host, or PowerShell running a script file kept
    /// there or inline code the validator allows.
    static func isOrdinaryWindowsAction(program: String, arguments: String) -> Bool {
        guard !runsFromWritableLocation(program), !runsFromWritableLocation(arguments) else { return false }
        let name = PSAliases.programName(program)
        let words = NativeCommandLine.split(arguments)
        // A window nobody may see is something to hide, not maintenance.
        if let index = words.firstIndex(where: { $0.asciiLowercased().hasPrefix("-w") && "-windowstyle".hasPrefix($0.asciiLowercased()) }),
           index + 1 < words.count, words[index + 1].asciiLowercased() == "hidden" {
            return false
        }
        switch name {
        case "powershell", "pwsh":
            let lowered = words.map { $0.asciiLowercased() }
            if let index = lowered.firstIndex(where: { $0 == "-c" || ($0.count >= 3 && "-command".hasPrefix($0)) }) {
                let code = words[(index + 1)...].joined(separator: " ")
                return SafetyValidator().validate(code, language: .powershell).verdict == .allow
            }
            if lowered.contains(where: { $0.count >= 3 && "-encodedcommand".hasPrefix($0) }) { return false }
            return lowered.contains(where: { $0.count >= 2 && "-file".hasPrefix($0) })
        case _ where CommandNames.interpreterPrograms.contains(name):
            return false
        default:
            return true
        }
    }

    static func runsFromWritableLocation(_ command: String) -> Bool {
        let lowered = command.asciiLowercased().replacingBackslashes()
        let places = ["/tmp/", "/var/tmp/", "/dev/shm/", "/run/user/", "~/", "$home", "${home}", "/home/", "/root/", "/appdata/", "/temp/", "/users/public/", "/downloads/"]
        if places.contains(where: lowered.contains) { return true }
        // A hidden directory or file (`/opt/.cache/x`, `/var/lib/.sys`).
        return lowered.contains("/.") && !lowered.contains("/./") && !lowered.contains("/../")
    }
}
