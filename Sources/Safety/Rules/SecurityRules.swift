/// Permission changes that open the host up.
enum SecurityRules {
    static func check(_ invocation: CommandInvocation, report: BashCommandRules.Report) {
        guard invocation.name == "chmod" else { return }
        let recursive = invocation.hasFlag(["R"], long: ["--recursive"])
        let operands = invocation.operands
        guard let mode = operands.first?.value, isWorldWritable(mode) else { return }
        var targets = Array(operands.dropFirst())
        if case .foundUnder(let starts, _)? = invocation.dynamicArguments {
            targets += starts
        }
        for target in targets {
            switch invocation.scope(of: target, recursive: recursive) {
            case .root, .systemDirectory:
                report(RuleCatalog.chmodWorldWritable, target.offset, "chmod \(recursive ? "-R " : "")\(mode) \(target.display)")
            case .ordinary where recursive, .unresolved where recursive:
                report(RuleCatalog.chmodWorldWritableElsewhere, target.offset, "chmod -R \(mode) \(target.display)")
            default:
                continue
            }
        }
    }

    /// `777`, `0666`, `o+w`, `a+rwx`, `+w`, `ugo=rwx`: others may write.
    static func isWorldWritable(_ mode: String) -> Bool {
        if mode.allSatisfy(\.isNumber) {
            guard let last = mode.last, let digit = last.wholeNumberValue else { return false }
            return digit & 2 != 0
        }
        for clause in mode.split(separator: ",") {
            guard let operatorIndex = clause.firstIndex(where: { $0 == "+" || $0 == "=" }) else { continue }
            let who = clause[..<operatorIndex]
            let permissions = clause[clause.index(after: operatorIndex)...]
            let coversOthers = who.isEmpty || who.contains("o") || who.contains("a")
            if coversOthers && permissions.contains("w") { return true }
        }
        return false
    }
}
