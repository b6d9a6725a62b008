import Foundation

/// What writing to a path means, whoever writes it (a redirection, `tee`, `cp`, `sed -i`).
enum FileWriteRules {
    /// The rule a write to `path` breaks, if any. `content` is what is written when known;
    /// `truncates` says the file is emptied or replaced rather than appended to.
    static func classify(_ rawPath: String, content: String?, truncates: Bool) -> (Rule, String)? {
        let path = rawPath.hasPrefix("~") ? "/home/user" + rawPath.dropFirst() : rawPath
        let normalized = path.hasPrefix("/") ? PathClassifier.normalize(path) : path
        let lowered = normalized.asciiLowercased()
        if BlockDevices.isBlockDevice(normalized) { return (RuleCatalog.diskWrite, "writes onto \(normalized)") }
        if lowered == "/proc/sysrq-trigger" { return (RuleCatalog.shutdown, "writes to /proc/sysrq-trigger") }
        if lowered == "/etc/sudoers" || lowered.hasPrefix("/etc/sudoers.d/") { return (RuleCatalog.sudoers, "writes \(normalized)") }
        if lowered.hasSuffix("/.ssh/authorized_keys") || lowered.hasSuffix("/.ssh/authorized_keys2") { return (RuleCatalog.authorizedKeys, "writes \(normalized)") }
        if lowered == "/etc/crontab" || lowered.hasPrefix("/etc/cron.") || lowered.hasPrefix("/var/spool/cron") || lowered.hasPrefix("/etc/anacrontab") {
            // Scripts in /etc/cron.daily and friends are shell scripts, not crontab lines.
            let isScriptDirectory = ["/etc/cron.hourly/", "/etc/cron.daily/", "/etc/cron.weekly/", "/etc/cron.monthly/"].contains(where: lowered.hasPrefix)
            let commands = isScriptDirectory ? content.map { [$0] }
                : content.flatMap { ScheduledCommands.cronCommands($0, hasUserField: !lowered.hasPrefix("/var/spool/cron")) }
            if let commands, ScheduledCommands.areOrdinary(commands) {
                return (RuleCatalog.scheduledJob, "writes \(normalized)")
            }
            return (RuleCatalog.cron, "writes \(normalized)")
        }
        if unitDirectories.contains(where: { lowered.contains($0) }), unitSuffixes.contains(where: lowered.hasSuffix) {
            if let content {
                let commands = ScheduledCommands.unitCommands(content)
                if commands.isEmpty { return (RuleCatalog.systemConfigurationEdit, "edits \(normalized)") }
                if ScheduledCommands.areOrdinary(commands) { return (RuleCatalog.scheduledJob, "writes \(normalized)") }
            }
            return (RuleCatalog.systemdUnit, "writes \(normalized)")
        }
        if profiles.contains(where: { lowered.hasSuffix($0) || lowered.contains($0) && $0.hasSuffix("/") })
            || systemProfiles.contains(lowered) || lowered.hasPrefix("/etc/profile.d/") || lowered.hasPrefix("/etc/zsh/") {
            return (RuleCatalog.shellProfile, "writes \(normalized)")
        }
        if lowered == "/etc/ld.so.preload" { return (RuleCatalog.preload, "writes /etc/ld.so.preload") }
        if accountFiles.contains(lowered) { return (RuleCatalog.newAdmin, "rewrites \(normalized)") }
        if truncates, isLogOrHistory(lowered) { return (RuleCatalog.logsCleared, "empties \(normalized)") }
        if lowered.hasPrefix("/etc/ssh/sshd_config") {
            if weakensSSH(content?.asciiLowercased() ?? "") { return (RuleCatalog.sshWeakened, "\(normalized): \(content ?? "")") }
            return (RuleCatalog.systemConfigurationEdit, "edits \(normalized)")
        }
        if lowered == "/etc/selinux/config", let text = content?.asciiLowercased(), text.contains("selinux=disabled") || text.contains("selinux=permissive") {
            return (RuleCatalog.selinuxDisabled, "SELinux off at next boot")
        }
        if lowered.hasPrefix("/etc/") { return (RuleCatalog.systemConfigurationEdit, "edits \(normalized)") }
        return nil
    }

    // The paths the rules above recognise.
    private static let unitDirectories = ["/etc/systemd/system/", "/lib/systemd/system/", "/usr/lib/systemd/system/", "/run/systemd/system/", "/.config/systemd/"]
    private static let unitSuffixes = [".service", ".timer", ".socket", ".path", ".conf"]
    private static let profiles = ["/.bashrc", "/.bash_profile", "/.bash_login", "/.profile", "/.zshrc", "/.zprofile", "/.config/autostart/", "/etc/xdg/autostart/"]
    private static let systemProfiles: Set<String> = ["/etc/profile", "/etc/bash.bashrc", "/etc/rc.local", "/etc/environment"]
    private static let accountFiles: Set<String> = ["/etc/passwd", "/etc/shadow", "/etc/group", "/etc/gshadow"]
    private static let logsAndHistories: Set<String> = [
        "/var/log/auth.log", "/var/log/secure", "/var/log/wtmp", "/var/log/btmp", "/var/log/lastlog", "/var/log/syslog",
        "/var/log/messages", "/var/log/kern.log", "/var/log/faillog", "/var/run/utmp", "/run/utmp",
    ]

    static func isLogOrHistory(_ path: String) -> Bool {
        logsAndHistories.contains(path) || path.hasPrefix("/var/log/audit/") || path.hasSuffix("_history") || path.hasSuffix("/.bash_history")
            || path.hasPrefix("/var/log/journal")
    }

    /// sshd settings that open root or password logins.
    static func weakensSSH(_ text: String) -> Bool {
        let squeezed = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        return ["permitrootlogin yes", "passwordauthentication yes", "permitemptypasswords yes", "pubkeyauthentication no",
                "permitrootlogin\\s+yes", "permitrootlogin .* yes"].contains { squeezed.contains($0) }
            || weakSSHSetting.firstMatch(in: squeezed, range: NSRange(squeezed.startIndex..., in: squeezed)) != nil
    }

    private static let weakSSHSetting = try! NSRegularExpression(pattern: #"(permitrootlogin|passwordauthentication)\W+yes"#)
}
