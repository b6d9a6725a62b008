/// Weakening the host's defences: permissions, firewalls, SELinux, sudo, accounts, audit
/// and the logs that record what happened.
enum SecurityRules {
    private static let sensitive: Set<String> = ["/etc/shadow", "/etc/gshadow", "/etc/sudoers", "/etc/passwd"]

    static let shellsAndInterpreters: Set<String> = [
        "bash", "sh", "dash", "zsh", "ksh", "csh", "tcsh", "fish", "python", "python2", "python3", "perl", "ruby", "php", "node",
        "lua", "find", "vim", "vi", "nano", "less", "more", "awk", "gawk", "env", "cp", "tar", "nmap", "busybox", "socat", "nc",
    ]
    static let privilegedGroups: Set<String> = ["sudo", "wheel", "admin", "root", "adm", "docker", "lxd", "disk", "shadow"]

    /// The commands the switch below has cases for; ``BashCommandRules`` calls ``check(_:report:)``
    /// for these only. Keep it in step with the cases.
    static let commands: Set<String> = [
        "chmod", "chown", "chgrp", "ufw", "iptables", "ip6tables", "nft", "iptables-legacy", "iptables-nft", "setenforce",
        "aa-teardown", "aa-disable", "aa-complain", "auditctl", "useradd", "adduser", "usermod", "gpasswd", "addgroup", "passwd",
        "chpasswd", "visudo", "history", "unset", "export", "declare", "set", "journalctl",
    ]

    static func check(_ invocation: CommandInvocation, report: BashCommandRules.Report) {
        let arguments = invocation.values
        let operands = invocation.operandValues
        let offset = invocation.offset
        switch invocation.name {
        case "chmod":
            checkChmod(invocation, report: report)
        case "chown", "chgrp":
            if let owner = operands.first, owner.contains("root") == false, invocation.operands.dropFirst().contains(where: { ["/etc/shadow", "/etc/sudoers", "/etc/passwd"].contains($0.value ?? "") }) {
                report(RuleCatalog.accountFiles, offset, "\(invocation.name) \(operands.joined(separator: " "))")
            }
        case "ufw":
            if operands.first == "disable" || operands == ["default", "allow"] || operands.starts(with: ["default", "allow", "incoming"]) {
                report(RuleCatalog.firewallDisabled, offset, "ufw \(operands.joined(separator: " "))")
            }
        case "iptables", "ip6tables", "nft", "iptables-legacy", "iptables-nft":
            if isFirewallDisabled(invocation) { report(RuleCatalog.firewallDisabled, offset, "\(invocation.name) \(arguments.joined(separator: " "))") }
        case "setenforce":
            if ["0", "permissive", "Permissive"].contains(operands.first ?? "") { report(RuleCatalog.selinuxDisabled, offset, "setenforce 0") }
        case "aa-teardown", "aa-disable", "aa-complain":
            report(RuleCatalog.selinuxDisabled, offset, invocation.name)
        case "auditctl":
            if arguments.contains("-D") || (arguments.firstIndex(of: "-e").map { $0 + 1 < arguments.count && arguments[$0 + 1] == "0" } ?? false) {
                report(RuleCatalog.auditDisabled, offset, "auditctl \(arguments.joined(separator: " "))")
            }
        case "useradd", "adduser", "usermod", "gpasswd", "addgroup":
            if grantsAdministration(invocation) { report(RuleCatalog.newAdmin, offset, "\(invocation.name) \(arguments.joined(separator: " "))") }
        case "passwd":
            if arguments.contains("-d") || arguments.contains("--delete") || arguments.contains("-u") && operands.contains("root") {
                report(RuleCatalog.accountFiles, offset, "passwd \(arguments.joined(separator: " "))")
            }
        case "chpasswd":
            report(RuleCatalog.accountFiles, offset, invocation.name)
        case "visudo":
            if !arguments.contains("-c") && !arguments.contains("--check") { report(RuleCatalog.sudoers, offset, "visudo") }
        case "history":
            if arguments.contains("-c") || arguments.contains("-w") && arguments.contains("/dev/null") { report(RuleCatalog.logsCleared, offset, "history \(arguments.joined(separator: " "))") }
        case "unset":
            if operands.contains("HISTFILE") { report(RuleCatalog.logsCleared, offset, "unset HISTFILE") }
        case "export", "declare", "set":
            if arguments.contains(where: { $0 == "HISTFILE=/dev/null" || $0 == "HISTSIZE=0" || $0.hasPrefix("HISTFILE=/dev/null") }) || arguments == ["+o", "history"] {
                report(RuleCatalog.logsCleared, offset, "turns shell history off")
            }
        case "journalctl":
            if arguments.contains("--rotate") && arguments.contains(where: { $0.hasPrefix("--vacuum-time=1") && $0.count <= 17 }) {
                report(RuleCatalog.systemConfigurationEdit, offset, "journalctl clears the journal")
            }
        default:
            break
        }
    }

    /// iptables/nft that remove every rule or open everything: a flush with a DROP or ACCEPT
    /// policy, `nft flush ruleset`, stopping the firewall service.
    static func isFirewallDisabled(_ invocation: CommandInvocation) -> Bool {
        let arguments = invocation.values
        switch invocation.name {
        case "nft":
            return arguments.starts(with: ["flush", "ruleset"]) || arguments.starts(with: ["delete", "table"])
        case "ufw":
            return arguments.first == "disable"
        default:
            let flushes = arguments.contains("-F") || arguments.contains("--flush") || arguments.contains("-X")
            let policy = arguments.firstIndex(of: "-P").map { $0 + 2 < arguments.count ? arguments[$0 + 2] : "" } ?? ""
            return flushes && arguments.count <= 3 || ["DROP", "ACCEPT"].contains(policy) && ["INPUT", "OUTPUT", "FORWARD"].contains(arguments.firstIndex(of: "-P").map { arguments[$0 + 1] } ?? "")
        }
    }

    /// uid 0, duplicate uids, or membership in sudo/wheel/admin-like groups.
    static func grantsAdministration(_ invocation: CommandInvocation) -> Bool {
        let arguments = invocation.values
        if arguments.contains("-o") { return true }
        for (index, argument) in arguments.enumerated() {
            let next = index + 1 < arguments.count ? arguments[index + 1] : ""
            if ["-u", "--uid"].contains(argument), next == "0" { return true }
            if ["-G", "-aG", "-g", "--groups", "--gid", "-a"].contains(argument) || argument.hasPrefix("-a") && argument.hasSuffix("G") {
                if next.split(separator: ",").contains(where: { privilegedGroups.contains(String($0)) }) { return true }
            }
        }
        if ["adduser", "gpasswd"].contains(invocation.name), let group = invocation.operands.last?.value, privilegedGroups.contains(group), invocation.operands.count >= 2 {
            return true
        }
        return false
    }

    static func checkChmod(_ invocation: CommandInvocation, report: BashCommandRules.Report) {
        let recursive = invocation.hasFlag(["R"], long: ["--recursive"])
        let operands = invocation.operands
        guard let mode = operands.first?.value else { return }
        var targets = Array(operands.dropFirst())
        if case .foundUnder(let starts, _)? = invocation.dynamicArguments { targets += starts }
        if isSetuid(mode) {
            for target in targets {
                let name = Wrappers.baseName(target.value ?? "")
                if target.value == nil || shellsAndInterpreters.contains(name) || !(target.value ?? "").hasPrefix("/usr/") {
                    report(RuleCatalog.setuidShell, target.offset, "chmod \(mode) \(target.display)")
                }
            }
            return
        }
        let sensitive = Self.sensitive
        for target in targets where sensitive.contains(target.value ?? "") && isReadableOrWritableByOthers(mode) {
            report(RuleCatalog.chmodWorldWritable, target.offset, "chmod \(mode) \(target.display)")
        }
        guard isWorldWritable(mode) else { return }
        for target in targets {
            switch invocation.scope(of: target, recursive: recursive) {
            case .root, .systemDirectory:
                report(RuleCatalog.chmodWorldWritable, target.offset, "chmod \(recursive ? "-R " : "")\(mode) \(target.display)")
            case .ordinary where recursive, .unresolved where recursive:
                report(RuleCatalog.chmodWorldWritableElsewhere, target.offset, "chmod -R \(mode) \(target.display)")
            default:
                continue
            }
        }
    }

    /// `u+s`, `+s`, `g+s`, `4755`, `6755`.
    static func isSetuid(_ mode: String) -> Bool {
        if mode.allSatisfy(\.isNumber) { return mode.count == 4 && (mode.first == "4" || mode.first == "6" || mode.first == "2") }
        return mode.split(separator: ",").contains { clause in
            guard let index = clause.firstIndex(where: { $0 == "+" || $0 == "=" }) else { return false }
            return clause[clause.index(after: index)...].contains("s")
        }
    }

    /// `777`, `0666`, `o+w`, `a+rwx`, `+w`, `ugo=rwx`: others may write.
    static func isWorldWritable(_ mode: String) -> Bool {
        if mode.allSatisfy(\.isNumber) {
            guard let last = mode.last, let digit = last.wholeNumberValue else { return false }
            return digit & 2 != 0
        }
        for clause in mode.split(separator: ",") {
            guard let operatorIndex = clause.firstIndex(where: { $0 == "+" || $0 == "=" }) else { continue }
            let who = clause[..<operatorIndex]
            let permissions = clause[clause.index(after: operatorIndex)...]
            let coversOthers = who.isEmpty || who.contains("o") || who.contains("a")
            if coversOthers && permissions.contains("w") { return true }
        }
        return false
    }

    static func isReadableOrWritableByOthers(_ mode: String) -> Bool {
        if mode.allSatisfy(\.isNumber) { return (mode.last?.wholeNumberValue ?? 0) & 6 != 0 }
        return mode.contains("o+") || mode.contains("a+") || mode.hasPrefix("+")
    }
}
