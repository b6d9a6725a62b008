extension PSParser {
    /// Binary operators by precedence level, lowest first. `-f` binds tighter than the
    /// comparison family, arithmetic tighter still.
    static let logicalOperators: Set<String> = ["-and", "-or", "-xor"]
    static let comparisonOperators: Set<String> = [
        "-eq", "-ne", "-gt", "-ge", "-lt", "-le", "-like", "-notlike", "-match", "-notmatch", "-replace", "-split",
        "-join", "-contains", "-notcontains", "-in", "-notin", "-is", "-isnot", "-as", "-band", "-bor", "-bxor",
        "-shl", "-shr", "-ieq", "-ine", "-ceq", "-cne", "-ilike", "-clike", "-imatch", "-cmatch", "-ireplace",
        "-creplace", "-isplit", "-csplit", "-icontains", "-ccontains", "-igt", "-cgt", "-ilt", "-clt",
    ]
    static let unaryOperators: Set<String> = ["-not", "-join", "-split", "-bnot", "-isplit", "-csplit"]

    mutating func parseExpression() throws(PSParseError) -> PSExpression {
        try enter()
        defer { depth -= 1 }
        return try parseBinary(atLeast: 0)
    }

    /// Precedence climbing: operands are parsed once and each operator is read once,
    /// instead of descending through every precedence level for every operand.
    /// Operators of one level associate to the left.
    private mutating func parseBinary(atLeast minimum: Int) throws(PSParseError) -> PSExpression {
        var left = try parseRange()
        while true {
            let saved = index
            skipTrivia(newlines: false)
            guard let (op, level) = peekBinaryOperator(), level >= minimum else {
                index = saved
                return left
            }
            index += op.utf8.count
            skipTrivia(newlines: true)
            let right = try parseBinary(atLeast: level + 1)
            left = .binary(op, left, right, offset: left.offset)
        }
    }

    /// The binary operator at the current position and its precedence level: 0 logical,
    /// 1 comparison, 2 additive, 3 multiplicative, 4 `-f`. `-Name` (a parameter) is none.
    private func peekBinaryOperator() -> (String, Int)? {
        guard let byte = peek() else { return nil }
        switch byte {
        case UInt8(ascii: "-"):
            if let next = peek(1), isWordByte(next), !(next >= 48 && next <= 57) {
                var end = index + 1
                while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
                let word = text(index..<end).asciiLowercased()
                if Self.logicalOperators.contains(word) { return (word, 0) }
                if Self.comparisonOperators.contains(word) { return (word, 1) }
                if word == "-f" { return (word, 4) }
                return nil
            }
            return peek(1) == UInt8(ascii: "=") ? nil : ("-", 2)
        case UInt8(ascii: "+"):
            return peek(1) == UInt8(ascii: "=") ? nil : ("+", 2)
        case UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "%"):
            return peek(1) == UInt8(ascii: "=") ? nil : (String(UnicodeScalar(byte)), 3)
        default:
            return nil
        }
    }

    private mutating func parseRange() throws(PSParseError) -> PSExpression {
        let left = try parseUnary()
        if peek() == UInt8(ascii: "."), peek(1) == UInt8(ascii: ".") {
            index += 2
            return .range(left, try parseUnary(), offset: left.offset)
        }
        return left
    }

    private mutating func parseUnary() throws(PSParseError) -> PSExpression {
        skipTrivia(newlines: false)
        let start = index
        if peek() == UInt8(ascii: "!") {
            index += 1
            return .unary("!", try parseUnary(), offset: start)
        }
        if peek() == UInt8(ascii: "-") {
            var end = index + 1
            while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
            let word = text(index..<end).asciiLowercased()
            if Self.unaryOperators.contains(word) {
                index = end
                skipTrivia(newlines: false)
                return .unary(word, try parseUnary(), offset: start)
            }
            if let next = peek(1), !(next | 0x20 >= 97 && next | 0x20 <= 122) {
                // `-1`, `-($x)`, `-$y`: negation.
                index += 1
                return .unary("-", try parseUnary(), offset: start)
            }
        }
        if peek() == UInt8(ascii: "+"), peek(1) != UInt8(ascii: "+") {
            index += 1
            return try parseUnary()
        }
        if peek() == UInt8(ascii: ",") {
            index += 1
            skipTrivia(newlines: false)
            return .array([try parseUnary()], offset: start)
        }
        if peek() == UInt8(ascii: "[") {
            let type = try readTypeName()
            skipTrivia(newlines: false)
            if peek() == UInt8(ascii: ":"), peek(1) == UInt8(ascii: ":") {
                return try parseCommaList(first: try parsePostfix(.type(type, offset: start)))
            }
            if let byte = peek(), byte != UInt8(ascii: "\n"), byte != UInt8(ascii: ")"), byte != UInt8(ascii: ";"),
               byte != UInt8(ascii: "}"), byte != UInt8(ascii: "|"), byte != UInt8(ascii: ","), byte != UInt8(ascii: "=") {
                if byte == UInt8(ascii: "-"), let next = peek(1), isWordByte(next), let (_, level) = peekBinaryOperator(), level <= 1 {
                    return .type(type, offset: start)
                }
                return .cast(type.asciiLowercased(), try parseUnary(), offset: start)
            }
            return .type(type, offset: start)
        }
        return try parseCommaList(first: try parsePostfix(try parsePrimary()))
    }

    /// `a, b, c` in expression mode binds tighter than the binary operators.
    private mutating func parseCommaList(first: PSExpression) throws(PSParseError) -> PSExpression {
        guard commaListsAllowed else { return first }
        var items = [first]
        while consumeListComma() {
            items.append(try parsePostfix(try parsePrimary()))
        }
        return items.count == 1 ? first : .array(items, offset: first.offset)
    }

    /// Member access, static members, method calls and indexing after a primary.
    mutating func parsePostfix(_ base: PSExpression) throws(PSParseError) -> PSExpression {
        var expression = base
        while let byte = peek() {
            let start = index
            if byte == UInt8(ascii: "."), peek(1) != UInt8(ascii: ".") {
                guard let next = peek(1), isWordByte(next) || next == UInt8(ascii: "'") || next == UInt8(ascii: "\"") || next == UInt8(ascii: "(") || next == UInt8(ascii: "$") else { break }
                index += 1
                expression = try parseMember(of: expression, isStatic: false, offset: start)
            } else if byte == UInt8(ascii: ":"), peek(1) == UInt8(ascii: ":") {
                index += 2
                expression = try parseMember(of: expression, isStatic: true, offset: start)
            } else if byte == UInt8(ascii: "[") {
                index += 1
                parenthesisDepth += 1
                skipTrivia(newlines: true)
                let subscriptExpression = try parseExpression()
                skipTrivia(newlines: true)
                parenthesisDepth -= 1
                guard peek() == UInt8(ascii: "]") else { throw error("']' was expected to close an index") }
                index += 1
                expression = .index(expression, subscriptExpression, offset: start)
            } else {
                break
            }
        }
        return expression
    }

    private mutating func parseMember(of target: PSExpression, isStatic: Bool, offset: Int) throws(PSParseError) -> PSExpression {
        if let byte = peek(), byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: "$") {
            let nameExpression = try parsePrimary()
            if peek() == UInt8(ascii: "(") {
                return .dynamicMember(target, name: nameExpression, arguments: try parseCallArguments(), offset: offset)
            }
            return .dynamicMember(target, name: nameExpression, arguments: nil, offset: offset)
        }
        let nameStart = index
        var escaped = false
        while let byte = peek(), isWordByte(byte) || byte == UInt8(ascii: "`") {
            if byte == UInt8(ascii: "`") { escaped = true }
            index += 1
        }
        // Backticks in a member name vanish (`.Down`loadFile`); most names have none.
        let name = escaped ? String(decoding: bytes[nameStart..<index].filter { $0 != UInt8(ascii: "`") }, as: UTF8.self) : text(nameStart..<index)
        guard !name.isEmpty else { throw error("a member name was expected") }
        if peek() == UInt8(ascii: "(") {
            return .call(target, name: name, arguments: try parseCallArguments(), isStatic: isStatic, offset: offset)
        }
        return .member(target, name: name, isStatic: isStatic, offset: offset)
    }

    /// `(a, b)` after a method name.
    private mutating func parseCallArguments() throws(PSParseError) -> [PSExpression] {
        index += 1
        parenthesisDepth += 1
        defer { parenthesisDepth -= 1 }
        var arguments: [PSExpression] = []
        skipTrivia(newlines: true)
        if peek() == UInt8(ascii: ")") {
            index += 1
            return arguments
        }
        while true {
            skipTrivia(newlines: true)
            // Commas separate the arguments here, so they must not build arrays.
            let saved = commaListsAllowed
            commaListsAllowed = false
            defer { commaListsAllowed = saved }
            arguments.append(try parseExpression())
            skipTrivia(newlines: true)
            if peek() == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard peek() == UInt8(ascii: ")") else { throw error("')' was expected to close a method call") }
            index += 1
            return arguments
        }
    }

    /// Literals, variables, grouping, subexpressions, script blocks, hashtables.
    mutating func parsePrimary() throws(PSParseError) -> PSExpression {
        skipTrivia(newlines: false)
        let start = index
        guard let byte = peek() else { throw error("an expression was expected but the script ended") }
        switch byte {
        case UInt8(ascii: "'"):
            return .string(try readSingleQuoted(), parts: nil, offset: start)
        case UInt8(ascii: "\""):
            return try readDoubleQuoted()
        case UInt8(ascii: "@") where peek(1) == UInt8(ascii: "'") || peek(1) == UInt8(ascii: "\""):
            return try readHereString()
        case UInt8(ascii: "$"):
            return try readVariable()
        case UInt8(ascii: "@") where peek(1) == UInt8(ascii: "("):
            index += 1
            return try parseGroup(arraySubexpression: true)
        case UInt8(ascii: "@") where peek(1) == UInt8(ascii: "{"):
            return try parseHashtable()
        case UInt8(ascii: "("):
            return try parseGroup(arraySubexpression: false)
        case UInt8(ascii: "{"):
            return .scriptBlock(try parseBlock(), offset: start)
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."):
            if let number = readNumber() { return .number(number, offset: start) }
            return try readBareword()
        default:
            return try readBareword()
        }
    }

    /// `( ... )`, `@( ... )`, and `$( ... )` (the `$` already consumed by the caller).
    mutating func parseGroup(arraySubexpression: Bool) throws(PSParseError) -> PSExpression {
        let start = index
        index += 1
        parenthesisDepth += 1
        let savedCommas = commaListsAllowed
        commaListsAllowed = true
        defer {
            parenthesisDepth -= 1
            commaListsAllowed = savedCommas
        }
        let script = try parseStatements(until: UInt8(ascii: ")"))
        guard peek() == UInt8(ascii: ")") else { throw PSParseError(message: "a '(' opened here is never closed", offset: start) }
        index += 1
        return .subexpression(script, offset: start)
    }

    mutating func parseHashtable() throws(PSParseError) -> PSExpression {
        let start = index
        index += 2
        var keys: [PSExpression] = []
        var values: [PSExpression] = []
        while true {
            skipTrivia(newlines: true)
            while peek() == UInt8(ascii: ";") { index += 1; skipTrivia(newlines: true) }
            guard let byte = peek() else { throw PSParseError(message: "a hashtable opened here is never closed", offset: start) }
            if byte == UInt8(ascii: "}") {
                index += 1
                return .hashtable(keys, values, offset: start)
            }
            keys.append(try parseHashtableKey())
            skipTrivia(newlines: false)
            guard peek() == UInt8(ascii: "=") else { throw error("'=' was expected in a hashtable") }
            index += 1
            skipTrivia(newlines: true)
            guard case .pipeline(let pipeline) = try parsePipelineStatement() else { throw error("a hashtable value was expected") }
            values.append(.subexpression(PSScript(statements: [.pipeline(pipeline)]), offset: pipeline.offset))
        }
    }

    /// `name`, `'name'`, `"name"`, `(expression)` before `=` in a hashtable.
    mutating func parseHashtableKey() throws(PSParseError) -> PSExpression {
        let start = index
        if let byte = peek(), byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: "$") {
            return try parsePrimary()
        }
        while let byte = peek(), isWordByte(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") { index += 1 }
        guard index > start else { throw error("a hashtable key was expected") }
        return .bareword(text(start..<index), offset: start)
    }

    mutating func readNumber() -> Double? {
        let start = index
        if matches("0x") {
            index += 2
            let digitsStart = index
            while let byte = peek(), (byte >= 48 && byte <= 57) || (byte | 0x20 >= 97 && byte | 0x20 <= 102) { index += 1 }
            guard let value = UInt64(text(digitsStart..<index), radix: 16) else {
                index = start
                return nil
            }
            return Double(value)
        }
        while let byte = peek(), (byte >= 48 && byte <= 57) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            if byte == UInt8(ascii: "."), peek(1) == UInt8(ascii: ".") { break }
            index += 1
        }
        let digitsEnd = index
        // `10kb`, `5GB`: a multiplier suffix, then perhaps a type suffix (`l`, `d`).
        var multiplier = 1.0
        if let unit = peek(), let b = peek(1), lowercase(b) == UInt8(ascii: "b") {
            switch lowercase(unit) {
            case UInt8(ascii: "k"): multiplier = 1024
            case UInt8(ascii: "m"): multiplier = 1024 * 1024
            case UInt8(ascii: "g"): multiplier = 1024 * 1024 * 1024
            case UInt8(ascii: "t"): multiplier = 1024 * 1024 * 1024 * 1024
            default: break
            }
            if multiplier != 1 { index += 2 }
        }
        if let byte = peek(), byte | 0x20 == UInt8(ascii: "l") || byte | 0x20 == UInt8(ascii: "d") { index += 1 }
        guard let value = Double(text(start..<digitsEnd)) else {
            index = start
            return nil
        }
        if let byte = peek(), isWordByte(byte) || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: ":") {
            index = start
            return nil
        }
        return value * multiplier
    }
}
