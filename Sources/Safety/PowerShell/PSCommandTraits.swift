/// What the PowerShell analyzer and its rules know about a resolved command name, found
/// with one lookup per command instead of one per rule family.
///
/// Built from the tables each part owns (``PSAnalyzer/roles``, ``PSCommandRules/rules``,
/// ``NativeCommandRules/commands``, ``DataPlaneRules/programs``), so those stay the single
/// place a name is added.
struct PSCommandTraits: Sendable {
    /// What the analyzer follows beyond the rules.
    var role: PSCommandRole?
    /// The cmdlet's rule in ``PSCommandRules``.
    var cmdletRule: PSCommandRules.CmdletRule?
    /// ``NativeCommandRules`` has a case for the program.
    var nativeRules = false
    /// ``DataPlaneRules`` has a case for the program.
    var dataPlane = false
    /// What ``PSEvaluator`` knows of the command's output.
    var output: PSOutputCommand?

    /// The traits of a lower-cased, alias-resolved name; none for most commands.
    static func of(_ name: String) -> PSCommandTraits {
        table[name] ?? PSCommandTraits()
    }

    private static let table: NameTable<PSCommandTraits> = {
        var table: [String: PSCommandTraits] = [:]
        for (name, role) in PSAnalyzer.roles { table[name, default: PSCommandTraits()].role = role }
        for (name, rule) in PSCommandRules.rules { table[name, default: PSCommandTraits()].cmdletRule = rule }
        for name in NativeCommandRules.commands { table[name, default: PSCommandTraits()].nativeRules = true }
        for name in DataPlaneRules.programs { table[name, default: PSCommandTraits()].dataPlane = true }
        for (name, output) in PSEvaluator.outputCommands { table[name, default: PSCommandTraits()].output = output }
        return NameTable(table)
    }()
}
