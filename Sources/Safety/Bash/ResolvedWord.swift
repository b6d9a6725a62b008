/// A word as far as the validator can know its value before the script runs.
///
/// Copied a great deal (every command's arguments, operands and values), so it holds
/// the known prefix and suffix only for words whose value is not known; for the others
/// they are the value itself.
struct ResolvedWord: Sendable, Equatable {
    /// The full value when every part is known.
    let value: String?
    private let partialPrefix: String
    private let partialSuffix: String
    /// Every unknown part is `${NAME:?}`-style: the shell stops before using an empty value.
    let guarded: Bool
    /// An unquoted glob character is present.
    let hasGlob: Bool
    /// The word as written.
    let source: String
    let offset: Int
    /// A part is `${NAME:?}` on a variable nothing sets: the shell exits while expanding
    /// the word, so the command it belongs to never runs.
    let stopsShell: Bool

    init(
        value: String?, knownPrefix: String, knownSuffix: String, guarded: Bool, hasGlob: Bool, source: String, offset: Int,
        stopsShell: Bool = false
    ) {
        self.value = value
        self.partialPrefix = value == nil ? knownPrefix : ""
        self.partialSuffix = value == nil ? knownSuffix : ""
        self.guarded = guarded
        self.hasGlob = hasGlob
        self.source = source
        self.offset = offset
        self.stopsShell = stopsShell
    }

    /// The known text before the first unknown part (all of it when the value is known).
    var knownPrefix: String { value ?? partialPrefix }
    /// The known text after the last unknown part (all of it when the value is known).
    var knownSuffix: String { value ?? partialSuffix }

    static func known(_ value: String, source: String, offset: Int, hasGlob: Bool = false) -> ResolvedWord {
        ResolvedWord(value: value, knownPrefix: value, knownSuffix: value, guarded: true, hasGlob: hasGlob, source: source, offset: offset)
    }

    /// The value if known, else the source text (for messages).
    var display: String { value ?? source }
}

/// What the validator knows about a shell variable at a point in the script.
enum VariableValue: Sendable, Equatable {
    case known(String)
    /// An indexed array whose elements are all known: `cmd=(sudo -u postgres psql)`.
    case array([String])
    case unknown
}

/// Resolves words against the variables assigned earlier in the script.
struct WordResolver {
    var variables: [String: VariableValue] = [:]
    /// The values of `$1`, `$2`, ... inside a call of a function defined in the script
    /// (`nil` for an argument whose value is unknown); `nil` outside a call, where they are
    /// unknown. Kept apart from ``variables`` so a call does not copy them.
    var arguments: [String?]?
    /// The working directory when it is known (after `cd /abs/path`); `nil` when unknown,
    /// which is how every script starts.
    var workingDirectory: String?
    /// The variables the script never sets; `nil` when not scanned, so none is assumed unset.
    var unsetVariables: UnsetVariables?
    /// The script sourced a file or exported names the validator cannot see, so any
    /// variable may be set.
    var mayHaveUnseenVariables = false

    /// The words a list of shell words becomes, each resolved by ``resolveExpanding(_:into:)``.
    func resolve(_ words: [BashWord]) -> [ResolvedWord] {
        var resolved: [ResolvedWord] = []
        resolved.reserveCapacity(words.count)
        for word in words { resolveExpanding(word, into: &resolved) }
        return resolved
    }

    /// The words a shell word becomes. An unquoted variable splits on `IFS` into several
    /// words, which is how `c="rm -rf"; $c /` hides a command, and unquoted braces expand,
    /// which is how `{rm,-rf,/}` does.
    private func resolveExpanding(_ word: BashWord, into resolved: inout [ResolvedWord]) {
        if let plain = Self.plainWord(word) { return resolved.append(plain) }
        if let positional = positionalWords(word) { return resolved.append(contentsOf: positional) }
        if let elements = arrayWords(word) { return resolved.append(contentsOf: elements) }
        if word.parts.count == 1, case .parameter(let parameter) = word.parts[0], parameter.op.isEmpty,
           !parameter.indirect, !parameter.length, case .known(let value)? = lookup(parameter.name) {
            for field in fields(of: value) {
                resolved.append(.known(String(field), source: word.source, offset: word.offset, hasGlob: field.contains("*")))
            }
            return
        }
        let whole = resolveWhole(word)
        if let value = whole.value, word.hasUnquotedBraces {
            for expanded in BraceExpansion.expand(value) {
                resolved.append(.known(expanded, source: word.source, offset: word.offset, hasGlob: whole.hasGlob))
            }
            return
        }
        if let value = whole.value, word.hasUnquotedExpansion {
            // Unquoted expansions split on IFS: `rm${IFS}-rf${IFS}/` is three words.
            let fields = fields(of: value)
            if fields.count > 1 {
                for field in fields {
                    resolved.append(.known(String(field), source: word.source, offset: word.offset, hasGlob: field.contains("*")))
                }
                return
            }
        }
        resolved.append(whole)
    }

    /// `"${cmd[@]}"` (one word per element), `${cmd[@]}`/`${cmd[*]}` (elements split on
    /// `IFS`) and `"${cmd[*]}"` (one word) for an array with known elements.
    private func arrayWords(_ word: BashWord) -> [ResolvedWord]? {
        guard word.parts.count == 1 else { return nil }
        let parameter: BashParameter
        var quoted = false
        switch word.parts[0] {
        case .parameter(let direct): parameter = direct
        case .doubleQuoted(let inner) where inner.count == 1:
            guard case .parameter(let inside) = inner[0] else { return nil }
            parameter = inside
            quoted = true
        default: return nil
        }
        guard parameter.op == "[", parameter.argument == "@]" || parameter.argument == "*]", !parameter.indirect, !parameter.length,
              case .array(let items)? = variables[parameter.name] else { return nil }
        let known: (String) -> ResolvedWord = { .known($0, source: word.source, offset: word.offset, hasGlob: !quoted && $0.contains("*")) }
        if quoted {
            return parameter.argument == "@]" ? items.map(known) : [known(items.joined(separator: " "))]
        }
        return items.flatMap { fields(of: $0).map { known(String($0)) } }
    }

    /// `"$@"`, `$@`, `$*` with known arguments (inside a function called with them).
    private func positionalWords(_ word: BashWord) -> [ResolvedWord]? {
        guard word.parts.count == 1, let count = positionalCount else { return nil }
        let parameter: BashParameter
        switch word.parts[0] {
        case .parameter(let direct): parameter = direct
        case .doubleQuoted(let inner) where inner.count == 1:
            guard case .parameter(let quoted) = inner[0] else { return nil }
            parameter = quoted
        default: return nil
        }
        guard parameter.op.isEmpty, parameter.name == "@" || parameter.name == "*" else { return nil }
        return (0..<count).map { index in
            if let value = arguments?[index] {
                return .known(value, source: word.source, offset: word.offset, hasGlob: value.contains("*"))
            }
            return ResolvedWord(value: nil, knownPrefix: "", knownSuffix: "", guarded: false, hasGlob: false, source: word.source, offset: word.offset)
        }
    }

    /// How many positional parameters are known (inside a function call); `nil` outside.
    var positionalCount: Int? { arguments?.count }

    /// What the script set `name` to: a variable, or inside a function call `$1`…`$N` and
    /// `$#`.
    func lookup(_ name: String) -> VariableValue? {
        guard let first = name.utf8.first, first == UInt8(ascii: "#") || (first >= 48 && first <= 57) else {
            return variables[name]
        }
        guard let arguments else { return nil }
        if name == "#" { return .known(String(arguments.count)) }
        guard let position = Int(name), position >= 1, position <= arguments.count else { return nil }
        return arguments[position - 1].map(VariableValue.known) ?? .unknown
    }

    /// `value` split into fields the way word splitting does: on `IFS` when the script set it
    /// to a known value, else on spaces, tabs and newlines.
    func fields(of value: String) -> [Substring] {
        if case .known(let ifs)? = variables["IFS"] {
            let separators = Set(ifs)
            return value.split(whereSeparator: separators.contains)
        }
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") }
        // Most values hold nothing to split on.
        guard value.utf8.contains(where: isBlank) else { return value.isEmpty ? [] : [value[...]] }
        // The separators are ASCII: split the bytes, not the characters.
        return value.utf8.split(whereSeparator: isBlank).map { Substring($0) }
    }

    /// Follows `cd`: a known absolute (or relative to a known) directory, else unknown.
    mutating func changeDirectory(to target: ResolvedWord?) {
        guard let path = target?.value, path != "-" else {
            workingDirectory = target == nil ? "~" : nil
            return
        }
        if path.hasPrefix("/") {
            workingDirectory = PathClassifier.normalize(path)
        } else if path.hasPrefix("~") {
            workingDirectory = path
        } else if let current = workingDirectory, current.hasPrefix("/") {
            workingDirectory = PathClassifier.normalize(current + "/" + path)
        } else {
            workingDirectory = nil
        }
    }

    /// Most words are one piece of plain or quoted text; they resolve to themselves.
    private static func plainWord(_ word: BashWord) -> ResolvedWord? {
        if let text = word.plainText { return plainLiteral(text, of: word) }
        guard word.parts.count == 1 else { return nil }
        switch word.parts[0] {
        case .literal(let text):
            return plainLiteral(text, of: word)
        case .quoted(let text):
            return .known(text, source: word.source, offset: word.offset)
        default:
            return nil
        }
    }

    /// Unquoted text resolves to itself, unless it holds a brace list to expand.
    private static func plainLiteral(_ text: String, of word: BashWord) -> ResolvedWord? {
        var braces = false
        var commas = false
        var glob = false
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "{"): braces = true
                case UInt8(ascii: ","): commas = true
                case UInt8(ascii: "*"), UInt8(ascii: "?"), UInt8(ascii: "["): glob = true
                default: continue
                }
            }
        }
        if braces && commas { return nil }
        return .known(text, source: word.source, offset: word.offset, hasGlob: glob)
    }

    /// The word as one field.
    func resolveWhole(_ word: BashWord) -> ResolvedWord {
        if let plain = Self.plainWord(word), !word.hasUnquotedBraces { return plain }
        if let parameter = Self.soleParameter(of: word) {
            // `"$OUT"`, `$1`: the commonest expansion, without collecting segments.
            if let value = value(of: parameter) {
                return ResolvedWord(value: value, knownPrefix: value, knownSuffix: value, guarded: true, hasGlob: false, source: word.source, offset: word.offset)
            }
            return ResolvedWord(
                value: nil, knownPrefix: "", knownSuffix: "", guarded: parameter.failsWhenEmpty, hasGlob: false,
                source: word.source, offset: word.offset, stopsShell: stopsShell(parameter)
            )
        }
        var known = KnownText()
        var flags = Flags()
        collect(word.parts, into: &known, flags: &flags, quoted: false)
        guard let prefix = known.prefix else {
            return ResolvedWord(
                value: known.tail, knownPrefix: known.tail, knownSuffix: known.tail, guarded: true, hasGlob: flags.hasGlob,
                source: word.source, offset: word.offset, stopsShell: flags.stopsShell
            )
        }
        return ResolvedWord(
            value: nil, knownPrefix: prefix, knownSuffix: known.tail, guarded: flags.guarded, hasGlob: flags.hasGlob,
            source: word.source, offset: word.offset, stopsShell: flags.stopsShell
        )
    }

    /// The known text of a word's parts, read in order: appended to directly rather than
    /// collected as segments and joined.
    private struct KnownText {
        /// The text before the first unknown part; `nil` while every part is known.
        var prefix: String?
        /// The text since the last unknown part (all of it while every part is known).
        var tail = ""

        mutating func append(_ known: String) {
            tail += known
        }

        mutating func appendUnknown() {
            if prefix == nil { prefix = tail }
            tail = ""
        }
    }

    /// The parameter of a word that is one parameter expansion, quoted or not.
    private static func soleParameter(of word: BashWord) -> BashParameter? {
        guard word.plainText == nil else { return nil }
        let parts = word.parts
        guard parts.count == 1 else { return nil }
        switch parts[0] {
        case .parameter(let parameter):
            return parameter
        case .doubleQuoted(let inner) where inner.count == 1:
            if case .parameter(let parameter) = inner[0] { return parameter }
            return nil
        default:
            return nil
        }
    }

    private struct Flags {
        var guarded = true
        var hasGlob = false
        var stopsShell = false
    }

    /// `${NAME:?}` where the script can be sure `NAME` is unset.
    private func stopsShell(_ parameter: BashParameter) -> Bool {
        guard parameter.failsWhenEmpty, !parameter.indirect, !parameter.length, !mayHaveUnseenVariables,
              variables[parameter.name] == nil, let unsetVariables else { return false }
        return unsetVariables.isCertainlyUnset(parameter.name)
    }

    private func collect(_ parts: [BashWordPart], into known: inout KnownText, flags: inout Flags, quoted: Bool) {
        for part in parts {
            switch part {
            case .literal(let text):
                if !quoted, text.utf8.contains(where: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "[") }) {
                    flags.hasGlob = true
                }
                known.append(text)
            case .quoted(let text):
                known.append(text)
            case .doubleQuoted(let inner):
                collect(inner, into: &known, flags: &flags, quoted: true)
            case .parameter(let parameter):
                if let value = value(of: parameter) {
                    known.append(value)
                } else {
                    if !parameter.failsWhenEmpty { flags.guarded = false }
                    if stopsShell(parameter) { flags.stopsShell = true }
                    known.appendUnknown()
                }
            case .commandSubstitution(let script, _):
                // `$(echo rm)`, `$(echo cm0= | base64 -d)`: fixed output is known output.
                if let output = StaticPipeline.output(of: script, resolver: self) {
                    var trimmed = output
                    while trimmed.hasSuffix("\n") { trimmed.removeLast() }
                    known.append(trimmed)
                } else {
                    flags.guarded = false
                    known.appendUnknown()
                }
            case .processSubstitution, .arithmetic:
                flags.guarded = false
                known.appendUnknown()
            }
        }
    }

    /// Special parameters that always expand to a number.
    static let numericParameters: Set<String> = ["$", "!", "?", "RANDOM", "BASHPID", "PPID", "SECONDS", "EPOCHSECONDS", "LINENO", "UID", "EUID"]

    private func value(of parameter: BashParameter) -> String? {
        guard !parameter.indirect, !parameter.length else { return nil }
        // One lookup per parameter: this is asked of every expansion in the script.
        let variable = lookup(parameter.name)
        if parameter.op.isEmpty {
            if parameter.name.utf8.count == 4, parameter.name == "HOME" { return "~" }
            if variable == nil {
                if parameter.name.utf8.count == 3, parameter.name == "IFS" { return " " }
                // `$$`, `$RANDOM`: digits whatever they are, which is all a path needs to know.
                if Self.numericParameters.contains(parameter.name) { return "1" }
            }
        }
        if case .array(let items)? = variable {
            switch (parameter.op, parameter.argument) {
            case ("", _): return items.first ?? ""
            case ("[", "@]"), ("[", "*]"): return items.joined(separator: " ")
            case ("[", let subscriptText):
                guard let index = Int(subscriptText.dropLast()), index >= 0 else { return nil }
                return index < items.count ? items[index] : ""
            default: return nil
            }
        }
        switch (variable, parameter.op) {
        case (.known(let value)?, ""), (.known(let value)?, ":?"), (.known(let value)?, "?"):
            return value
        case (.known(let value)?, ":-") where !value.isEmpty:
            return value
        case (.known(let value)?, "-"):
            return value
        default:
            return nil
        }
    }
}

extension BashWord {
    /// Whether a parameter or command substitution stands outside quotes (and so splits).
    var hasUnquotedExpansion: Bool {
        if plainText != nil { return false }
        return parts.contains { part in
            switch part {
            case .parameter, .commandSubstitution: true
            default: false
            }
        }
    }

    /// Whether an unquoted part holds a `{...,...}` brace list.
    var hasUnquotedBraces: Bool {
        if let plainText { return plainText.contains("{") && plainText.contains(",") }
        return parts.contains { part in
            guard case .literal(let text) = part else { return false }
            return text.contains("{") && text.contains(",")
        }
    }
}
