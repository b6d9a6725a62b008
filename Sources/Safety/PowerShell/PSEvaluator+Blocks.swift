/// Folding code, not just expressions: the output of a script block, a pipeline through
/// `ForEach-Object`, and a call of a function the script defined.
///
/// `function d($s) { [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($s)) }`
/// followed by `iex (d '...')` is how droppers hide code; folding the call shows it.
/// Only straight-line code folds: a block with commands whose output is unknown, loops or
/// conditions is `.unknown`.
extension PSEvaluator {
    /// Items a pipeline folds through `ForEach-Object` at most.
    static let maximumFoldedItems = 4096

    /// The output of a pipeline: an expression or command, then `ForEach-Object { ... }` stages.
    func evaluate(_ pipeline: PSPipeline) -> PSValue {
        guard let first = pipeline.elements.first else { return .unknown }
        var value: PSValue
        switch first {
        case .expression(let expression): value = evaluate(expression)
        case .command(let command): value = PSEvaluator.commandResult(command, evaluator: self)
        }
        for element in pipeline.elements.dropFirst() {
            guard case .command(let command) = element else { return .unknown }
            if case .listing(let path, _) = value, case .bareword(let word, _) = command.name,
               ["where-object", "where", "?", "select-object", "select", "sort-object", "sort"].contains(word.asciiLowercased()) {
                // `Get-ChildItem X | Where-Object {...}`: some of what is listed.
                value = .listing(path, narrowed: true)
                continue
            }
            guard let block = Self.forEachBlock(command) else { return .unknown }
            let items = value.elements
            guard items.count <= Self.maximumFoldedItems, !items.contains(.unknown) else { return .unknown }
            var outputs: [PSValue] = []
            for item in items {
                var inner = self
                inner.variables["_"] = item
                inner.variables["psitem"] = item
                let output = inner.output(of: block)
                if output == .unknown { return .unknown }
                outputs.append(contentsOf: output.elements)
            }
            value = outputs.count == 1 ? outputs[0] : .array(outputs)
        }
        return value
    }

    /// The script block of `ForEach-Object { ... }`, `% { ... }`, `foreach { ... }`.
    static func forEachBlock(_ command: PSCommand) -> PSScript? {
        guard case .bareword(let word, _) = command.name, ["foreach-object", "%", "foreach"].contains(word.asciiLowercased()) else { return nil }
        for element in command.elements {
            switch element {
            case .argument(.scriptBlock(let script, _)), .parameter("process", .scriptBlock(let script, _)?, _):
                return script
            default:
                continue
            }
        }
        return nil
    }

    /// What a block writes to the pipeline, when every statement folds.
    func output(of script: PSScript) -> PSValue {
        var scope = self
        var outputs: [PSValue] = []
        for statement in script.statements {
            switch statement {
            case .assignment(.variable(let name, _), "=", let value, _):
                guard case .pipeline(let pipeline) = value else { return .unknown }
                scope.variables[name] = scope.evaluate(pipeline)
            case .pipeline(let pipeline):
                let value = scope.evaluate(pipeline)
                if value == .unknown { return .unknown }
                outputs.append(value)
            case .flow("return", let value, _):
                if let value {
                    guard case .pipeline(let pipeline) = value else { return .unknown }
                    let returned = scope.evaluate(pipeline)
                    if returned == .unknown { return .unknown }
                    outputs.append(returned)
                }
                return outputs.count == 1 ? outputs[0] : .array(outputs)
            case .control("param", _, _, _):
                continue
            default:
                return .unknown
            }
        }
        return outputs.count == 1 ? outputs[0] : .array(outputs)
    }

    /// The result of calling a function the script defined, with its parameters bound to
    /// the positional arguments and `-Name value` pairs of the call.
    func call(function body: PSScript, named name: String, command: PSCommand) -> PSValue {
        var scope = self
        // A function folds once per call: recursion is not followed.
        scope.functions[name] = nil
        let parameters = Self.parameterNames(body)
        var positional: [PSValue] = []
        var named: Set<String> = []
        for element in command.elements {
            switch element {
            case .argument(let expression):
                positional.append(evaluate(expression))
            case .parameter(let parameter, let value?, _):
                named.insert(parameter.asciiLowercased())
                scope.variables[parameter.asciiLowercased()] = evaluate(value)
            case .parameter, .splat:
                return .unknown
            }
        }
        // Parameters not given by name take the positional arguments in order; the rest are unset.
        let unnamed = parameters.filter { !named.contains($0) }
        for (index, parameter) in unnamed.enumerated() {
            scope.variables[parameter] = index < positional.count ? positional[index] : .unknown
        }
        scope.variables["args"] = .array(Array(positional.dropFirst(unnamed.count)))
        return scope.output(of: body)
    }

    /// `param([string]$a, $b = 1)` → `["a", "b"]`.
    static func parameterNames(_ body: PSScript) -> [String] {
        guard case .control("param", let conditions, _, _)? = body.statements.first,
              case .pipeline(let pipeline)? = conditions.first, case .expression(.subexpression(let inner, _))? = pipeline.elements.first else { return [] }
        var names: [String] = []
        func collect(_ expression: PSExpression) {
            switch expression {
            case .variable(let name, _): names.append(name)
            case .cast(_, let inner, _): collect(inner)
            case .array(let items, _): items.forEach(collect)
            case .binary(_, let left, _, _): collect(left)
            default: break
            }
        }
        for statement in inner.statements {
            switch statement {
            case .pipeline(let pipeline):
                for element in pipeline.elements { if case .expression(let expression) = element { collect(expression) } }
            case .assignment(let target, _, _, _):
                collect(target)
            default:
                continue
            }
        }
        return names
    }
}
