/// A recursive-descent parser for bash and POSIX sh.
///
/// It reads the whole language remediation scripts use (quoting and escapes, parameter,
/// arithmetic, command and process substitution, pipelines, lists, subshells, groups,
/// `if`/`case`/`for`/`while`/`until`, functions, here-documents and here-strings,
/// redirections) into a ``BashScript``. It works on bytes and is linear in the script's
/// length; nesting deeper than ``maximumDepth`` is refused instead of exhausting the stack.
public struct BashParser {
    /// Nesting beyond this is refused: no real remediation script comes close, and
    /// unbounded recursion would let a hostile script crash the validator.
    public static let maximumDepth = 200

    let bytes: [UInt8]
    /// Added to every offset, for scripts parsed out of another script (backticks).
    let baseOffset: Int
    var index = 0
    var depth: Int
    /// Where scanning resumes after a newline that is followed by here-document bodies.
    var resumeAfterNewline: [Int: Int] = [:]

    public init(_ script: String) {
        self.init(bytes: Array(script.utf8), baseOffset: 0, depth: 0)
    }

    init(bytes: [UInt8], baseOffset: Int, depth: Int) {
        self.bytes = bytes
        self.baseOffset = baseOffset
        self.depth = depth
    }

    /// Parses a whole script.
    public static func parse(_ script: String) throws(BashParseError) -> BashScript {
        var parser = BashParser(script)
        return try parser.parseScript()
    }

    mutating func parseScript() throws(BashParseError) -> BashScript {
        let body = try parseList(stop: .endOfInput)
        skipSeparators()
        guard atEnd else {
            throw error("unexpected '\(currentTokenText())'")
        }
        return BashScript(body: body)
    }

    // MARK: - Lists

    /// What ends a list besides the end of input.
    struct Stop {
        var words: [String] = []
        var closingParen = false
        var caseItemEnd = false

        static let endOfInput = Stop()
    }

    mutating func parseList(stop: Stop) throws(BashParseError) -> BashList {
        try enterNesting()
        defer { depth -= 1 }
        var items: [BashAndOr] = []
        while true {
            skipSeparators()
            if atEnd { break }
            if stop.closingParen, peek() == UInt8(ascii: ")") { break }
            if stop.caseItemEnd, isCaseItemTerminator() { break }
            if !stop.words.isEmpty, let word = peekReservedWord(), stop.words.contains(word) { break }
            if peek() == UInt8(ascii: ")") || isCaseItemTerminator() {
                throw error("unexpected '\(currentTokenText())'")
            }
            var item = try parseAndOr()
            skipBlanks()
            if peek() == UInt8(ascii: "&"), peek(1) != UInt8(ascii: "&"), peek(1) != UInt8(ascii: ">") {
                index += 1
                item.background = true
            } else if peek() == UInt8(ascii: ";"), !isCaseItemTerminator() {
                index += 1
            }
            items.append(item)
        }
        return BashList(items: items)
    }

    mutating func parseAndOr() throws(BashParseError) -> BashAndOr {
        let first = try parsePipeline()
        var rest: [(BashAndOr.Connector, BashPipeline)] = []
        while true {
            skipBlanks()
            let connector: BashAndOr.Connector
            if peek() == UInt8(ascii: "&"), peek(1) == UInt8(ascii: "&") {
                connector = .and
            } else if peek() == UInt8(ascii: "|"), peek(1) == UInt8(ascii: "|") {
                connector = .or
            } else {
                break
            }
            index += 2
            skipBlanksAndNewlines()
            rest.append((connector, try parsePipeline()))
        }
        return BashAndOr(first: first, rest: rest, background: false)
    }

    mutating func parsePipeline() throws(BashParseError) -> BashPipeline {
        skipBlanks()
        let start = offset
        var negated = false
        while true {
            if peek() == UInt8(ascii: "t"), peekReservedWord() == "time" {
                index += 4
                skipBlanks()
                if peek() == UInt8(ascii: "-"), peek(1) == UInt8(ascii: "p"), isBreak(at: index + 2) {
                    index += 2
                }
                skipBlanks()
            } else if peek() == UInt8(ascii: "!"), isBreak(at: index + 1) {
                index += 1
                negated.toggle()
                skipBlanks()
            } else {
                break
            }
        }
        var commands = [try parseCommand()]
        while true {
            skipBlanks()
            guard peek() == UInt8(ascii: "|"), peek(1) != UInt8(ascii: "|") else { break }
            index += peek(1) == UInt8(ascii: "&") ? 2 : 1
            skipBlanksAndNewlines()
            commands.append(try parseCommand())
        }
        return BashPipeline(commands: commands, negated: negated, offset: start)
    }

    // MARK: - Commands

    mutating func parseCommand() throws(BashParseError) -> BashCommand {
        skipBlanks()
        guard !atEnd else { throw error("a command was expected but the script ended") }
        if let word = peekReservedWord() {
            switch word {
            case "if": return try parseIf()
            case "while": return try parseLoop(.whileLoop)
            case "until": return try parseLoop(.untilLoop)
            case "for", "select": return try parseFor()
            case "case": return try parseCase()
            case "function": return try parseFunctionKeyword()
            case "{": return try parseGroup()
            case "[[": return try parseConditional()
            case "then", "else", "elif", "fi", "do", "done", "esac", "}", "in":
                throw error("unexpected '\(word)'")
            default: break
            }
        }
        if peek() == UInt8(ascii: "("), peek(1) == UInt8(ascii: "(") {
            return try parseArithmeticCommand()
        }
        if peek() == UInt8(ascii: "(") {
            return try parseSubshell()
        }
        if let function = try parseFunctionDefinitionIfPresent() {
            return function
        }
        return .simple(try parseSimpleCommand())
    }

    mutating func parseSimpleCommand() throws(BashParseError) -> BashSimpleCommand {
        let start = offset
        var assignments: [BashAssignment] = []
        var words: [BashWord] = []
        words.reserveCapacity(8)
        var redirects: [BashRedirect] = []
        /// Whether the command is a declaration builtin, known once its first word is read.
        var isDeclaration = false
        while true {
            skipBlanks()
            guard let byte = peek(), !isCommandEnd(byte) else { break }
            if isRedirectStart() {
                redirects.append(try parseRedirect())
                continue
            }
            if byte == UInt8(ascii: "(") {
                if words.isEmpty && assignments.isEmpty { break }
                throw error("unexpected '(' in a command")
            }
            if words.isEmpty, let assignment = try parseAssignmentIfPresent() {
                assignments.append(assignment)
                continue
            }
            // `declare -A map=()`, `local list=(a b)`: declaration builtins take array
            // assignments as arguments.
            if isDeclaration, arrayAssignmentFollows() {
                let saved = index
                if let assignment = try parseAssignmentIfPresent() {
                    assignments.append(assignment)
                    continue
                }
                index = saved
            }
            guard let word = try parseWord() else {
                throw error("unexpected '\(currentTokenText())'")
            }
            if words.isEmpty, let head = word.staticValue { isDeclaration = Self.declarationBuiltins.contains(head) }
            words.append(word)
        }
        if words.isEmpty && assignments.isEmpty && redirects.isEmpty {
            throw error(atEnd ? "a command was expected but the script ended" : "unexpected '\(currentTokenText())'")
        }
        return BashSimpleCommand(assignments: assignments, words: words, redirects: redirects, offset: start)
    }

    mutating func parseRedirects() throws(BashParseError) -> [BashRedirect] {
        var redirects: [BashRedirect] = []
        while true {
            skipBlanks()
            guard isRedirectStart() else { return redirects }
            redirects.append(try parseRedirect())
        }
    }

    func isRedirectStart() -> Bool {
        var cursor = index
        while cursor < bytes.count, bytes[cursor] >= 48, bytes[cursor] <= 57 { cursor += 1 }
        guard cursor < bytes.count else { return false }
        let byte = bytes[cursor]
        if byte == UInt8(ascii: "&"), cursor == index, cursor + 1 < bytes.count, bytes[cursor + 1] == UInt8(ascii: ">") {
            return true
        }
        guard byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") else { return false }
        // `<(` and `>(` start a process substitution, which is a word.
        if cursor == index, cursor + 1 < bytes.count, bytes[cursor + 1] == UInt8(ascii: "(") { return false }
        return true
    }

    mutating func parseRedirect() throws(BashParseError) -> BashRedirect {
        let start = offset
        var fd: Int?
        while let byte = peek(), byte >= 48, byte <= 57 {
            fd = (fd ?? 0) &* 10 &+ Int(byte - 48)
            index += 1
        }
        let op: BashRedirect.Operator
        if matches("&>>") { op = .appendOutputAndError; index += 3 }
        else if matches("&>") { op = .outputAndError; index += 2 }
        else if matches("<<<") { op = .hereString; index += 3 }
        else if matches("<<-") { op = .hereDocumentStripTabs; index += 3 }
        else if matches("<<") { op = .hereDocument; index += 2 }
        else if matches(">>") { op = .append; index += 2 }
        else if matches(">|") { op = .clobber; index += 2 }
        else if matches(">&") { op = .duplicateOutput; index += 2 }
        else if matches("<&") { op = .duplicateInput; index += 2 }
        else if matches("<>") { op = .readWrite; index += 2 }
        else if matches(">") { op = .output; index += 1 }
        else { op = .input; index += 1 }
        skipBlanks()
        guard let target = try parseWord() else {
            throw error("a redirection '\(op.rawValue)' needs a target")
        }
        var redirect = BashRedirect(fd: fd, op: op, target: target, hereDocument: nil, offset: start)
        if op == .hereDocument || op == .hereDocumentStripTabs {
            redirect.hereDocument = try readHereDocument(delimiter: target, stripTabs: op == .hereDocumentStripTabs)
        }
        return redirect
    }

    /// The builtins whose `NAME=(...)` arguments are array assignments; asked of every
    /// command's first word, hence a ``NameTable``.
    static let declarationBuiltins = NameTable(names: ["declare", "typeset", "local", "export", "readonly"])

    /// Whether `NAME=(`, `NAME+=(` or `NAME[i]=(` starts here.
    func arrayAssignmentFollows() -> Bool {
        guard let first = peek(), isNameStart(first) else { return false }
        var cursor = index + 1
        while cursor < bytes.count, isNameContinuation(bytes[cursor]) { cursor += 1 }
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "+") { cursor += 1 }
        return cursor + 1 < bytes.count && bytes[cursor] == UInt8(ascii: "=") && bytes[cursor + 1] == UInt8(ascii: "(")
    }

    /// `NAME=value`, `NAME+=value`, `NAME[i]=value` or `NAME=(a b c)` at the cursor.
    mutating func parseAssignmentIfPresent() throws(BashParseError) -> BashAssignment? {
        let start = index
        guard let first = peek(), isNameStart(first) else { return nil }
        var cursor = index + 1
        while cursor < bytes.count, isNameContinuation(bytes[cursor]) { cursor += 1 }
        let nameEnd = cursor
        var subscriptRange: Range<Int>?
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "[") {
            let subscriptStart = cursor + 1
            while cursor < bytes.count, bytes[cursor] != UInt8(ascii: "]"), bytes[cursor] != UInt8(ascii: "\n") { cursor += 1 }
            guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "]") else { return nil }
            subscriptRange = subscriptStart..<cursor
            cursor += 1
        }
        let subscriptText = subscriptRange.map { text($0) }
        var append = false
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "+") {
            append = true
            cursor += 1
        }
        guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "=") else { return nil }
        let name = String(decoding: bytes[start..<nameEnd], as: UTF8.self)
        index = cursor + 1
        if peek() == UInt8(ascii: "(") {
            index += 1
            var values: [BashWord] = []
            while true {
                skipBlanksAndNewlines()
                if peek() == UInt8(ascii: ")") {
                    index += 1
                    break
                }
                guard let word = try parseWord() else {
                    throw error("an array assignment to '\(name)' is not closed with ')'")
                }
                values.append(word)
            }
            return BashAssignment(name: name, index: subscriptText, value: nil, arrayValues: values, append: append, offset: baseOffset + start)
        }
        let value = try parseWord()
        return BashAssignment(name: name, index: subscriptText, value: value, arrayValues: nil, append: append, offset: baseOffset + start)
    }

    // MARK: - Scanning helpers

    var atEnd: Bool { index >= bytes.count }
    var offset: Int { baseOffset + index }

    func peek(_ ahead: Int = 0) -> UInt8? {
        let position = index + ahead
        return position < bytes.count ? bytes[position] : nil
    }

    func matches(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let pointer = text.utf8Start
        for position in 0..<count where bytes[index + position] != pointer[position] {
            return false
        }
        return true
    }

    func isCommandEnd(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\n") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: "&") && peek(1) != UInt8(ascii: ">")
            || byte == UInt8(ascii: "|") || byte == UInt8(ascii: ")")
    }

    /// Whether the byte at `position` ends a word (or the input ends there).
    func isBreak(at position: Int) -> Bool {
        guard position < bytes.count else { return true }
        return isMetacharacter(bytes[position]) || bytes[position] == UInt8(ascii: "\n")
    }

    func isMetacharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: ";"), UInt8(ascii: "&"),
             UInt8(ascii: "|"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "("), UInt8(ascii: ")"), 13:
            true
        default:
            false
        }
    }

    func isNameStart(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "_") || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
    }

    func isNameContinuation(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= 48 && byte <= 57)
    }

    func isCaseItemTerminator() -> Bool {
        peek() == UInt8(ascii: ";") && (peek(1) == UInt8(ascii: ";") || peek(1) == UInt8(ascii: "&"))
    }

    /// Skips spaces, tabs, line continuations and comments, but not newlines.
    mutating func skipBlanks() {
        while let byte = peek() {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == 13 {
                index += 1
            } else if byte == UInt8(ascii: "\\"), peek(1) == UInt8(ascii: "\n") {
                index += 2
            } else if byte == UInt8(ascii: "#") {
                index = bytes.endOfLine(from: index)
            } else {
                return
            }
        }
    }

    mutating func skipBlanksAndNewlines() {
        while true {
            skipBlanks()
            guard peek() == UInt8(ascii: "\n") else { return }
            consumeNewline()
        }
    }

    /// Skips blanks, newlines and stray `;` between list items.
    mutating func skipSeparators() {
        while true {
            skipBlanksAndNewlines()
            guard peek() == UInt8(ascii: ";"), !isCaseItemTerminator() else { return }
            index += 1
        }
    }

    /// Consumes a newline and jumps over here-document bodies that follow it.
    mutating func consumeNewline() {
        let newline = index
        index += 1
        if let resume = resumeAfterNewline[newline] {
            index = resume
        }
    }

    /// The reserved word at the cursor, if the next word is one.
    func peekReservedWord() -> String? {
        var end = index
        while end < bytes.count, end - index <= Self.longestReservedWord, !isMetacharacter(bytes[end]), bytes[end] != UInt8(ascii: "\n") {
            end += 1
        }
        let length = end - index
        guard length > 0, length <= Self.longestReservedWord else { return nil }
        // Asked before every command: compare bytes, without building a string to hash.
        for (word, text) in Self.reservedWordsByLength[length] where bytes[index..<end].elementsEqual(word) {
            return text
        }
        return nil
    }

    static let reservedWords: [String] = [
        "if", "then", "elif", "else", "fi", "for", "select", "in", "do", "done", "while", "until",
        "case", "esac", "function", "{", "}", "[[", "time",
    ]

    private static let longestReservedWord = 8

    /// ``reservedWords`` as bytes, by length.
    private static let reservedWordsByLength: [[([UInt8], String)]] = (0...longestReservedWord).map { length in
        reservedWords.filter { $0.utf8.count == length }.map { (Array($0.utf8), $0) }
    }

    mutating func expectReservedWord(_ word: String) throws(BashParseError) {
        skipSeparators()
        guard peekReservedWord() == word else {
            throw error(atEnd ? "'\(word)' was expected but the script ended" : "'\(word)' was expected, found '\(currentTokenText())'")
        }
        index += word.utf8.count
    }

    mutating func enterNesting() throws(BashParseError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw error("the script nests deeper than \(Self.maximumDepth) levels")
        }
    }

    func currentTokenText() -> String {
        guard !atEnd else { return "end of script" }
        var end = index + 1
        while end < bytes.count, end - index < 20, !isMetacharacter(bytes[end]), bytes[end] != UInt8(ascii: "\n") { end += 1 }
        return String(decoding: bytes[index..<end], as: UTF8.self)
    }

    func error(_ message: String) -> BashParseError {
        BashParseError(message, offset: offset)
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}
