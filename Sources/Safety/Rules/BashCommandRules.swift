/// The per-command rules, applied to every resolved ``CommandInvocation``.
enum BashCommandRules {
    typealias Report = (Rule, Int, String?) -> Void

    static func check(_ invocation: CommandInvocation, report: Report) {
        DestructionRules.check(invocation, report: report)
        AvailabilityRules.check(invocation, report: report)
        SecurityRules.check(invocation, report: report)
    }
}
