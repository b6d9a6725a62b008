/// Shutting the host down and killing everything.
enum AvailabilityRules {
    static let powerStates: Set<String> = ["reboot", "poweroff", "halt", "kexec", "suspend", "hibernate", "hybrid-sleep", "suspend-then-hibernate", "emergency", "rescue", "soft-reboot"]
    static let powerTargets: Set<String> = ["ctrl-alt-del.target", "exit.target", "poweroff.target", "reboot.target", "halt.target", "rescue.target", "emergency.target", "runlevel0.target", "runlevel1.target", "runlevel6.target", "kexec.target", "poweroff", "reboot", "halt", "rescue", "emergency"]

    static func check(_ invocation: CommandInvocation, report: BashCommandRules.Report) {
        let operands = invocation.operands.compactMap(\.value)
        switch invocation.name {
        case "shutdown", "reboot", "halt", "poweroff":
            let harmless: Set<String> = ["-c", "--help", "--version", "-k"]
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
        case "systemctl":
            guard let verb = operands.first else { return }
            if powerStates.contains(verb) {
                report(RuleCatalog.shutdown, invocation.offset, "systemctl \(verb)")
            } else if verb == "isolate" || verb == "start", operands.dropFirst().contains(where: { powerTargets.contains($0) && $0.hasSuffix(".target") || verb == "isolate" && powerTargets.contains($0) }) {
                report(RuleCatalog.shutdown, invocation.offset, "systemctl \(operands.joined(separator: " "))")
            }
        case "kill":
            // `kill -9 -1` / `kill -- -1`: -1 as a target means every process.
            let arguments = invocation.arguments.compactMap(\.value)
            for (position, argument) in arguments.enumerated() where argument == "-1" && position > 0 {
                let previous = arguments[position - 1]
                if previous != "-s" && previous != "-n" {
                    report(RuleCatalog.killAll, invocation.offset, "kill \(arguments.joined(separator: " "))")
                    return
                }
            }
        case "killall5":
            report(RuleCatalog.killAll, invocation.offset, "killall5")
        default:
            break
        }
    }
}
