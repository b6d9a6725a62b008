/// What the analyzer and the rules need to know about a command name, found with one
/// lookup per command instead of one set lookup per family and per follow-up.
///
/// Built from the sets each part owns (``DestructionRules/commands``,
/// ``NetworkRules/commands``, ...), so those stay the single place a name is added.
struct CommandTraits: OptionSet, Sendable {
    let rawValue: UInt16

    static let destruction = CommandTraits(rawValue: 1 << 0)
    static let availability = CommandTraits(rawValue: 1 << 1)
    static let security = CommandTraits(rawValue: 1 << 2)
    static let change = CommandTraits(rawValue: 1 << 3)
    static let persistence = CommandTraits(rawValue: 1 << 4)
    static let dataPlane = CommandTraits(rawValue: 1 << 5)
    /// A case of ``NetworkRules/check(_:facts:report:)``'s switch.
    static let network = CommandTraits(rawValue: 1 << 6)
    /// An interpreter other than a shell (python, perl, ...): its inline code is read.
    static let otherInterpreter = CommandTraits(rawValue: 1 << 7)
    /// Followed by ``BashAnalyzer/analyzeInvocation(_:words:downloadInSubstitutions:)`` beyond the rules.
    static let followed = CommandTraits(rawValue: 1 << 8)
    /// A shell (``CommandNames/shells``).
    static let shell = CommandTraits(rawValue: 1 << 9)
    /// A program that carries a byte stream to or from another host (``CommandNames/networkClients``).
    static let networkClient = CommandTraits(rawValue: 1 << 10)

    /// The traits of a command's base name; empty for most commands.
    static func of(_ name: String) -> CommandTraits {
        table[name] ?? []
    }

    private static let table: NameTable<CommandTraits> = {
        var table: [String: CommandTraits] = [:]
        let members: [(Set<String>, CommandTraits)] = [
            (DestructionRules.commands, .destruction), (AvailabilityRules.commands, .availability), (SecurityRules.commands, .security),
            (ChangeRules.commands, .change), (PersistenceRules.commands, .persistence), (DataPlaneRules.programs, .dataPlane),
            (NetworkRules.commands, .network), (CommandNames.otherInterpreters, .otherInterpreter), (BashAnalyzer.commandsFollowed, .followed),
            (CommandNames.shells, .shell), (CommandNames.networkClients, .networkClient),
        ]
        for (commands, trait) in members {
            for command in commands { table[command, default: []].insert(trait) }
        }
        return NameTable(table)
    }()
}
