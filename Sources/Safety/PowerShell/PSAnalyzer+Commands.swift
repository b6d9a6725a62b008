import Foundation

extension PSAnalyzer {
    /// Analyzes one command; returns the name it resolved to (`""` when unknown).
    mutating func analyze(_ command: PSCommand, context: inout PipelineContext) -> String {
        let upstream = context.upstream
        let upstreamDownloaded = context.downloaded
        for element in command.elements {
            switch element {
            case .argument(let expression): walk(expression)
            case .parameter(_, let value?, _): walk(value)
            default: break
            }
        }
        if command.invocationOperator != nil { walk(command.name) }
        let nameValue = evaluator.evaluate(command.name)
        if case .scriptBlock = nameValue { return "(scriptblock)" }
        guard let rawName = nameValue.text, !rawName.isEmpty else {
            report(RuleCatalog.dynamicCommand, at: command.offset, "the command to run is computed at run time")
            return ""
        }
        let name = PSAliases.resolve(rawName, userAliases: userAliases)
        var invocation = PSInvocation(
            name: name, command: command, evaluate: { evaluator.evaluate($0) },
            splats: { evaluator.variables[$0] }, offset: command.offset, upstream: upstream, upstreamDownloaded: upstreamDownloaded
        )
        invocation.upstreamListing = context.listing
        invocation.upstreamReadsEnvironment = context.environment
        switch invocation.traits.role {
        case .download?:
            context.downloaded = true
        case .listing?, .listingAndRead?:
            let path = invocation.value(["path", "literalpath"], position: 0) ?? .string(".")
            if (path.text ?? "").asciiLowercased().hasPrefix("env:") { context.environment = true }
            context.listing = (path, invocation.has("filter", "include", "exclude"))
        case .filter?:
            if let listing = context.listing { context.listing = (listing.path, true) }
        default:
            break
        }
        if downloadedPaths.contains(where: { Self.samePath($0, rawName) }) {
            report(RuleCatalog.downloadThenRun, at: command.offset, "runs \(rawName), which the script downloaded")
        }
        analyzeInvocation(invocation, command: command)
        return name
    }

    mutating func analyzeInvocation(_ invocation: PSInvocation, command: PSCommand?) {
        if let policyGate {
            let subject = invocation.subject
            findings += policyGate.deniedFindings(for: subject, at: reportOffset ?? invocation.offset)
            currentSubject = subject
        }
        PSCommandRules.check(invocation, analyzer: &self)
        let subject = currentSubject
        currentSubject = nil
        switch invocation.traits.role {
        case .invokeExpression?:
            let code = invocation.value(["command"], position: 0)
            analyzeCode(code ?? .unknown, at: invocation.offset, how: "Invoke-Expression", upstreamDownloaded: invocation.upstreamDownloaded || code == nil && !invocation.upstream.isEmpty && invocation.upstreamDownloaded)
        case .scriptBlockRunner?:
            if let block = invocation.value(["scriptblock"], position: 0), case .string = block {
                analyzeCode(block, at: invocation.offset, how: invocation.name)
            }
        case .alias?:
            if let alias = invocation.value(["name"], position: 0)?.text, let target = invocation.value(["value"], position: 1)?.text {
                userAliases[alias.asciiLowercased()] = target.asciiLowercased()
            }
        case .variable?:
            if let variable = invocation.value(["name"], position: 0)?.text {
                evaluator.variables[variable.asciiLowercased()] = invocation.value(["value"], position: 1) ?? .unknown
            }
        case .powershell?:
            analyzePowerShellCommandLine(invocation)
        case .startProcess?:
            analyzeStartProcess(invocation)
        case .cmd?:
            analyzeCmd(invocation.positionals.compactMap(\.text), at: invocation.offset)
        case .read?, .listingAndRead?:
            if let path = invocation.value(["path", "literalpath"], position: 0)?.text, Secrets.isSecretPath(path) {
                readSecrets = true
            }
        case .download?:
            if let file = invocation.value(["outfile", "destination"], position: invocation.name == "start-bitstransfer" ? 1 : nil)?.text {
                downloadedPaths.insert(file)
            }
        case .runsPath?:
            if let path = invocation.value(["path", "literalpath", "name"], position: 0)?.text, downloadedPaths.contains(where: { Self.samePath($0, path) }) {
                report(RuleCatalog.downloadThenRun, at: invocation.offset, "runs \(path), which the script downloaded")
            }
        case .listing?, .filter?, nil:
            currentSubject = subject
            NativeCommandRules.check(
                name: invocation.name, traits: invocation.traits, arguments: invocation.allTexts, offset: invocation.offset, analyzer: &self
            )
            currentSubject = nil
        }
    }

    /// `powershell -EncodedCommand B64`, `-Command "..."`, `-File x.ps1`.
    mutating func analyzePowerShellCommandLine(_ invocation: PSInvocation) {
        if let encoded = invocation.parameters.first(where: { ["e", "ec", "en", "enc", "enco", "encod", "encodedcommand"].contains($0.name) || ($0.name.count >= 3 && "encodedcommand".hasPrefix($0.name)) }) {
            analyzeEncoded(encoded.value, at: invocation.offset)
            return
        }
        if let code = invocation.parameter("command") {
            analyzeCode(code.value ?? .unknown, at: invocation.offset, how: "powershell -Command")
            return
        }
        if let file = invocation.value(["file"], position: nil) {
            guard let path = file.text else {
                report(RuleCatalog.dynamicSource, at: invocation.offset, "powershell -File of a path computed at run time")
                return
            }
            if downloadedPaths.contains(where: { Self.samePath($0, path) }) {
                report(RuleCatalog.downloadThenRun, at: invocation.offset, "runs \(path), which the script downloaded")
            }
            return
        }
        let words = invocation.positionals.compactMap(\.text)
        if !words.isEmpty {
            analyzeCode(.string(words.joined(separator: " ")), at: invocation.offset, how: "powershell")
        } else if invocation.upstreamDownloaded {
            report(RuleCatalog.pipeDownloadToInterpreter, at: invocation.offset, "pipes downloaded content into powershell")
        } else if !invocation.upstream.isEmpty {
            report(RuleCatalog.pipeToInterpreter, at: invocation.offset, "pipes generated text into powershell")
        }
    }

    /// `Start-Process prog -ArgumentList '...'` runs `prog` with those arguments.
    mutating func analyzeStartProcess(_ invocation: PSInvocation) {
        guard let program = invocation.value(["filepath"], position: 0)?.text else {
            report(RuleCatalog.dynamicCommand, at: invocation.offset, "Start-Process runs a program computed at run time")
            return
        }
        let argumentValue = invocation.value(["argumentlist", "args"], position: 1)
        // `nil` marks an argument computed at run time; it is never dropped silently.
        let arguments: [String?]
        switch argumentValue {
        case .array(let items)?: arguments = items.map(\.text)
        case let value?: arguments = value.text.map { NativeCommandLine.split($0) } ?? [nil]
        case nil: arguments = []
        }
        if downloadedPaths.contains(where: { Self.samePath($0, program) }) {
            report(RuleCatalog.downloadThenRun, at: invocation.offset, "starts \(program), which the script downloaded")
        }
        let known = arguments.compactMap { $0 }
        if known.count < arguments.count {
            let name = PSAliases.programName(program)
            let encoded = arguments.firstIndex { ($0?.asciiLowercased()).map { $0.count >= 2 && "-encodedcommand".hasPrefix($0) } ?? false }
            if ["powershell", "pwsh"].contains(name), let encoded, encoded + 1 < arguments.count, arguments[encoded + 1] == nil {
                analyzeEncoded(nil, at: invocation.offset)
                return
            }
            if CommandNames.interpreterPrograms.contains(name) {
                report(RuleCatalog.dynamicEval, at: invocation.offset, "Start-Process \(program) with arguments computed at run time")
                return
            }
        }
        analyzeNativeCommand(program, arguments: known, at: invocation.offset)
    }

    /// A program run with text arguments (from `Start-Process`, `cmd /c`, `wmic process call create`).
    mutating func analyzeNativeCommand(_ program: String, arguments: [String], at offset: Int) {
        // A program, not a PowerShell alias: `del` here is cmd's del.
        let name = PSAliases.programName(program)
        switch name {
        case "powershell", "pwsh":
            var lowered = arguments.map { $0.asciiLowercased() }[...]
            while let first = lowered.first {
                lowered = lowered.dropFirst()
                if first.hasPrefix("-e") && "-encodedcommand".hasPrefix(first) && first.count >= 2, let payload = arguments.dropFirst(arguments.count - lowered.count).first {
                    analyzeEncoded(.string(payload), at: offset)
                    return
                }
                if first == "-c" || "-command".hasPrefix(first) && first.count >= 3 {
                    analyzeCode(.string(arguments.suffix(lowered.count).joined(separator: " ")), at: offset, how: "powershell -Command")
                    return
                }
            }
        case "cmd":
            analyzeCmd(arguments, at: offset)
        default:
            NativeCommandRules.check(
                name: name, traits: .of(name), arguments: arguments.map { $0.asciiLowercased() }, offset: offset, analyzer: &self
            )
        }
    }

    /// `cmd /c "a & b | c"`: each command of the line is a native command.
    mutating func analyzeCmd(_ arguments: [String], at offset: Int) {
        var rest = arguments[...]
        while let first = rest.first, first.hasPrefix("/"), !["/c", "/k", "/r"].contains(first.asciiLowercased()) { rest = rest.dropFirst() }
        guard let switchWord = rest.first, ["/c", "/k", "/r"].contains(switchWord.asciiLowercased()) else { return }
        let line = rest.dropFirst().joined(separator: " ")
        for segment in NativeCommandLine.segments(line) {
            let words = NativeCommandLine.split(segment)
            guard let program = words.first else { continue }
            analyzeNativeCommand(program, arguments: Array(words.dropFirst()), at: offset)
        }
    }

    /// Method calls that fetch, run or delete things: `DownloadFile`, `Invoke`,
    /// `[IO.Directory]::Delete`, `[Diagnostics.Process]::Start`.
    mutating func checkCall(_ target: PSValue, name: String, arguments: [PSExpression], offset: Int) {
        let values = arguments.map { evaluator.evaluate($0) }
        switch (target, name) {
        case (_, "downloadfile"):
            if values.count >= 2, let path = values[1].text { downloadedPaths.insert(path) }
        case (_, "uploadstring"), (_, "uploadfile"), (_, "uploaddata"), (_, "uploadvalues"):
            if readSecrets { report(RuleCatalog.credentialsSent, at: offset, "uploads after reading secrets") }
        case (.scriptBlock, "invoke"), (.scriptBlock, "invokereturnasis"):
            return
        case (.object("type:scriptblock"), "create"):
            analyzeCode(values.first ?? .unknown, at: offset, how: "[scriptblock]::Create")
        case (.downloaded, "invoke"), (.downloaded, "invokereturnasis"):
            report(RuleCatalog.pipeDownloadToInterpreter, at: offset, "invokes downloaded code")
        case (.object(let type), "invoke") where type.hasPrefix("method:"):
            return
        case (_, "invoke") where target == .unknown:
            report(RuleCatalog.dynamicEval, at: offset, "invokes code built at run time")
        case (.object("type:io.directory"), "delete"), (.object("type:io.file"), "delete"):
            let recursive = values.count > 1 && values[1] == .boolean(true)
            switch WindowsPaths.scope(of: values.first, recursive: recursive) {
            case .root, .systemDirectory: report(RuleCatalog.rmSystemPath, at: offset, "deletes \(values.first?.text ?? "?")")
            case .unresolved where recursive: report(RuleCatalog.rmUnresolvedPath, at: offset, "deletes a path computed at run time")
            default: break
            }
        case (.object("type:io.file"), let method) where method.hasPrefix("read") || method.hasPrefix("open") || method == "copy":
            if let path = values.first?.text, Secrets.isSecretPath(path) { readSecrets = true }
        case (.object("type:diagnostics.process"), "start"):
            guard let program = values.first?.text else {
                report(RuleCatalog.dynamicCommand, at: offset, "[Diagnostics.Process]::Start of a program computed at run time")
                return
            }
            let argumentText = values.count > 1 ? values[1].text ?? "" : ""
            analyzeNativeCommand(program, arguments: NativeCommandLine.split(argumentText), at: offset)
        case (.object(let type), "new") where type.contains("tcpclient") || type.contains("sockets.socket"):
            openedSocket = true
        case (.object(let type), "getstream") where type.contains("tcpclient"):
            openedSocket = true
        default:
            if case .object(let type) = target, type.contains("tcpclient") { openedSocket = true }
        }
    }

    static func samePath(_ a: String, _ b: String) -> Bool {
        func normalized(_ path: String) -> String {
            var text = path.asciiLowercased().replacingBackslashes()
            while text.hasPrefix("./") { text.removeFirst(2) }
            return text
        }
        let left = normalized(a)
        let right = normalized(b)
        return left == right || left.hasSuffix("/" + right) || right.hasSuffix("/" + left)
    }
}
