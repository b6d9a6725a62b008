/// The per-command rules, applied to every resolved ``CommandInvocation``.
enum BashCommandRules {
    typealias Report = (Rule, Int, String?) -> Void

    static func check(_ invocation: CommandInvocation, facts: inout BashScriptFacts, report: Report) {
        DestructionRules.check(invocation, report: report)
        AvailabilityRules.check(invocation, report: report)
        SecurityRules.check(invocation, report: report)
        ChangeRules.check(invocation, report: report)
        NetworkRules.check(invocation, facts: &facts, report: report)
        PersistenceRules.check(invocation, report: report)
        DataPlaneRules.check(name: invocation.name, arguments: invocation.values + inlineInput(invocation), offset: invocation.offset, report: report)
    }

    /// Here-document and here-string text, which database clients read as commands.
    static func inlineInput(_ invocation: CommandInvocation) -> [String] {
        invocation.redirects.compactMap { redirect in
            redirect.hereDocument?.text ?? (redirect.op == .hereString ? redirect.target.staticValue : nil)
        } + (invocation.upstreamText.map { [$0] } ?? [])
    }
}
