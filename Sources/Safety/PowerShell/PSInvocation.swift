/// A PowerShell command as it will run: its resolved name, its parameters bound to their
/// values as far as they are known, its positional arguments.
struct PSInvocation {
    struct Parameter {
        var name: String
        var value: PSValue?
        var expression: PSExpression?
    }

    /// Lower-cased cmdlet or program name, aliases resolved (`rm` → `remove-item`).
    var name: String
    /// What the analyzer and the rules know about ``name``.
    let traits: PSCommandTraits
    private(set) var parameters: [Parameter]
    private(set) var positionals: [PSValue]
    var offset: Int
    /// Names of the commands before this one in the pipeline.
    var upstream: [String]
    /// Whether something upstream in the pipeline produced downloaded content.
    var upstreamDownloaded: Bool
    /// What upstream listed (`Get-ChildItem PATH`), and whether a filter narrowed it, for
    /// commands that take their paths from the pipeline.
    var upstreamListing: (path: PSValue, narrowed: Bool)?
    /// Whether upstream read the environment (`Get-ChildItem env:`).
    var upstreamReadsEnvironment = false
    /// Arguments and parameters in the order written; turned into text only when a rule
    /// reads ``allTexts`` (few commands have rules that do).
    private var written: [Written] = []

    /// An index into ``parameters`` or ``positionals``: plain integers, which the list
    /// stores and frees without reference counting.
    private enum Written {
        /// `-name` and its value, if it has one.
        case parameter(Int)
        /// A positional argument: the text of each element.
        case argument(Int)
    }

    /// Parameters that never take a value, so the word after them is positional.
    static let switches: Set<String> = [
        "recurse", "force", "confirm", "whatif", "verbose", "debug", "passthru", "wait", "nonewwindow", "noprofile",
        "noninteractive", "nologo", "usebasicparsing", "append", "raw", "all", "quiet", "asjob", "noexit", "sta", "mta",
        "includeusername", "nonewline", "asplaintext", "skipcertificatecheck", "allowclobber",
        "disablekeepalive", "list", "online", "norestart",
    ]

    /// A known switch, or for a cmdlet an abbreviation of one (`-r` for `-Recurse`, `-fo`
    /// for `-Force`); programs such as `powershell.exe -w hidden` parse their own options.
    static func isSwitch(_ name: String, cmdlet: Bool) -> Bool {
        !name.isEmpty && (cmdlet ? switchPrefixes : switchNames).contains(name)
    }

    /// ``switches`` as a ``NameTable``: every parameter of every command is looked up.
    private static let switchNames = NameTable(names: switches)

    /// Every switch and every abbreviation of one, which cmdlets accept (`-r`, `-fo`).
    private static let switchPrefixes = NameTable(names: switches.flatMap { name in (1...name.count).map { String(name.prefix($0)) } })

    /// Binds `-Name value` pairs the way PowerShell does for the common cases: a parameter
    /// not known to be a switch takes the next argument as its value.
    init(name: String, command: PSCommand, evaluate: (PSExpression) -> PSValue, splats: (String) -> PSValue?, offset: Int, upstream: [String], upstreamDownloaded: Bool) {
        self.name = name
        self.traits = PSCommandTraits.of(name)
        self.offset = offset
        self.upstream = upstream
        self.upstreamDownloaded = upstreamDownloaded
        var parameters: [Parameter] = []
        var positionals: [PSValue] = []
        let parameterCount = command.elements.count { if case .parameter = $0 { true } else { false } }
        parameters.reserveCapacity(parameterCount)
        positionals.reserveCapacity(command.elements.count - parameterCount)
        let isCmdlet = name.contains("-")
        var elements = command.elements[...]
        var written: [Written] = []
        written.reserveCapacity(command.elements.count)
        while let element = elements.popFirst() {
            switch element {
            case .parameter(let name, let value?, _):
                let evaluated = evaluate(value)
                written.append(.parameter(parameters.count))
                parameters.append(Parameter(name: name, value: evaluated, expression: value))
            case .parameter(let name, nil, _):
                written.append(.parameter(parameters.count))
                if !Self.isSwitch(name, cmdlet: isCmdlet), case .argument(let next)? = elements.first {
                    elements = elements.dropFirst()
                    let evaluated = evaluate(next)
                    parameters.append(Parameter(name: name, value: evaluated, expression: next))
                } else {
                    parameters.append(Parameter(name: name, value: nil, expression: nil))
                }
            case .argument(let expression):
                written.append(.argument(positionals.count))
                positionals.append(evaluate(expression))
            case .splat(let variable, _):
                switch splats(variable) {
                case .table(let table)?:
                    for (key, value) in table.sorted(by: { $0.key < $1.key }) {
                        parameters.append(Parameter(name: key, value: value, expression: nil))
                    }
                case .array(let items)?:
                    positionals.append(contentsOf: items)
                default:
                    positionals.append(.unknown)
                }
            }
        }
        self.parameters = parameters
        self.positionals = positionals
        self.written = written
    }

    /// The parameter the script gave for any of `names`, matching PowerShell's unambiguous
    /// prefixes (`-Rec` for `-Recurse`).
    func parameter(_ names: String...) -> Parameter? {
        for parameter in parameters {
            for name in names where name == parameter.name || (!parameter.name.isEmpty && name.hasPrefix(parameter.name)) {
                return parameter
            }
        }
        return nil
    }

    func has(_ names: String...) -> Bool {
        parameters.contains { parameter in
            names.contains { $0 == parameter.name || (!parameter.name.isEmpty && $0.hasPrefix(parameter.name)) }
        }
    }

    /// A parameter's value, or else the positional argument at `position`.
    func value(_ names: [String], position: Int?) -> PSValue? {
        for parameter in parameters {
            if names.contains(where: { $0 == parameter.name || (!parameter.name.isEmpty && $0.hasPrefix(parameter.name)) }) {
                return parameter.value ?? .boolean(true)
            }
        }
        if let position, position < positionals.count { return positionals[position] }
        return nil
    }

    /// A switch or boolean parameter that is on: `-Force`, `-Enabled:$true`, `-X $true`.
    func isOn(_ name: String) -> Bool {
        guard let parameter = parameter(name) else { return false }
        switch parameter.value {
        case nil: return true
        case .boolean(let value)?: return value
        case .string(let text)?: return ["true", "1", "$true", "yes"].contains(text.asciiLowercased())
        case .number(let value)?: return value != 0
        default: return false
        }
    }

    /// Every argument and parameter value as lower-cased text, in the order written
    /// (`-name` for parameters), for native command lines.
    var allTexts: [String] {
        var texts: [String] = []
        texts.reserveCapacity(written.count)
        for item in written {
            switch item {
            case .parameter(let index):
                texts.append("-" + parameters[index].name)
                if let text = parameters[index].value?.text { texts.append(text.asciiLowercased()) }
            case .argument(let index):
                texts.append(contentsOf: positionals[index].elements.compactMap { $0.text?.asciiLowercased() })
            }
        }
        return texts
    }

    /// The invocation as a policy sees it: `-name` words, then each value (arrays as
    /// their elements, `nil` where unknown), then the positional arguments.
    var subject: CommandSubject {
        var arguments: [String?] = []
        for parameter in parameters {
            arguments.append("-" + parameter.name)
            if let value = parameter.value { arguments += value.elements.map(\.text) }
        }
        for positional in positionals { arguments += positional.elements.map(\.text) }
        return CommandSubject(name: name, arguments: arguments)
    }
}
