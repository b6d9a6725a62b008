/// Things that make a change outlive the remediation: cron, systemd units, start-up
/// files, preloaded libraries.
enum PersistenceRules {
    /// The commands the switch below has cases for; ``BashCommandRules`` calls ``check(_:report:)``
    /// for these only. Keep it in step with the cases.
    static let commands: Set<String> = [
        "crontab", "at", "batch", "systemctl", "export", "declare",
    ]

    static func check(_ invocation: CommandInvocation, report: BashCommandRules.Report) {
        let operands = invocation.operandValues
        switch invocation.name {
        case "crontab":
            // Reading (`-l`) and removing (`-r`) are not installing; anything else is.
            let arguments = invocation.values
            if !arguments.contains("-l") && !arguments.contains("-r") {
                // `echo '0 3 * * * find ...' | crontab -`: the new table is known text.
                let readsInput = invocation.operands.isEmpty || invocation.operands.map(\.value) == ["-"]
                if readsInput, let table = invocation.upstreamText, let commands = ScheduledCommands.cronCommands(table, hasUserField: false),
                   ScheduledCommands.areOrdinary(commands) {
                    report(RuleCatalog.scheduledJob, invocation.offset, "crontab \(arguments.joined(separator: " "))")
                } else {
                    report(RuleCatalog.cron, invocation.offset, "crontab \(arguments.joined(separator: " "))")
                }
            }
        case "at", "batch":
            if !invocation.arguments.contains(where: { ["-l", "-r", "-d", "-c"].contains($0.value ?? "") }) {
                report(RuleCatalog.cron, invocation.offset, invocation.name)
            }
        case "systemctl":
            // Enabling a unit the script itself wrote is caught at the write; `link` installs one from anywhere.
            if operands.first == "link" || operands.first == "enable" && operands.contains(where: { $0.hasPrefix("/") }) {
                report(RuleCatalog.systemdUnit, invocation.offset, "systemctl \(operands.joined(separator: " "))")
            }
        case "export", "declare":
            if invocation.arguments.contains(where: { ($0.value ?? "").hasPrefix("LD_PRELOAD=") }) {
                report(RuleCatalog.preload, invocation.offset, "LD_PRELOAD")
            }
        default:
            break
        }
    }
}
