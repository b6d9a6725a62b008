extension BashParser {
    /// Reads one word at the cursor, or returns `nil` when a metacharacter or the end is there.
    mutating func parseWord() throws(BashParseError) -> BashWord? {
        let start = index
        // Most words are one run of plain bytes (`grep`, `-rf`, `/var/log`): read it in one pass.
        while let byte = peek(), Self.isPlainWordByte(byte) { index += 1 }
        if index > start, peek().map({ isMetacharacter($0) && $0 != UInt8(ascii: "(") && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">") }) ?? true {
            return BashWord(plain: text(start..<index), offset: baseOffset + start)
        }
        var parts = WordPartsBuilder(plainText: .literal, source: bytes)
        if index > start { parts.append(sourceRange: start..<index) }
        scanning: while let byte = peek() {
            switch byte {
            case UInt8(ascii: "\\"):
                if peek(1) == UInt8(ascii: "\n") {
                    index += 2
                } else if let escaped = peek(1) {
                    parts.append(.quoted(String(decoding: [escaped], as: UTF8.self)))
                    index += 2
                } else {
                    index += 1
                }
            case UInt8(ascii: "'"):
                parts.append(.quoted(try readSingleQuoted()))
            case UInt8(ascii: "\""):
                index += 1
                parts.append(.doubleQuoted(simplifying: try parseDoubleQuotedParts()))
            case UInt8(ascii: "$"):
                if let part = try parseDollar() {
                    parts.append(part)
                } else {
                    parts.append(sourceByteAt: index)
                    index += 1
                }
            case UInt8(ascii: "`"):
                parts.append(try parseBackticks())
            case UInt8(ascii: "<"), UInt8(ascii: ">"):
                guard peek(1) == UInt8(ascii: "(") else { break scanning }
                let substitutionStart = offset
                let input = byte == UInt8(ascii: "<")
                index += 2
                let script = try parseNestedScript(closing: UInt8(ascii: ")"))
                parts.append(.processSubstitution(script, input: input, offset: substitutionStart))
            case UInt8(ascii: "("):
                // extglob patterns: @(a|b) !(x) +(x) *(x) ?(x)
                guard let last = parts.lastPlainByte, [UInt8(ascii: "@"), UInt8(ascii: "!"), UInt8(ascii: "+"), UInt8(ascii: "*"), UInt8(ascii: "?")].contains(last) else {
                    break scanning
                }
                parts.append(bytes: try readBalancedParentheses())
            default:
                if isMetacharacter(byte) || byte == UInt8(ascii: "\n") { break scanning }
                parts.append(sourceByteAt: index)
                index += 1
            }
        }
        guard index > start else { return nil }
        if parts.isOnlyRun(start..<index) {
            return BashWord(plain: text(start..<index), offset: baseOffset + start)
        }
        let built = parts.build()
        // A word of one plain run is its own source text: share it instead of decoding it again.
        if built.count == 1, case .literal(let text) = built[0], text.utf8.count == index - start {
            return BashWord(parts: built, offset: baseOffset + start, source: text)
        }
        return BashWord(parts: built, offset: baseOffset + start, source: text(start..<index))
    }

    /// A byte that is its own text in an unquoted word, whatever follows it.
    static func isPlainWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "$"), UInt8(ascii: "`"), UInt8(ascii: " "),
             UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: ";"), UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "<"),
             UInt8(ascii: ">"), UInt8(ascii: "("), UInt8(ascii: ")"), 13:
            false
        default:
            true
        }
    }

    mutating func readSingleQuoted() throws(BashParseError) -> String {
        let start = offset
        index += 1
        let contentStart = index
        while let byte = peek(), byte != UInt8(ascii: "'") { index += 1 }
        guard !atEnd else { throw BashParseError("a single quote opened here is never closed", offset: start) }
        let content = text(contentStart..<index)
        index += 1
        return content
    }

    /// The parts of a `"..."` string; the cursor is after the opening quote.
    mutating func parseDoubleQuotedParts() throws(BashParseError) -> [BashWordPart] {
        try enterNesting()
        defer { depth -= 1 }
        let start = offset - 1
        // Inside double quotes nothing is a glob: plain text is quoted text.
        var parts = WordPartsBuilder(plainText: .quoted, source: bytes)
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return parts.build()
            case UInt8(ascii: "\\"):
                guard let next = peek(1) else {
                    index += 1
                    continue
                }
                switch next {
                case UInt8(ascii: "\n"):
                    index += 2
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "$"), UInt8(ascii: "`"):
                    parts.append(sourceByteAt: index + 1)
                    index += 2
                default:
                    parts.append(sourceByteAt: index)
                    index += 1
                }
            case UInt8(ascii: "$"):
                if let part = try parseDollar(inDoubleQuotes: true) {
                    parts.append(part)
                } else {
                    parts.append(sourceByteAt: index)
                    index += 1
                }
            case UInt8(ascii: "`"):
                parts.append(try parseBackticks())
            default:
                // Text up to the next byte with a meaning inside double quotes, in one piece.
                let runStart = index
                index += 1
                while let next = peek(), next != UInt8(ascii: "\""), next != UInt8(ascii: "\\"), next != UInt8(ascii: "$"),
                      next != UInt8(ascii: "`") {
                    index += 1
                }
                parts.append(sourceRange: runStart..<index)
            }
        }
        throw BashParseError("a double quote opened here is never closed", offset: start)
    }

    /// A `$` expansion at the cursor, or `nil` when the `$` is literal.
    mutating func parseDollar(inDoubleQuotes: Bool = false) throws(BashParseError) -> BashWordPart? {
        guard let next = peek(1) else { return nil }
        let start = offset
        switch next {
        case UInt8(ascii: "("):
            if peek(2) == UInt8(ascii: "(") {
                index += 1
                let expression = try readArithmetic()
                return .arithmetic(expression)
            }
            index += 2
            let script = try parseNestedScript(closing: UInt8(ascii: ")"))
            return .commandSubstitution(script, offset: start)
        case UInt8(ascii: "{"):
            index += 2
            return .parameter(try parseBracedParameter())
        case UInt8(ascii: "'") where !inDoubleQuotes:
            index += 1
            return .quoted(try readANSICString())
        case UInt8(ascii: "\"") where !inDoubleQuotes:
            index += 2
            return .doubleQuoted(simplifying: try parseDoubleQuotedParts())
        case UInt8(ascii: "["):
            // Obsolete arithmetic form $[ ... ].
            index += 2
            let expressionStart = index
            while let byte = peek(), byte != UInt8(ascii: "]") { index += 1 }
            guard !atEnd else { throw BashParseError("'$[' is never closed", offset: start) }
            let expression = text(expressionStart..<index)
            index += 1
            return .arithmetic(expression)
        default:
            if isNameStart(next) {
                index += 1
                let nameStart = index
                while let byte = peek(), isNameContinuation(byte) { index += 1 }
                return .parameter(BashParameter(name: text(nameStart..<index), op: "", argument: "", argumentParts: [], indirect: false, length: false))
            }
            if (next >= 48 && next <= 57) || "@*#?-$!".utf8.contains(next) {
                index += 2
                return .parameter(BashParameter(name: String(decoding: [next], as: UTF8.self), op: "", argument: "", argumentParts: [], indirect: false, length: false))
            }
            return nil
        }
    }

    /// The inside of `${...}`; the cursor is after `${`.
    mutating func parseBracedParameter() throws(BashParseError) -> BashParameter {
        try enterNesting()
        defer { depth -= 1 }
        let start = offset - 2
        var indirect = false
        var length = false
        if peek() == UInt8(ascii: "!"), peek(1) != UInt8(ascii: "}") {
            indirect = true
            index += 1
        } else if peek() == UInt8(ascii: "#"), peek(1) != UInt8(ascii: "}"), peek(1) != UInt8(ascii: ":") {
            length = true
            index += 1
        }
        let nameStart = index
        if let byte = peek(), isNameStart(byte) {
            while let byte = peek(), isNameContinuation(byte) { index += 1 }
        } else if let byte = peek(), byte >= 48, byte <= 57 {
            while let byte = peek(), byte >= 48, byte <= 57 { index += 1 }
        } else if let byte = peek(), "@*#?-$!".utf8.contains(byte) {
            index += 1
        }
        let name = text(nameStart..<index)
        guard !name.isEmpty else { throw BashParseError("'${' is not followed by a parameter name", offset: start) }
        let opStart = index
        if let first = peek() {
            if let second = peek(1), Self.isTwoByteParameterOperator(first, second) {
                index += 2
            } else if "-=?+#%/^,:@[".utf8.contains(first) {
                index += 1
            }
        }
        let op = text(opStart..<index)
        let argumentStart = index
        let argumentParts = try parseParameterArgument()
        let argument = text(argumentStart..<(index - 1))
        return BashParameter(name: name, op: op, argument: argument, argumentParts: argumentParts, indirect: indirect, length: length)
    }

    /// `:-`, `:=`, `:?`, `:+`, `##`, `%%`, `//`, `/#`, `/%`, `^^`, `,,`: the operators that
    /// take precedence over their first byte alone.
    private static func isTwoByteParameterOperator(_ first: UInt8, _ second: UInt8) -> Bool {
        switch (first, second) {
        case (UInt8(ascii: ":"), UInt8(ascii: "-")), (UInt8(ascii: ":"), UInt8(ascii: "=")), (UInt8(ascii: ":"), UInt8(ascii: "?")),
             (UInt8(ascii: ":"), UInt8(ascii: "+")), (UInt8(ascii: "#"), UInt8(ascii: "#")), (UInt8(ascii: "%"), UInt8(ascii: "%")),
             (UInt8(ascii: "/"), UInt8(ascii: "/")), (UInt8(ascii: "/"), UInt8(ascii: "#")), (UInt8(ascii: "/"), UInt8(ascii: "%")),
             (UInt8(ascii: "^"), UInt8(ascii: "^")), (UInt8(ascii: ","), UInt8(ascii: ",")):
            true
        default:
            false
        }
    }

    /// The word after a parameter operator, up to the closing `}`; substitutions in it are parsed.
    private mutating func parseParameterArgument() throws(BashParseError) -> [BashWordPart] {
        let start = offset
        var parts = WordPartsBuilder(plainText: .literal, source: bytes)
        var braces = 0
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: "}") where braces == 0:
                index += 1
                return parts.build()
            case UInt8(ascii: "}"), UInt8(ascii: "{"):
                braces += byte == UInt8(ascii: "{") ? 1 : -1
                parts.append(sourceByteAt: index)
                index += 1
            case UInt8(ascii: "\\"):
                if peek(1) != nil { parts.append(sourceByteAt: index + 1) }
                index += 2
            case UInt8(ascii: "'"):
                parts.append(bytes: Array(try readSingleQuoted().utf8))
            case UInt8(ascii: "\""):
                index += 1
                parts.append(.doubleQuoted(try parseDoubleQuotedParts()))
            case UInt8(ascii: "$"):
                if let part = try parseDollar() {
                    parts.append(part)
                } else {
                    parts.append(sourceByteAt: index)
                    index += 1
                }
            case UInt8(ascii: "`"):
                parts.append(try parseBackticks())
            default:
                parts.append(sourceByteAt: index)
                index += 1
            }
        }
        throw BashParseError("'${' opened here is never closed", offset: start)
    }

    /// Decodes `$'...'`; the cursor is on the opening quote.
    mutating func readANSICString() throws(BashParseError) -> String {
        let start = offset
        index += 1
        var result: [UInt8] = []
        while let byte = peek() {
            if byte == UInt8(ascii: "'") {
                index += 1
                return String(decoding: result, as: UTF8.self)
            }
            guard byte == UInt8(ascii: "\\"), let escape = peek(1) else {
                result.append(byte)
                index += 1
                continue
            }
            index += 2
            switch escape {
            case UInt8(ascii: "n"): result.append(10)
            case UInt8(ascii: "t"): result.append(9)
            case UInt8(ascii: "r"): result.append(13)
            case UInt8(ascii: "a"): result.append(7)
            case UInt8(ascii: "b"): result.append(8)
            case UInt8(ascii: "f"): result.append(12)
            case UInt8(ascii: "v"): result.append(11)
            case UInt8(ascii: "e"), UInt8(ascii: "E"): result.append(27)
            case UInt8(ascii: "x"):
                result.append(contentsOf: scalarBytes(readDigits(radix: 16, maximum: 2)))
            case UInt8(ascii: "u"):
                result.append(contentsOf: scalarBytes(readDigits(radix: 16, maximum: 4)))
            case UInt8(ascii: "U"):
                result.append(contentsOf: scalarBytes(readDigits(radix: 16, maximum: 8)))
            case UInt8(ascii: "c"):
                if let control = peek() {
                    result.append(control & 0x1F)
                    index += 1
                }
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                index -= 1
                let value = readDigits(radix: 8, maximum: 3) ?? 0
                result.append(UInt8(truncatingIfNeeded: value))
            default:
                result.append(escape)
            }
        }
        throw BashParseError("a $'...' string opened here is never closed", offset: start)
    }

    private mutating func readDigits(radix: Int, maximum: Int) -> Int? {
        var value = 0
        var count = 0
        while count < maximum, let byte = peek(), let digit = Int(String(UnicodeScalar(byte)), radix: radix) {
            value = value * radix + digit
            count += 1
            index += 1
        }
        return count > 0 ? value : nil
    }

    private func scalarBytes(_ value: Int?) -> [UInt8] {
        guard let value else { return [] }
        if value < 0x80 { return [UInt8(value)] }
        guard let scalar = Unicode.Scalar(UInt32(value)) else { return [] }
        return Array(String(Character(scalar)).utf8)
    }

    /// Parses `` `...` ``: the content is unescaped and parsed as a script of its own.
    mutating func parseBackticks() throws(BashParseError) -> BashWordPart {
        let start = offset
        index += 1
        var content: [UInt8] = []
        while let byte = peek() {
            if byte == UInt8(ascii: "`") {
                index += 1
                try enterNesting()
                defer { depth -= 1 }
                var nested = BashParser(bytes: content, baseOffset: start + 1, depth: depth)
                return .commandSubstitution(try nested.parseScript(), offset: start)
            }
            if byte == UInt8(ascii: "\\"), let next = peek(1), next == UInt8(ascii: "`") || next == UInt8(ascii: "\\") || next == UInt8(ascii: "$") {
                content.append(next)
                index += 2
                continue
            }
            content.append(byte)
            index += 1
        }
        throw BashParseError("a backquote opened here is never closed", offset: start)
    }

    /// Parses a list up to `closing` (for `$(...)`, `<(...)`), consuming it.
    mutating func parseNestedScript(closing: UInt8) throws(BashParseError) -> BashScript {
        let start = offset
        let list = try parseList(stop: Stop(closingParen: true))
        skipSeparators()
        guard peek() == closing else {
            throw BashParseError("a substitution opened here is never closed", offset: start)
        }
        index += 1
        return BashScript(body: list)
    }

    /// Reads `( ... )` with nesting, returning the bytes including the parentheses.
    private mutating func readBalancedParentheses() throws(BashParseError) -> [UInt8] {
        let start = index
        var level = 0
        while let byte = peek() {
            index += 1
            if byte == UInt8(ascii: "(") { level += 1 }
            if byte == UInt8(ascii: ")") {
                level -= 1
                if level == 0 { return Array(bytes[start..<index]) }
            }
        }
        throw BashParseError("a pattern '(' is never closed", offset: baseOffset + start)
    }

    /// Reads a here-document body that starts after the current line (or after bodies
    /// already pending on it) and arranges for the scanner to skip it.
    mutating func readHereDocument(delimiter word: BashWord, stripTabs: Bool) throws(BashParseError) -> BashHereDocument {
        let quoted = word.parts.contains { part in
            if case .literal = part { return false }
            return true
        }
        let delimiter = Array((word.staticValue ?? word.source).utf8)
        var lineEnd = index
        while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
        guard lineEnd < bytes.count else {
            throw BashParseError("the here-document '\(String(decoding: delimiter, as: UTF8.self))' has no body", offset: word.offset)
        }
        var cursor = resumeAfterNewline[lineEnd] ?? lineEnd + 1
        let bodyStart = cursor
        var body: [UInt8] = []
        var terminated = false
        while cursor < bytes.count {
            var end = cursor
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            var line = bytes[cursor..<end]
            if stripTabs {
                line = line.drop { $0 == UInt8(ascii: "\t") }
            }
            cursor = min(end + 1, bytes.count)
            if Array(line) == delimiter || (line.last == 13 && Array(line.dropLast()) == delimiter) {
                terminated = true
                break
            }
            body.append(contentsOf: line)
            body.append(UInt8(ascii: "\n"))
        }
        guard terminated else {
            throw BashParseError("the here-document '\(String(decoding: delimiter, as: UTF8.self))' is never terminated", offset: word.offset)
        }
        resumeAfterNewline[lineEnd] = cursor
        var parts: [BashWordPart] = []
        if !quoted {
            var nested = BashParser(bytes: body, baseOffset: baseOffset + bodyStart, depth: depth + 1)
            parts = try nested.parseHereDocumentBody()
        }
        return BashHereDocument(text: String(decoding: body, as: UTF8.self), expands: !quoted, parts: parts, offset: baseOffset + bodyStart)
    }

    /// The expansions in an unquoted here-document body: `$...`, `${...}`, `$(...)`, backticks.
    mutating func parseHereDocumentBody() throws(BashParseError) -> [BashWordPart] {
        var parts = WordPartsBuilder(plainText: .quoted, source: bytes)
        while let byte = peek() {
            if byte == UInt8(ascii: "\\"), let next = peek(1), next == UInt8(ascii: "$") || next == UInt8(ascii: "`") || next == UInt8(ascii: "\\") {
                parts.append(sourceByteAt: index + 1)
                index += 2
            } else if byte == UInt8(ascii: "$"), let part = try parseDollar(inDoubleQuotes: true) {
                parts.append(part)
            } else if byte == UInt8(ascii: "`") {
                parts.append(try parseBackticks())
            } else {
                parts.append(sourceByteAt: index)
                index += 1
            }
        }
        return parts.build()
    }
}
