import Foundation

/// Walks a parsed PowerShell script, works out what each command really runs and asks
/// the rules about it.
///
/// It follows variables and aliases assigned in the script, folds strings built at run
/// time (`'Remove-'+'Item'`, `-join`, `-f`, reversal, `[char]` arrays, base64), decodes
/// `-EncodedCommand` payloads and analyzes code handed to `Invoke-Expression`,
/// `[scriptblock]::Create`, `powershell -Command` and `cmd /c` as code in its own right.
/// Whatever reaches an interpreter without being resolvable is reported, never trusted.
struct PSAnalyzer {
    static let maximumEmbeddingDepth = 8

    var evaluator = PSEvaluator()
    var userAliases: [String: String] = [:]
    /// Files the script downloaded; running one is running downloaded code.
    var downloadedPaths: Set<String> = []
    /// The script read a credential store or secret file.
    var readSecrets = false
    /// The script opened a raw TCP connection.
    var openedSocket = false
    var findings: [RawFinding] = []
    let embeddingDepth: Int
    let reportOffset: Int?
    let budget: AnalysisBudget
    /// The environment's policy lists, when it has any.
    var policyGate: PolicyGate?
    /// The command the rules are looking at, for findings a policy may waive.
    var currentSubject: CommandSubject?
    /// The code strings this analysis is nested in, to recognize code that runs itself.
    var enclosingCode: [String] = []

    init(embeddingDepth: Int = 0, reportOffset: Int? = nil, budget: AnalysisBudget = AnalysisBudget()) {
        self.embeddingDepth = embeddingDepth
        self.reportOffset = reportOffset
        self.budget = budget
    }

    mutating func report(_ rule: Rule, at offset: Int, _ detail: String? = nil) {
        findings.append(RawFinding(rule: rule, offset: reportOffset ?? offset, detail: detail, subject: currentSubject))
    }

    // MARK: - Structure

    mutating func analyze(_ script: PSScript) {
        for statement in script.statements {
            analyze(statement)
        }
    }

    mutating func analyze(_ statement: PSStatement) {
        guard budget.spend(reportExhaustion: { report(RuleCatalog.tooDeep, at: statement.offset, AnalysisBudget.exhaustionDetail) }) else {
            return
        }
        switch statement {
        case .pipeline(let pipeline):
            analyze(pipeline)
        case .assignment(let target, let op, let value, _):
            analyze(value)
            guard case .variable(let name, _) = target else {
                walk(target)
                return
            }
            let assigned = valueOf(value)
            if op == "+=", let existing = evaluator.variables[name] {
                evaluator.variables[name] = evaluator.binary("+", existing, assigned)
            } else {
                evaluator.variables[name] = op == "=" ? assigned : .unknown
            }
        case .function(let name, let body, let offset):
            evaluator.functions[name.asciiLowercased()] = body
            if PSForkBombDetector.spawnsItself(name: name, body: body, aliases: userAliases) {
                report(RuleCatalog.forkBomb, at: offset, "function \(name) starts copies of itself")
            }
            analyze(body)
        case .control(let keyword, let conditions, let blocks, let offset):
            for condition in conditions { analyze(condition) }
            if ["while", "do", "for"].contains(keyword), PSForkBombDetector.isEndlessSpawner(conditions: conditions, blocks: blocks, evaluator: evaluator, aliases: userAliases) {
                report(RuleCatalog.forkBomb, at: offset, "an endless loop that starts new processes")
            }
            if keyword == "foreach", let (variable, items) = knownLoopItems(conditions) {
                // `foreach ($s in @('WinDefend','EventLog')) { Stop-Service $s }`: each
                // item is a different command; a short known list is followed item by item.
                for item in items {
                    evaluator.variables[variable] = item
                    for block in blocks { analyze(block) }
                }
                evaluator.variables[variable] = .unknown
                return
            }
            if keyword == "foreach", let variable = loopVariable(conditions) {
                evaluator.variables[variable] = .unknown
            }
            for block in blocks { analyze(block) }
        case .flow(_, let value, _):
            if let value { analyze(value) }
        }
    }

    /// Loops over more items than this are analyzed once, with the item unknown.
    static let maximumUnrolledItems = 16

    /// The `$name` of `foreach ($name in ...)`, lower-cased as the evaluator keys variables.
    func loopVariable(_ conditions: [PSStatement]) -> String? {
        guard conditions.count == 2, case .pipeline(let pipeline) = conditions[0], pipeline.elements.count == 1,
              case .expression(.variable(let name, _)) = pipeline.elements[0] else { return nil }
        return name
    }

    /// The loop variable and the items of `foreach ($x in LIST)` when LIST is a short known list.
    func knownLoopItems(_ conditions: [PSStatement]) -> (String, [PSValue])? {
        guard let variable = loopVariable(conditions) else { return nil }
        let items = valueOf(conditions[1]).elements
        guard items.count <= Self.maximumUnrolledItems, !items.contains(.unknown) else { return nil }
        return (variable, items)
    }

    /// The value an assignment stores.
    func valueOf(_ statement: PSStatement) -> PSValue {
        guard case .pipeline(let pipeline) = statement else { return .unknown }
        return evaluator.evaluate(pipeline)
    }

    mutating func analyze(_ pipeline: PSPipeline) {
        var context = PipelineContext()
        for element in pipeline.elements {
            switch element {
            case .expression(let expression):
                walk(expression)
                let value = evaluator.evaluate(expression)
                if value == .downloaded { context.downloaded = true }
                if case .listing(let path, let narrowed) = value { context.listing = (path, narrowed) }
                context.upstream.append("(expression)")
            case .command(let command):
                context.upstream.append(analyze(command, context: &context))
            }
        }
    }

    /// What flows down a pipeline: downloads, listings, the environment.
    struct PipelineContext {
        var upstream: [String] = []
        var downloaded = false
        var listing: (path: PSValue, narrowed: Bool)?
        var environment = false
    }

    /// Analyzes nested code inside an expression and the member calls it makes.
    mutating func walk(_ expression: PSExpression) {
        switch expression {
        case .string(_, let parts?, _):
            parts.forEach { walk($0) }
        case .string, .number, .variable, .bareword, .type:
            return
        case .array(let items, _):
            items.forEach { walk($0) }
        case .hashtable(let keys, let values, _):
            (keys + values).forEach { walk($0) }
        case .scriptBlock(let script, _), .subexpression(let script, _):
            analyze(script)
        case .cast(let type, let inner, let offset):
            walk(inner)
            if PSTypes.normalize(type) == "scriptblock" { analyzeCode(evaluator.evaluate(inner), at: offset, how: "a [scriptblock] cast") }
        case .member(let target, _, _, _):
            walk(target)
        case .call(let target, let name, let arguments, _, let offset):
            walk(target)
            arguments.forEach { walk($0) }
            checkCall(evaluator.evaluate(target), name: name.asciiLowercased(), arguments: arguments, offset: offset)
        case .dynamicMember(let target, let nameExpression, let arguments, let offset):
            walk(target)
            walk(nameExpression)
            arguments?.forEach { walk($0) }
            if let arguments {
                guard let name = evaluator.evaluate(nameExpression).text?.asciiLowercased() else {
                    report(RuleCatalog.dynamicCommand, at: offset, "a method name computed at run time")
                    return
                }
                checkCall(evaluator.evaluate(target), name: name, arguments: arguments, offset: offset)
            }
        case .index(let target, let index, _):
            walk(target)
            walk(index)
        case .binary(_, let left, let right, _):
            walk(left)
            walk(right)
        case .unary(_, let operand, _):
            walk(operand)
        case .range(let from, let to, _):
            walk(from)
            walk(to)
        }
    }

    // MARK: - Code handed to interpreters

    /// Analyzes a value that will run as PowerShell code.
    mutating func analyzeCode(_ value: PSValue, at offset: Int, how: String, upstreamDownloaded: Bool = false) {
        switch value {
        case .scriptBlock:
            return
        case .downloaded:
            report(RuleCatalog.pipeDownloadToInterpreter, at: offset, "\(how) runs downloaded content")
        default:
            guard let code = value.text else {
                if openedSocket {
                    report(RuleCatalog.reverseShell, at: offset, "\(how) runs what arrives on a TCP connection")
                } else if upstreamDownloaded {
                    report(RuleCatalog.pipeDownloadToInterpreter, at: offset, "\(how) runs downloaded content")
                } else {
                    report(RuleCatalog.dynamicEval, at: offset, "\(how) runs code built at run time")
                }
                return
            }
            analyzeEmbedded(code, at: offset)
        }
    }

    mutating func analyzeEmbedded(_ code: String, at offset: Int) {
        if enclosingCode.contains(code) {
            // Code that starts another copy of itself never stops multiplying.
            report(RuleCatalog.forkBomb, at: offset, "the code starts a copy of itself")
            return
        }
        guard embeddingDepth < Self.maximumEmbeddingDepth else {
            report(RuleCatalog.tooDeep, at: offset)
            return
        }
        let script: PSScript
        do {
            script = try PSParser.parse(code)
        } catch {
            report(RuleCatalog.parseError, at: offset, "embedded code: \(error.message)")
            return
        }
        var nested = PSAnalyzer(embeddingDepth: embeddingDepth + 1, reportOffset: reportOffset ?? offset, budget: budget)
        nested.evaluator = evaluator
        nested.userAliases = userAliases
        nested.downloadedPaths = downloadedPaths
        nested.readSecrets = readSecrets
        nested.openedSocket = openedSocket
        nested.policyGate = policyGate
        nested.enclosingCode = enclosingCode + [code]
        nested.analyze(script)
        findings.append(contentsOf: nested.findings)
        downloadedPaths.formUnion(nested.downloadedPaths)
        readSecrets = readSecrets || nested.readSecrets
        openedSocket = openedSocket || nested.openedSocket
    }

    /// `-EncodedCommand` payloads: base64 of UTF-16LE text.
    mutating func analyzeEncoded(_ value: PSValue?, at offset: Int) {
        guard let text = value?.text, let data = Data(base64Encoded: text.filter { !$0.isWhitespace }) else {
            report(RuleCatalog.encodedPayload, at: offset, "an -EncodedCommand that is not valid base64 or not known")
            return
        }
        analyzeEmbedded(PSTypes.decode(Array(data), encoding: "unicode"), at: offset)
    }
}
