import Foundation

/// Shutting the host down and killing everything.
enum AvailabilityRules {
    private static let harmless: Set<String> = ["-c", "--help", "--version", "-k"]

    static let powerStates: Set<String> = ["reboot", "poweroff", "halt", "kexec", "suspend", "hibernate", "hybrid-sleep", "suspend-then-hibernate", "emergency", "rescue", "soft-reboot"]
    static let powerTargets: Set<String> = ["ctrl-alt-del.target", "exit.target", "poweroff.target", "reboot.target", "halt.target", "rescue.target", "emergency.target", "runlevel0.target", "runlevel1.target", "runlevel6.target", "kexec.target", "poweroff", "reboot", "halt", "rescue", "emergency"]

    /// Services whose loss cuts operators off or blinds the host; the firewall and audit
    /// daemons count as security.
    static let criticalServices: Set<String> = [
        "ssh", "sshd", "systemd-journald", "rsyslog", "syslog", "systemd-logind", "dbus", "networkmanager", "networking",
        "systemd-networkd", "systemd-resolved", "auditd", "firewalld", "ufw", "iptables", "nftables", "apparmor", "fail2ban", "cron", "crond",
    ]

    static func isCritical(_ unit: String) -> Bool {
        let name = unit.asciiLowercased().replacingOccurrences(of: ".service", with: "").replacingOccurrences(of: ".socket", with: "")
        return criticalServices.contains(name)
    }

    /// The commands the switch below has cases for; ``BashCommandRules`` calls ``check(_:report:)``
    /// for these only. Keep it in step with the cases.
    static let commands: Set<String> = [
        "shutdown", "reboot", "halt", "poweroff", "loginctl", "init", "telinit", "systemctl", "service", "rc-service", "kill",
        "killall5", "pkill", "killall",
    ]

    static func check(_ invocation: CommandInvocation, report: BashCommandRules.Report) {
        let operands = invocation.operandValues
        switch invocation.name {
        case "shutdown", "reboot", "halt", "poweroff":
            let harmless = Self.harmless
            if !invocation.arguments.contains(where: { harmless.contains($0.value ?? "") }) {
                report(RuleCatalog.shutdown, invocation.offset, invocation.name)
            }
        case "loginctl":
            if let verb = operands.first, powerStates.contains(verb) {
                report(RuleCatalog.shutdown, invocation.offset, "loginctl \(verb)")
            }
        case "init", "telinit":
            if let level = operands.first, ["0", "6", "1", "s", "S"].contains(level) {
                report(RuleCatalog.shutdown, invocation.offset, "\(invocation.name) \(level)")
            }
        case "systemctl", "service", "rc-service":
            let verbFirst = invocation.name == "systemctl"
            guard let verb = verbFirst ? operands.first : operands.dropFirst().first else { return }
            let units = verbFirst ? Array(operands.dropFirst()) : Array(operands.prefix(1))
            if ["stop", "disable", "mask", "kill"].contains(verb), let unit = units.first(where: isCritical) {
                let name = unit.asciiLowercased()
                let rule = name.contains("audit") ? RuleCatalog.auditDisabled
                    : ["firewalld", "ufw", "iptables", "nftables"].contains(where: name.hasPrefix) ? RuleCatalog.firewallDisabled
                    : name.hasPrefix("apparmor") ? RuleCatalog.selinuxDisabled : RuleCatalog.criticalService
                report(rule, invocation.offset, "\(invocation.name) \(operands.joined(separator: " "))")
                return
            }
            guard verbFirst else { return }
            if powerStates.contains(verb) {
                report(RuleCatalog.shutdown, invocation.offset, "systemctl \(verb)")
            } else if verb == "isolate" || verb == "start", operands.dropFirst().contains(where: { powerTargets.contains($0) && $0.hasSuffix(".target") || verb == "isolate" && powerTargets.contains($0) }) {
                report(RuleCatalog.shutdown, invocation.offset, "systemctl \(operands.joined(separator: " "))")
            }
        case "kill":
            // `kill -9 -1` / `kill -- -1`: -1 as a target means every process.
            let arguments = invocation.values
            for (position, argument) in arguments.enumerated() where argument == "-1" && position > 0 {
                let previous = arguments[position - 1]
                if previous != "-s" && previous != "-n" {
                    report(RuleCatalog.killAll, invocation.offset, "kill \(arguments.joined(separator: " "))")
                    return
                }
            }
        case "killall5":
            report(RuleCatalog.killAll, invocation.offset, "killall5")
        case "pkill", "killall":
            if operands.contains(where: { ["sshd", "systemd", "init", "dbus-daemon", "systemd-journald", "auditd"].contains($0) }) || invocation.hasFlag([], long: []) && operands.contains("-1") {
                report(RuleCatalog.criticalService, invocation.offset, "\(invocation.name) \(operands.joined(separator: " "))")
            }
        default:
            break
        }
    }
}
