/// Finds functions that call themselves in a pipeline or in the background: each call
/// starts more copies than it waits for, which exhausts the process table.
enum ForkBombDetector {
    static func isForkBomb(name: String, body: BashCommand) -> Bool {
        spawnsItself(name, in: body, multiplying: false)
    }

    private static func spawnsItself(_ name: String, in command: BashCommand, multiplying: Bool) -> Bool {
        switch command {
        case .simple(let simple):
            guard multiplying else { return false }
            // `command f`, `exec f`, `nohup f`: the wrapper still runs the function.
            let words = simple.words.map { word in
                ResolvedWord(value: word.staticValue, knownPrefix: "", knownSuffix: "", guarded: false, hasGlob: false, source: word.source, offset: word.offset)
            }
            guard case .command(let unwrapped, _) = Wrappers.unwrap(words) else { return false }
            return unwrapped.first?.value == name
        case .subshell(let list, _, _), .group(let list, _, _):
            return spawnsItself(name, in: list, multiplying: multiplying)
        case .ifClause(let branches, let elseBody, _, _):
            return branches.contains { spawnsItself(name, in: $0.body, multiplying: multiplying) }
                || elseBody.map { spawnsItself(name, in: $0, multiplying: multiplying) } ?? false
        case .loop(_, _, let body, _, _), .forClause(_, _, let body, _, _), .arithmeticFor(_, let body, _, _):
            // A loop that calls the function at all multiplies it.
            return spawnsItself(name, in: body, multiplying: true)
        case .caseClause(_, let items, _, _):
            return items.contains { spawnsItself(name, in: $0.body, multiplying: multiplying) }
        case .function, .arithmetic, .conditional:
            return false
        }
    }

    private static func spawnsItself(_ name: String, in list: BashList, multiplying: Bool) -> Bool {
        for item in list.items {
            for pipeline in item.pipelines {
                let multiplies = multiplying || item.background || pipeline.commands.count > 1
                if pipeline.commands.contains(where: { spawnsItself(name, in: $0, multiplying: multiplies) }) {
                    return true
                }
            }
        }
        return false
    }

    /// `while true; do "$0" & done`: a loop that starts the script itself in the background.
    static func reexecutesItself(_ body: BashList) -> Bool {
        for item in body.items {
            for pipeline in item.pipelines {
                for command in pipeline.commands {
                    guard case .simple(let simple) = command else { continue }
                    let references = simple.words.prefix(2).contains { word in
                        word.parts.contains { part in
                            if case .parameter(let parameter) = part { return parameter.name == "0" }
                            if case .doubleQuoted(let inner) = part {
                                return inner.contains { if case .parameter(let parameter) = $0 { return parameter.name == "0" }; return false }
                            }
                            return false
                        }
                    }
                    if references && (item.background || pipeline.commands.count > 1) { return true }
                }
            }
        }
        return false
    }
}
