/// The syntax tree of a bash / POSIX sh script.
///
/// Every node keeps the byte offset where it starts in the script, so findings can
/// point at a line and column; ``SourceText`` converts offsets.
public struct BashScript: Sendable, Equatable {
    public var body: BashList
}

/// Commands separated by `;`, `&` or newlines.
public struct BashList: Sendable, Equatable {
    public var items: [BashAndOr]
}

/// Pipelines joined by `&&` / `||`, optionally run in the background.
public struct BashAndOr: Sendable, Equatable {
    public enum Connector: Sendable, Equatable {
        case and
        case or
    }

    public var first: BashPipeline
    public var rest: [(Connector, BashPipeline)]
    public var background: Bool

    public var pipelines: [BashPipeline] { [first] + rest.map(\.1) }

    public static func == (lhs: BashAndOr, rhs: BashAndOr) -> Bool {
        lhs.first == rhs.first && lhs.background == rhs.background
            && lhs.rest.map(\.0) == rhs.rest.map(\.0) && lhs.rest.map(\.1) == rhs.rest.map(\.1)
    }
}

/// Commands joined by `|` (or `|&`).
public struct BashPipeline: Sendable, Equatable {
    public var commands: [BashCommand]
    public var negated: Bool
    public var offset: Int
}

/// One command of a pipeline.
///
/// Only the cases that hold a command directly (or are large and rare) are boxed: a simple
/// command, the most common node, is stored in place instead of costing an allocation.
public enum BashCommand: Sendable, Equatable {
    case simple(BashSimpleCommand)
    case subshell(BashList, redirects: [BashRedirect], offset: Int)
    case group(BashList, redirects: [BashRedirect], offset: Int)
    case ifClause(branches: [(condition: BashList, body: BashList)], elseBody: BashList?, redirects: [BashRedirect], offset: Int)
    case loop(kind: LoopKind, condition: BashList, body: BashList, redirects: [BashRedirect], offset: Int)
    case forClause(variable: String, items: [BashWord]?, body: BashList, redirects: [BashRedirect], offset: Int)
    case arithmeticFor(header: String, body: BashList, redirects: [BashRedirect], offset: Int)
    indirect case caseClause(subject: BashWord, items: [(patterns: [BashWord], body: BashList)], redirects: [BashRedirect], offset: Int)
    indirect case function(name: String, body: BashCommand, offset: Int)
    /// `(( expression ))`.
    case arithmetic(String, offset: Int)
    /// `[[ expression ]]`; the words are kept for the substitutions they may contain.
    case conditional([BashWord], offset: Int)

    public enum LoopKind: Sendable, Equatable {
        case whileLoop
        case untilLoop
    }

    public var offset: Int {
        switch self {
        case .simple(let command): command.offset
        case .subshell(_, _, let offset), .group(_, _, let offset), .ifClause(_, _, _, let offset),
             .loop(_, _, _, _, let offset), .forClause(_, _, _, _, let offset), .arithmeticFor(_, _, _, let offset),
             .caseClause(_, _, _, let offset), .function(_, _, let offset), .arithmetic(_, let offset),
             .conditional(_, let offset):
            offset
        }
    }

    public static func == (lhs: BashCommand, rhs: BashCommand) -> Bool {
        // Structural equality is only needed by tests; compare the printed shape.
        String(describing: lhs) == String(describing: rhs)
    }
}

/// `NAME=value` before a command (or alone).
public struct BashAssignment: Sendable, Equatable {
    public var name: String
    /// `a[INDEX]=...`: the index, an arithmetic expression that can hold substitutions.
    public var index: String?
    public var value: BashWord?
    /// `a=(x y z)`.
    public var arrayValues: [BashWord]?
    public var append: Bool
    public var offset: Int
}

/// A command name with its arguments, assignments and redirections.
public struct BashSimpleCommand: Sendable, Equatable {
    public var assignments: [BashAssignment]
    public var words: [BashWord]
    public var redirects: [BashRedirect]
    public var offset: Int
}

/// A redirection such as `2>&1`, `> /dev/sda` or a here-document.
public struct BashRedirect: Sendable, Equatable {
    public enum Operator: String, Sendable, Equatable {
        case output = ">"
        case append = ">>"
        case clobber = ">|"
        case input = "<"
        case readWrite = "<>"
        case duplicateOutput = ">&"
        case duplicateInput = "<&"
        case outputAndError = "&>"
        case appendOutputAndError = "&>>"
        case hereDocument = "<<"
        case hereDocumentStripTabs = "<<-"
        case hereString = "<<<"
    }

    public var fd: Int?
    public var op: Operator
    /// The file, fd or here-string word; for a here-document, its delimiter.
    public var target: BashWord
    /// The here-document's body, filled in when the body has been read.
    public var hereDocument: BashHereDocument?
    public var offset: Int

    /// Whether this redirection writes to its target.
    public var writes: Bool {
        switch op {
        case .output, .append, .clobber, .readWrite, .outputAndError, .appendOutputAndError: true
        case .duplicateOutput: true
        default: false
        }
    }

    /// Whether this redirection feeds the command's standard input from text in the script.
    public var isInlineInput: Bool {
        op == .hereDocument || op == .hereDocumentStripTabs || op == .hereString
    }
}

/// The body of a here-document.
public struct BashHereDocument: Sendable, Equatable {
    /// The text as written (after tab stripping for `<<-`).
    public var text: String
    /// Whether expansions in the body happen (unquoted delimiter); the parts are then parsed.
    public var expands: Bool
    public var parts: [BashWordPart]
    public var offset: Int
}

/// A word: the concatenation of its parts after expansion and quote removal.
public struct BashWord: Sendable, Equatable {
    /// The parts, or `nil` for a word that is one run of unquoted text: most words are,
    /// and they are then their own ``source``, without an array of parts to allocate.
    private var storedParts: [BashWordPart]?
    public var offset: Int
    /// The word's source text, for snippets.
    public var source: String

    public init(parts: [BashWordPart], offset: Int, source: String) {
        if parts.count == 1, case .literal(let text) = parts[0], text == source {
            self.storedParts = nil
        } else {
            self.storedParts = parts
        }
        self.offset = offset
        self.source = source
    }

    /// A word that is one run of unquoted text.
    init(plain text: String, offset: Int) {
        self.storedParts = nil
        self.offset = offset
        self.source = text
    }

    public var parts: [BashWordPart] { storedParts ?? [.literal(source)] }

    /// The text of a word that is one run of unquoted text (glob characters kept), else `nil`.
    var plainText: String? { storedParts == nil ? source : nil }

    /// The word after quote removal when no part needs a runtime value, else `nil`.
    ///
    /// Unquoted glob characters stay in the value; ``hasUnquotedGlob`` tells whether there are any.
    public var staticValue: String? {
        if let plainText { return plainText }
        var result = ""
        for part in parts {
            guard let text = part.staticText else { return nil }
            result += text
        }
        return result
    }

    /// Whether an unquoted `*`, `?` or `[` appears (pathname expansion happens).
    public var hasUnquotedGlob: Bool {
        parts.contains { part in
            if case .literal(let text) = part {
                return text.utf8.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "[") }
            }
            return false
        }
    }
}

/// A piece of a word. Text parts, nearly all of them, are stored in place; a parameter
/// expansion, large and rarer, is boxed.
public enum BashWordPart: Sendable, Equatable {
    /// Unquoted text (escapes already removed; glob characters kept).
    case literal(String)
    /// `'text'`, `\x` escapes and `$'...'` after decoding: never expanded.
    case quoted(String)
    /// `"..."`: its own parts.
    case doubleQuoted([BashWordPart])
    /// `$name`, `${name...}`.
    indirect case parameter(BashParameter)
    /// `$(...)`, backticks.
    case commandSubstitution(BashScript, offset: Int)
    /// `<(...)`, `>(...)`.
    case processSubstitution(BashScript, input: Bool, offset: Int)
    /// `$(( ... ))`.
    case arithmetic(String)

    /// `"..."` with `inner` parts; a string with no expansion is its quoted text, which
    /// means the same and resolves without walking nested parts (`"a|b"` is `'a|b'`).
    static func doubleQuoted(simplifying inner: [BashWordPart]) -> BashWordPart {
        if inner.isEmpty { return .quoted("") }
        if inner.count == 1, case .quoted = inner[0] { return inner[0] }
        return .doubleQuoted(inner)
    }

    /// The text of the part when it has no runtime value.
    var staticText: String? {
        switch self {
        case .literal(let text), .quoted(let text): return text
        case .doubleQuoted(let parts):
            var result = ""
            for part in parts {
                guard let text = part.staticText else { return nil }
                result += text
            }
            return result
        case .parameter, .commandSubstitution, .processSubstitution, .arithmetic:
            return nil
        }
    }
}

/// A parameter expansion.
public struct BashParameter: Sendable, Equatable {
    /// `HOME`, `1`, `@`, `?`; for `${!name}` the name after `!`.
    public var name: String
    /// The operator after the name: `:?`, `:-`, `-`, `:=`, `#`, `%%`, `/`, ...; empty for `$x`/`${x}`.
    public var op: String
    /// The raw text after the operator.
    public var argument: String
    /// The argument's parts: substitutions inside `${x:-$(cmd)}` run too.
    public var argumentParts: [BashWordPart]
    /// `${!name}`: indirect expansion.
    public var indirect: Bool
    /// `${#name}`: length.
    public var length: Bool

    /// `${name:?message}` / `${name?message}`: the shell aborts when it is unset (or empty).
    public var failsWhenEmpty: Bool {
        op == ":?" || op == "?"
    }
}
