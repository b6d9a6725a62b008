extension BashParser {
    mutating func parseIf() throws(BashParseError) -> BashCommand {
        let start = offset
        index += 2
        var branches: [(condition: BashList, body: BashList)] = []
        var elseBody: BashList?
        let condition = try parseList(stop: Stop(words: ["then"]))
        try expectReservedWord("then")
        let body = try parseList(stop: Stop(words: ["elif", "else", "fi"]))
        branches.append((condition, body))
        while true {
            skipSeparators()
            switch peekReservedWord() {
            case "elif":
                index += 4
                let condition = try parseList(stop: Stop(words: ["then"]))
                try expectReservedWord("then")
                let body = try parseList(stop: Stop(words: ["elif", "else", "fi"]))
                branches.append((condition, body))
            case "else":
                index += 4
                elseBody = try parseList(stop: Stop(words: ["fi"]))
                try expectReservedWord("fi")
                return .ifClause(branches: branches, elseBody: elseBody, redirects: try parseRedirects(), offset: start)
            default:
                try expectReservedWord("fi")
                return .ifClause(branches: branches, elseBody: elseBody, redirects: try parseRedirects(), offset: start)
            }
        }
    }

    mutating func parseLoop(_ kind: BashCommand.LoopKind) throws(BashParseError) -> BashCommand {
        let start = offset
        index += 5  // "while" and "until" are both five letters
        let condition = try parseList(stop: Stop(words: ["do"]))
        try expectReservedWord("do")
        let body = try parseList(stop: Stop(words: ["done"]))
        try expectReservedWord("done")
        return .loop(kind: kind, condition: condition, body: body, redirects: try parseRedirects(), offset: start)
    }

    mutating func parseFor() throws(BashParseError) -> BashCommand {
        let start = offset
        index += peekReservedWord() == "select" ? 6 : 3
        skipBlanks()
        if matches("((") {
            let header = try readArithmetic()
            skipSeparators()
            let body = try parseDoBody()
            return .arithmeticFor(header: header, body: body, redirects: try parseRedirects(), offset: start)
        }
        guard let nameWord = try parseWord(), let name = nameWord.staticValue else {
            throw error("'for' needs a variable name")
        }
        skipBlanksAndNewlines()
        var items: [BashWord]?
        if peekReservedWord() == "in" {
            index += 2
            var words: [BashWord] = []
            while true {
                skipBlanks()
                guard let byte = peek(), byte != UInt8(ascii: "\n"), byte != UInt8(ascii: ";") else { break }
                guard let word = try parseWord() else { throw error("unexpected '\(currentTokenText())' in a for list") }
                words.append(word)
            }
            items = words
        }
        skipSeparators()
        let body = try parseDoBody()
        return .forClause(variable: name, items: items, body: body, redirects: try parseRedirects(), offset: start)
    }

    /// `do LIST done`, or the `{ LIST; }` form bash also accepts after `for`.
    private mutating func parseDoBody() throws(BashParseError) -> BashList {
        if peekReservedWord() == "{" {
            index += 1
            let body = try parseList(stop: Stop(words: ["}"]))
            try expectReservedWord("}")
            return body
        }
        try expectReservedWord("do")
        let body = try parseList(stop: Stop(words: ["done"]))
        try expectReservedWord("done")
        return body
    }

    mutating func parseCase() throws(BashParseError) -> BashCommand {
        let start = offset
        index += 4
        skipBlanks()
        guard let subject = try parseWord() else { throw error("'case' needs a word to match") }
        try expectReservedWord("in")
        var items: [(patterns: [BashWord], body: BashList)] = []
        while true {
            skipSeparators()
            if peekReservedWord() == "esac" {
                index += 4
                break
            }
            guard !atEnd else { throw error("'esac' was expected but the script ended") }
            if peek() == UInt8(ascii: "(") { index += 1 }
            var patterns: [BashWord] = []
            while true {
                skipBlanks()
                guard let pattern = try parseWord() else { throw error("a case pattern was expected, found '\(currentTokenText())'") }
                patterns.append(pattern)
                skipBlanks()
                if peek() == UInt8(ascii: "|") {
                    index += 1
                    continue
                }
                guard peek() == UInt8(ascii: ")") else { throw error("')' was expected after a case pattern") }
                index += 1
                break
            }
            let body = try parseList(stop: Stop(words: ["esac"], caseItemEnd: true))
            items.append((patterns, body))
            skipBlanks()
            if matches(";;&") { index += 3 } else if isCaseItemTerminator() { index += 2 }
        }
        return .caseClause(subject: subject, items: items, redirects: try parseRedirects(), offset: start)
    }

    mutating func parseGroup() throws(BashParseError) -> BashCommand {
        let start = offset
        index += 1
        let body = try parseList(stop: Stop(words: ["}"]))
        try expectReservedWord("}")
        return .group(body, redirects: try parseRedirects(), offset: start)
    }

    mutating func parseSubshell() throws(BashParseError) -> BashCommand {
        let start = offset
        index += 1
        let body = try parseList(stop: Stop(closingParen: true))
        skipSeparators()
        guard peek() == UInt8(ascii: ")") else { throw error("')' was expected to close the subshell opened at offset \(start)") }
        index += 1
        return .subshell(body, redirects: try parseRedirects(), offset: start)
    }

    mutating func parseArithmeticCommand() throws(BashParseError) -> BashCommand {
        let start = offset
        let expression = try readArithmetic()
        return .arithmetic(expression, offset: start)
    }

    /// Reads `(( ... ))` and returns the text between the parentheses.
    mutating func readArithmetic() throws(BashParseError) -> String {
        index += 2
        let start = index
        var parens = 0
        while let byte = peek() {
            if byte == UInt8(ascii: "(") {
                parens += 1
                if parens + depth > Self.maximumDepth {
                    throw error("the script nests deeper than \(Self.maximumDepth) levels")
                }
            } else if byte == UInt8(ascii: ")") {
                if parens == 0, peek(1) == UInt8(ascii: ")") {
                    let expression = text(start..<index)
                    index += 2
                    return expression
                }
                parens -= 1
            }
            index += 1
        }
        throw error("'))' was expected to close an arithmetic expression")
    }

    mutating func parseConditional() throws(BashParseError) -> BashCommand {
        let start = offset
        index += 2
        var words: [BashWord] = []
        while true {
            skipBlanksAndNewlines()
            guard !atEnd else { throw error("']]' was expected but the script ended") }
            if matches("]]"), isBreak(at: index + 2) {
                index += 2
                break
            }
            if let byte = peek(), isMetacharacter(byte) {
                // Operators of the conditional language: && || ( ) < > !
                let operatorStart = index
                index += (matches("&&") || matches("||")) ? 2 : 1
                words.append(BashWord(parts: [.literal(text(operatorStart..<index))], offset: baseOffset + operatorStart, source: text(operatorStart..<index)))
                continue
            }
            guard let word = try parseWord() else { throw error("unexpected '\(currentTokenText())' in [[ ]]") }
            words.append(word)
        }
        return .conditional(words, offset: start)
    }

    mutating func parseFunctionKeyword() throws(BashParseError) -> BashCommand {
        let start = offset
        index += 8
        skipBlanks()
        guard let nameWord = try parseWord(), let name = nameWord.staticValue else {
            throw error("'function' needs a name")
        }
        skipBlanks()
        if peek() == UInt8(ascii: "(") {
            index += 1
            skipBlanks()
            guard peek() == UInt8(ascii: ")") else { throw error("')' was expected after '\(name)('") }
            index += 1
        }
        skipBlanksAndNewlines()
        try enterNesting()
        defer { depth -= 1 }
        return .function(name: name, body: try parseCommand(), offset: start)
    }

    /// `name() compound-command`, if that is what is at the cursor.
    mutating func parseFunctionDefinitionIfPresent() throws(BashParseError) -> BashCommand? {
        let start = index
        var cursor = index
        while cursor < bytes.count, Self.isPlainWordByte(bytes[cursor]) { cursor += 1 }
        guard cursor > start else { return nil }
        let nameEnd = cursor
        while cursor < bytes.count, bytes[cursor] == UInt8(ascii: " ") || bytes[cursor] == UInt8(ascii: "\t") { cursor += 1 }
        guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "(") else { return nil }
        cursor += 1
        while cursor < bytes.count, bytes[cursor] == UInt8(ascii: " ") || bytes[cursor] == UInt8(ascii: "\t") { cursor += 1 }
        guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: ")") else { return nil }
        let name = text(start..<nameEnd)
        index = cursor + 1
        skipBlanksAndNewlines()
        try enterNesting()
        defer { depth -= 1 }
        return .function(name: name, body: try parseCommand(), offset: baseOffset + start)
    }
}
