/// Ordinary but consequential changes that a human should look at: service restarts,
/// package changes, container clean-ups, broad deletes in temporary directories.
enum ChangeRules {
    private static let changing: Set<String> = ["install", "upgrade", "dist-upgrade", "full-upgrade", "update", "remove", "purge", "autoremove", "erase", "reinstall", "downgrade", "add", "del", "refresh", "-i", "-U", "-e", "-r", "-s", "-S", "-R", "-Syu", "-P"]
    private static let queries: Set<String> = ["df", "info", "ls", "list", "inspect", "events", "history", "top", "logs", "stats", "port"]

    /// The commands the switch below has cases for; ``BashCommandRules`` calls ``check(_:report:)``
    /// for these only. Keep it in step with the cases.
    static let commands: Set<String> = [
        "systemctl", "service", "rc-service", "apt", "apt-get", "aptitude", "yum", "dnf", "zypper", "apk", "pacman", "snap",
        "flatpak", "pip", "pip3", "npm", "gem", "brew", "dpkg", "rpm", "port", "docker", "podman", "nerdctl", "crictl", "pkill",
        "killall", "rm", "journalctl", "iptables", "ip6tables", "nft", "firewall-cmd", "ufw", "ip", "ifconfig", "route", "nmcli",
        "netplan", "ifdown", "ifup", "useradd", "adduser", "userdel", "deluser", "usermod", "groupadd", "groupmod", "gpasswd",
        "chage", "chsh", "chfn", "sed", "perl",
    ]

    static func check(_ invocation: CommandInvocation, report: BashCommandRules.Report) {
        let operands = invocation.operandValues
        switch invocation.name {
        case "systemctl":
            guard let verb = operands.first else { return }
            let units = operands.dropFirst()
            if ["start", "stop", "restart", "reload", "try-restart", "reload-or-restart", "kill", "enable", "disable", "mask", "unmask", "daemon-reload", "reset-failed", "isolate", "set-property", "revert", "edit"].contains(verb),
               !units.contains(where: { AvailabilityRules.isCritical($0) && ["stop", "disable", "mask", "kill"].contains(verb) }) {
                report(RuleCatalog.serviceChange, invocation.offset, "systemctl \(operands.joined(separator: " "))")
            }
        case "service", "rc-service":
            if operands.count >= 2, ["start", "stop", "restart", "reload", "force-reload"].contains(operands[1]), !AvailabilityRules.isCritical(operands[0]) || operands[1] == "start" || operands[1] == "restart" {
                report(RuleCatalog.serviceChange, invocation.offset, "service \(operands.joined(separator: " "))")
            }
        case "apt", "apt-get", "aptitude", "yum", "dnf", "zypper", "apk", "pacman", "snap", "flatpak", "pip", "pip3", "npm", "gem", "brew", "dpkg", "rpm", "port":
            let changing = Self.changing
            if operands.contains(where: changing.contains) || invocation.arguments.contains(where: { changing.contains($0.value ?? "") }) {
                report(RuleCatalog.packageChange, invocation.offset, "\(invocation.name) \(operands.prefix(3).joined(separator: " "))")
            }
        case "docker", "podman", "nerdctl", "crictl":
            guard let verb = operands.first else { return }
            // `docker system df`, `docker image ls`, `docker container inspect`: looking only.
            let queries = Self.queries
            if operands.count >= 2, ["system", "image", "volume", "container", "network", "builder"].contains(verb), queries.contains(operands[1]) {
                return
            }
            if ["prune", "rm", "rmi", "kill", "stop", "restart", "system", "image", "volume", "container", "network", "builder", "start", "update"].contains(verb) {
                let rule = ["prune", "rm", "rmi", "system", "image", "volume", "builder", "network"].contains(verb) ? RuleCatalog.containerPrune : RuleCatalog.serviceChange
                report(rule, invocation.offset, "\(invocation.name) \(operands.prefix(3).joined(separator: " "))")
            }
        case "pkill", "killall":
            report(RuleCatalog.serviceChange, invocation.offset, "\(invocation.name) \(operands.joined(separator: " "))")
        case "rm":
            for operand in invocation.operands {
                guard let value = operand.value else { continue }
                let normalized = PathClassifier.stripTrailingGlobs(PathClassifier.normalize(value))
                if ["/tmp", "/var/tmp", "/dev/shm"].contains(normalized), value.hasSuffix("*") || invocation.hasFlag(["r", "R"], long: ["--recursive"]) {
                    report(RuleCatalog.broadTemporaryDelete, operand.offset, "rm \(value)")
                }
            }
        case "journalctl":
            if let vacuum = invocation.values.first(where: { $0.hasPrefix("--vacuum-time=") }) {
                let amount = vacuum.dropFirst("--vacuum-time=".count)
                if amount.hasSuffix("s") || amount.hasSuffix("min") || amount.hasSuffix("m") && !amount.hasSuffix("month") || amount.hasSuffix("h") {
                    report(RuleCatalog.systemConfigurationEdit, invocation.offset, "journalctl \(vacuum) removes nearly all journal history")
                }
            }
        case "iptables", "ip6tables", "nft", "firewall-cmd", "ufw":
            if !SecurityRules.isFirewallDisabled(invocation), invocation.arguments.contains(where: { ["-A", "-I", "-D", "-R", "--add-rule", "--add-port", "--add-service", "--remove-port", "allow", "deny", "reject", "limit", "delete", "insert", "add", "--reload", "reload"].contains($0.value ?? "") }) {
                report(RuleCatalog.networkChange, invocation.offset, "\(invocation.name) \(operands.joined(separator: " "))")
            }
        case "ip", "ifconfig", "route", "nmcli", "netplan", "ifdown", "ifup":
            if invocation.arguments.contains(where: { ["down", "del", "delete", "flush", "add", "set", "apply", "change", "replace"].contains($0.value ?? "") }) || invocation.name.hasPrefix("if") {
                report(RuleCatalog.networkChange, invocation.offset, "\(invocation.name) \(operands.joined(separator: " "))")
            }
        case "useradd", "adduser", "userdel", "deluser", "usermod", "groupadd", "groupmod", "gpasswd", "chage", "chsh", "chfn":
            if !SecurityRules.grantsAdministration(invocation) {
                report(RuleCatalog.accountChange, invocation.offset, invocation.name)
            }
        case "sed", "perl":
            if invocation.arguments.contains(where: { ($0.value ?? "").hasPrefix("-i") }) {
                for target in invocation.operands.dropFirst() {
                    guard let path = target.value else { continue }
                    let script = invocation.operands.first?.value ?? ""
                    if let (rule, detail) = FileWriteRules.classify(path, content: script, truncates: false) {
                        report(rule, target.offset, "sed -i: \(detail)")
                    }
                }
            }
        default:
            break
        }
    }
}
