/// The per-command rules, applied to every resolved ``CommandInvocation``.
enum BashCommandRules {
    typealias Report = (Rule, Int, String?) -> Void

    static func check(_ invocation: CommandInvocation, facts: inout BashScriptFacts, report: Report) {
        // Most commands concern no family but the network one, which looks at every command.
        let families = familiesByCommand[invocation.name] ?? []
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

    /// The families with rules for a command name.
    struct Families: OptionSet {
        let rawValue: UInt8
        static let destruction = Families(rawValue: 1 << 0)
        static let availability = Families(rawValue: 1 << 1)
        static let security = Families(rawValue: 1 << 2)
        static let change = Families(rawValue: 1 << 3)
        static let persistence = Families(rawValue: 1 << 4)
        static let dataPlane = Families(rawValue: 1 << 5)
    }

    /// One lookup per command instead of one per family.
    static let familiesByCommand: [String: Families] = {
        var table: [String: Families] = [:]
        let members: [(Set<String>, Families)] = [
            (DestructionRules.commands, .destruction), (AvailabilityRules.commands, .availability), (SecurityRules.commands, .security),
            (ChangeRules.commands, .change), (PersistenceRules.commands, .persistence), (DataPlaneRules.programs, .dataPlane),
        ]
        for (commands, family) in members {
            for command in commands { table[command, default: []].insert(family) }
        }
        return table
    }()

    /// Here-document and here-string text, which database clients read as commands.
    static func inlineInput(_ invocation: CommandInvocation) -> [String] {
        invocation.redirects.compactMap { redirect in
            redirect.hereDocument?.text ?? (redirect.op == .hereString ? redirect.target.staticValue : nil)
        } + (invocation.upstreamText.map { [$0] } ?? [])
    }
}
