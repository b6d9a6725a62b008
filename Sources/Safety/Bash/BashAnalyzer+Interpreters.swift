import RemediatorCore

/// Following code that is handed to an interpreter instead of being written as commands.
extension BashAnalyzer {
    private static let inlineFlags: Set<String> = ["-c", "-e", "-E", "-r", "--eval", "-p", "--print", "-Command", "-command", "-EncodedCommand", "-enc", "-e"]
    private static let narrowingTests: Set<String> = ["-name", "-iname", "-path", "-ipath", "-regex", "-iregex", "-mtime", "-mmin", "-atime", "-amin", "-ctime", "-cmin", "-newer", "-size", "-user", "-group", "-perm", "-empty", "-samefile", "-inum", "-links", "-wholename"]

    /// Parses and analyzes a string that will run as shell code (`bash -c`, `eval`,
    /// `su -c`, `alias`); an unknown string is reported, not trusted.
    mutating func analyzeCodeString(_ code: ResolvedWord, downloadInSubstitutions: Bool) {
        guard let text = code.value else {
            resolver.mayHaveUnseenVariables = true
            if downloadInSubstitutions {
                report(RuleCatalog.pipeDownloadToInterpreter, at: code.offset, "evaluates the output of a download")
            } else {
                report(RuleCatalog.dynamicEval, at: code.offset, "'\(code.source)' is built at run time")
            }
            return
        }
        return analyzeEmbeddedCode(text, at: code.offset)
    }

    /// Analyzes known code text found inside the script.
    mutating func analyzeEmbeddedCode(_ text: String, at offset: Int) {
        guard embeddingDepth < Self.maximumEmbeddingDepth else {
            report(RuleCatalog.tooDeep, at: offset)
            return
        }
        let script: BashScript
        do {
            script = try BashParser.parse(text)
        } catch {
            report(RuleCatalog.parseError, at: offset, "embedded code: \(error.message)")
            return
        }
        var nested = BashAnalyzer(embeddingDepth: embeddingDepth + 1, reportOffset: reportOffset ?? offset, budget: budget)
        nested.resolver = resolver
        nested.policyGate = policyGate
        // `trap 'cleanup /' EXIT`, `eval "f $x"`: the script's functions are called with
        // the string's arguments (a shell that would not know them runs nothing, so
        // assuming it does only errs towards a finding).
        nested.functions = functions
        nested.callStack = callStack
        nested.analyzeScript(script)
        ran.append(contentsOf: nested.ran)
        findings.append(contentsOf: nested.findings)
        // Variables the code set may or may not reach this shell (`eval` vs `bash -c`):
        // either way their values are no longer known here.
        for (name, value) in nested.resolver.variables where resolver.variables[name] != value {
            resolver.variables[name] = .unknown
        }
        if nested.resolver.mayHaveUnseenVariables { resolver.mayHaveUnseenVariables = true }
    }

    /// Arithmetic text read as commands, the way POSIX sh reads `((...))`; findings only,
    /// since real arithmetic rarely parses as commands and never trips a rule.
    mutating func analyzeArithmeticAsCommands(_ expression: String, at offset: Int) {
        guard embeddingDepth < Self.maximumEmbeddingDepth, let script = try? BashParser.parse("(" + expression + ")") else { return }
        var nested = BashAnalyzer(embeddingDepth: embeddingDepth + 1, reportOffset: reportOffset ?? offset, budget: budget)
        nested.resolver = resolver
        nested.policyGate = policyGate
        nested.analyzeScript(script)
        ran.append(contentsOf: nested.ran)
        findings.append(contentsOf: nested.findings.filter { $0.rule.verdict == .block })
    }

    /// `bash -c CODE`, `bash SCRIPT`, `curl ... | bash`, `bash <<EOF`.
    mutating func analyzeShell(_ invocation: CommandInvocation, downloadInSubstitutions: Bool) {
        var takesCodeString = false
        var readsStandardInput = false
        var operands: [ResolvedWord] = []
        var optionsEnded = false
        var arguments = invocation.arguments[...]
        while let argument = arguments.popFirst() {
            guard !optionsEnded, let value = argument.value, value.hasPrefix("-") || value.hasPrefix("+"), value.count > 1 else {
                optionsEnded = true
                operands.append(argument)
                continue
            }
            if value == "--" {
                optionsEnded = true
                continue
            }
            if CommandNames.queryOnlyShellOptions.contains(value) { return }
            if value.hasPrefix("--") {
                // --rcfile FILE, --init-file FILE take a value; other long options do not.
                if value == "--rcfile" || value == "--init-file" { _ = arguments.popFirst() }
                continue
            }
            let letters = value.dropFirst()
            if letters.contains("c") { takesCodeString = true }
            if letters.contains("s") { readsStandardInput = true }
            // -o NAME / -O NAME set options: the name is not the script.
            arguments = arguments.dropFirst(letters.filter { $0 == "o" || $0 == "O" }.count)
        }
        if takesCodeString {
            guard let code = operands.first else { return }
            analyzeCodeString(code, downloadInSubstitutions: downloadInSubstitutions)
            return
        }
        if let script = operands.first, let path = script.value, CommandNames.standardInputPaths.contains(path) {
            readsStandardInput = true
        }
        if let script = operands.first, !readsStandardInput {
            if script.value == nil {
                if downloadInSubstitutions {
                    report(RuleCatalog.pipeDownloadToInterpreter, at: script.offset, "runs a script produced by a download")
                } else {
                    report(RuleCatalog.dynamicSource, at: script.offset, "runs the script '\(script.source)'")
                }
            }
            return
        }
        analyzeStandardInputCode(invocation, interpreter: invocation.name, downloadInSubstitutions: downloadInSubstitutions)
    }

    /// Code an interpreter reads on standard input: a pipe, a here-document or a here-string.
    mutating func analyzeStandardInputCode(_ invocation: CommandInvocation, interpreter: String, downloadInSubstitutions: Bool) {
        if invocation.upstream.contains(where: CommandNames.downloaders.contains) {
            report(RuleCatalog.pipeDownloadToInterpreter, at: invocation.pipelineOffset ?? invocation.offset, "pipes a download into \(interpreter)")
            return
        }
        if let text = invocation.upstreamText {
            analyzeEmbeddedCode(text, at: invocation.pipelineOffset ?? invocation.offset)
        }
        for redirect in invocation.redirects {
            switch redirect.op {
            case .hereDocument, .hereDocumentStripTabs:
                guard let document = redirect.hereDocument else { continue }
                if document.expands, downloadInSubstitutions {
                    report(RuleCatalog.pipeDownloadToInterpreter, at: redirect.offset, "feeds a download into \(interpreter)")
                }
                analyzeEmbeddedCode(document.text, at: redirect.offset)
            case .hereString:
                analyzeCodeString(resolver.resolveWhole(redirect.target), downloadInSubstitutions: downloadInSubstitutions)
            case .input:
                let source = resolver.resolveWhole(redirect.target)
                if let path = source.value, path.hasPrefix("/dev/tcp/") || path.hasPrefix("/dev/udp/") {
                    report(RuleCatalog.pipeDownloadToInterpreter, at: redirect.offset, "\(interpreter) reads code from the network (\(path))")
                } else if source.value == nil {
                    report(RuleCatalog.dynamicSource, at: redirect.offset, "\(interpreter) reads code from '\(source.source)'")
                }
            default:
                continue
            }
        }
        if !invocation.upstream.isEmpty {
            report(RuleCatalog.pipeToInterpreter, at: invocation.pipelineOffset ?? invocation.offset, "\(invocation.upstream.joined(separator: " | ")) | \(interpreter)")
        }
    }

    /// python, perl, ruby, node and friends: their code is not analyzed, so inline code is reviewed.
    mutating func analyzeOtherInterpreter(_ invocation: CommandInvocation) {
        if invocation.upstream.contains(where: CommandNames.downloaders.contains) {
            report(RuleCatalog.pipeDownloadToInterpreter, at: invocation.pipelineOffset ?? invocation.offset, "pipes a download into \(invocation.name)")
            return
        }
        let inlineFlags = Self.inlineFlags
        if invocation.arguments.contains(where: { inlineFlags.contains($0.value ?? "") }) {
            report(RuleCatalog.inlineInterpreterCode, at: invocation.offset, "\(invocation.name) runs inline code")
            return
        }
        let hasScriptOperand = invocation.operands.contains { $0.value != "-" }
        let hasInlineInput = invocation.redirects.contains { $0.isInlineInput }
        if !hasScriptOperand && (!invocation.upstream.isEmpty || hasInlineInput) {
            report(RuleCatalog.inlineInterpreterCode, at: invocation.offset, "\(invocation.name) reads its program from standard input")
        }
    }

    /// `source FILE` / `. FILE`.
    mutating func analyzeSource(_ invocation: CommandInvocation, words: [BashWord], downloadInSubstitutions: Bool) {
        guard let file = invocation.operands.first else { return }
        if let path = file.value, CommandNames.standardInputPaths.contains(path) || path.hasPrefix("/dev/tcp/") {
            analyzeStandardInputCode(invocation, interpreter: invocation.name, downloadInSubstitutions: downloadInSubstitutions)
            return
        }
        guard file.value == nil else { return }
        if downloadInSubstitutions {
            report(RuleCatalog.pipeDownloadToInterpreter, at: file.offset, "sources a download")
        } else {
            report(RuleCatalog.dynamicSource, at: file.offset, "sources '\(file.source)'")
        }
    }

    /// `find START... [tests] -delete | -exec CMD {} ;`.
    mutating func analyzeFind(_ invocation: CommandInvocation, downloadInSubstitutions: Bool) {
        var startPaths: [ResolvedWord] = []
        var index = 0
        let arguments = invocation.arguments
        // -H, -L, -P, -D debugopts, -Olevel come before the start paths.
        while index < arguments.count, let value = arguments[index].value, ["-H", "-L", "-P", "-D"].contains(value) || value.hasPrefix("-O") {
            index += value == "-D" ? 2 : 1
        }
        while index < arguments.count, let value = arguments[index].value, !value.hasPrefix("-"), value != "(", value != "!" {
            startPaths.append(arguments[index])
            index += 1
        }
        while index < arguments.count, arguments[index].value == nil {
            startPaths.append(arguments[index])
            index += 1
        }
        if startPaths.isEmpty { startPaths = [.known(".", source: ".", offset: invocation.offset)] }
        let narrowingTests = Self.narrowingTests
        // A test narrows only with a pattern that does not match everything (`-name '*'` does).
        var filtered = false
        for position in index..<arguments.count where narrowingTests.contains(arguments[position].value ?? "") {
            let pattern = position + 1 < arguments.count ? arguments[position + 1].value : nil
            if let pattern, !pattern.allSatisfy({ $0 == "*" }) { filtered = true }
        }
        while index < arguments.count {
            let value = arguments[index].value ?? ""
            index += 1
            if value == "-delete" {
                checkFoundPathsDeletion(startPaths, filtered: filtered, at: arguments[index - 1].offset)
            }
            guard ["-exec", "-execdir", "-ok", "-okdir"].contains(value) else { continue }
            var commandWords: [ResolvedWord] = []
            while index < arguments.count, arguments[index].value != ";", arguments[index].value != "+" {
                commandWords.append(arguments[index])
                index += 1
            }
            index += 1
            switch Wrappers.unwrap(commandWords) {
            case .command(let words, _):
                guard let head = words.first?.value else { continue }
                let nested = CommandInvocation(
                    name: Wrappers.baseName(head), arguments: words.dropFirst(), redirects: [],
                    offset: words.first?.offset ?? invocation.offset,
                    dynamicArguments: .foundUnder(startPaths, filtered: filtered), upstream: [], pipelineOffset: nil,
                    workingDirectory: resolver.workingDirectory, upstreamText: nil
                )
                ran.append(nested.name)
                analyzeInvocation(nested, words: [], downloadInSubstitutions: downloadInSubstitutions)
            case .commandString(let string, _):
                analyzeCodeString(string, downloadInSubstitutions: downloadInSubstitutions)
            case .dynamic(let word):
                report(RuleCatalog.dynamicCommand, at: word.offset, "find -exec runs '\(word.source)'")
            case .nothing:
                continue
            }
        }
    }

    /// Deleting what `find` walks: from the root always blocks, across a system directory
    /// blocks unless tests narrow it, from an unknown place needs review.
    mutating func checkFoundPathsDeletion(_ startPaths: [ResolvedWord], filtered: Bool, at offset: Int) {
        for start in startPaths {
            switch PathClassifier.scope(of: start, workingDirectory: resolver.workingDirectory, recursive: true) {
            case .root:
                report(RuleCatalog.findDeleteRoot, at: offset, "deletes what find walks from \(start.display)")
            case .systemDirectory where !filtered:
                report(RuleCatalog.findDeleteRoot, at: offset, "deletes everything find walks under \(start.display)")
            case .unresolved:
                report(RuleCatalog.rmUnresolvedPath, at: offset, "deletes what find walks under '\(start.source)'")
            case .systemDirectory, .ordinary:
                continue
            }
        }
    }
}
