/// The per-command rules, applied to every resolved ``CommandInvocation``.
enum BashCommandRules {
    typealias Report = (Rule, Int, String?) -> Void

    static func check(_ invocation: CommandInvocation, facts: inout BashScriptFacts, report: Report) {
        // Most commands concern no family but the network one, which looks at every command.
        let families = invocation.traits
        if families.contains(.destruction) || DestructionRules.isFilesystemCreation(invocation.name) {
            DestructionRules.check(invocation, report: report)
        }
        if families.contains(.availability) { AvailabilityRules.check(invocation, report: report) }
        if families.contains(.security) { SecurityRules.check(invocation, report: report) }
        if families.contains(.change) { ChangeRules.check(invocation, report: report) }
        NetworkRules.check(invocation, facts: &facts, report: report)
        if families.contains(.persistence) { PersistenceRules.check(invocation, report: report) }
        if families.contains(.dataPlane) {
            DataPlaneRules.check(name: invocation.name, arguments: invocation.values + inlineInput(invocation), offset: invocation.offset, report: report)
        }
    }

    /// Here-document and here-string text, which database clients read as commands.
    static func inlineInput(_ invocation: CommandInvocation) -> [String] {
        invocation.redirects.compactMap { redirect in
            redirect.hereDocument?.text ?? (redirect.op == .hereString ? redirect.target.staticValue : nil)
        } + (invocation.upstreamText.map { [$0] } ?? [])
    }
}
