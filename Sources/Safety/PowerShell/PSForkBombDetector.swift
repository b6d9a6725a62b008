/// Finds PowerShell that multiplies itself: a function that starts copies of itself, or an
/// endless loop that keeps starting processes or jobs.
enum PSForkBombDetector {
    static let spawners: Set<String> = ["start-process", "start-job", "start-threadjob", "invoke-command"]
    static let shells: Set<String> = ["powershell", "pwsh", "cmd"]

    /// `function f { f | f }`, `function f { Start-Job { f }; f }`.
    static func spawnsItself(name: String, body: PSScript, aliases: [String: String]) -> Bool {
        let target = name.asciiLowercased()
        var selfCalls = 0
        var spawns = false
        visit(body) { command in
            guard case .bareword(let word, _) = command.name else { return }
            let resolved = PSAliases.resolve(word, userAliases: aliases)
            if resolved == target { selfCalls += 1 }
            if spawners.contains(resolved) { spawns = true }
        }
        return selfCalls >= 2 || (selfCalls >= 1 && spawns)
    }

    /// `while ($true) { Start-Process powershell }`: a loop without an exit that starts processes.
    static func isEndlessSpawner(conditions: [PSStatement], blocks: [PSScript], evaluator: PSEvaluator, aliases: [String: String]) -> Bool {
        let endless = conditions.isEmpty || conditions.contains { condition in
            guard case .pipeline(let pipeline) = condition, pipeline.elements.count == 1, case .expression(let expression) = pipeline.elements[0] else { return false }
            switch evaluator.evaluate(expression) {
            case .boolean(true): return true
            case .number(let value): return value != 0
            case .string(let text): return !text.isEmpty
            default: return false
            }
        }
        guard endless else { return false }
        var spawns = false
        var exits = false
        for block in blocks {
            visit(block) { command in
                guard case .bareword(let word, _) = command.name else { return }
                let resolved = PSAliases.resolve(word, userAliases: aliases)
                if spawners.contains(resolved) || shells.contains(resolved) { spawns = true }
            }
            exits = exits || block.statements.contains { statement in
                if case .flow(let keyword, _, _) = statement { return keyword == "break" || keyword == "return" || keyword == "exit" }
                return false
            }
        }
        return spawns && !exits
    }

    /// Calls `body` for every command in the script, nested blocks included.
    static func visit(_ script: PSScript, _ body: (PSCommand) -> Void) {
        for statement in script.statements { visit(statement, body) }
    }

    static func visit(_ statement: PSStatement, _ body: (PSCommand) -> Void) {
        switch statement {
        case .pipeline(let pipeline):
            for element in pipeline.elements {
                switch element {
                case .command(let command):
                    body(command)
                    for element in command.elements {
                        if case .argument(let expression) = element { visit(expression, body) }
                    }
                case .expression(let expression):
                    visit(expression, body)
                }
            }
        case .assignment(_, _, let value, _): visit(value, body)
        case .function(_, let inner, _): visit(inner, body)
        case .control(_, let conditions, let blocks, _):
            conditions.forEach { visit($0, body) }
            blocks.forEach { visit($0, body) }
        case .flow(_, let value, _): if let value { visit(value, body) }
        }
    }

    static func visit(_ expression: PSExpression, _ body: (PSCommand) -> Void) {
        switch expression {
        case .scriptBlock(let script, _), .subexpression(let script, _): visit(script, body)
        case .array(let items, _): items.forEach { visit($0, body) }
        default: break
        }
    }
}
