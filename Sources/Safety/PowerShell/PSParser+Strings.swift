extension PSParser {
    /// What a backtick escape means in an expandable string or a bareword, as Windows
    /// PowerShell 5.1 (what Windows hosts run) reads it: `` `e `` is a plain `e` there.
    static func escape(_ byte: UInt8) -> [UInt8] {
        switch byte {
        case UInt8(ascii: "0"): [0]
        case UInt8(ascii: "a"): [7]
        case UInt8(ascii: "b"): [8]
        case UInt8(ascii: "f"): [12]
        case UInt8(ascii: "n"): [10]
        case UInt8(ascii: "r"): [13]
        case UInt8(ascii: "t"): [9]
        case UInt8(ascii: "v"): [11]
        default: [byte]
        }
    }

    /// `'text'` with `''` standing for one quote.
    mutating func readSingleQuoted() throws(PSParseError) -> String {
        let start = index
        index += 1
        // Most strings hold no doubled quote: their text is the bytes up to the closing one.
        let contentStart = index
        while let byte = peek(), byte != UInt8(ascii: "'") { index += 1 }
        if index < bytes.count, peek(1) != UInt8(ascii: "'") {
            index += 1
            return text(contentStart..<(index - 1))
        }
        index = contentStart
        var result: [UInt8] = []
        while let byte = peek() {
            if byte == UInt8(ascii: "'") {
                if peek(1) == UInt8(ascii: "'") {
                    result.append(byte)
                    index += 2
                    continue
                }
                index += 1
                return String(decoding: result, as: UTF8.self)
            }
            result.append(byte)
            index += 1
        }
        throw PSParseError(message: "a single quote opened here is never closed", offset: start)
    }

    /// `"text $var $(expr)"`.
    mutating func readDoubleQuoted() throws(PSParseError) -> PSExpression {
        let start = index
        index += 1
        let parts = try readExpandableParts { parser in
            guard parser.peek() == UInt8(ascii: "\"") else { return false }
            if parser.peek(1) == UInt8(ascii: "\"") { return false }
            parser.index += 1
            return true
        }
        return Self.expandable(parts, offset: start)
    }

    /// `@'...'@` and `@"..."@`: the text between the line after the opening and the line
    /// starting with the closing quote.
    mutating func readHereString() throws(PSParseError) -> PSExpression {
        let start = index
        let quote = bytes[index + 1]
        index += 2
        while let byte = peek(), byte != UInt8(ascii: "\n") { index += 1 }
        index += 1
        let bodyStart = index
        let atClosingLine: (inout PSParser) -> Bool = { parser in
            guard parser.peek() == quote, parser.peek(1) == UInt8(ascii: "@"),
                  parser.index == bodyStart || parser.bytes[parser.index - 1] == UInt8(ascii: "\n") else { return false }
            parser.index += 2
            return true
        }
        if quote == UInt8(ascii: "'") {
            while !atEnd {
                let closing = index
                if atClosingLine(&self) {
                    var body = text(bodyStart..<max(bodyStart, closing - 1))
                    if body.hasSuffix("\r") { body.removeLast() }
                    return .string(body, parts: nil, offset: start)
                }
                index += 1
            }
            throw PSParseError(message: "a here-string opened here is never closed", offset: start)
        }
        var parts = try readExpandableParts(isEnd: atClosingLine)
        // The newline before the closing line is not part of the text.
        if case .string(let last, nil, let offset)? = parts.last, last.hasSuffix("\n") {
            parts[parts.count - 1] = .string(String(last.dropLast()).trimmingTrailingCarriageReturn(), parts: nil, offset: offset)
        }
        return Self.expandable(parts, offset: start)
    }

    /// Parses expandable text until `isEnd` finds the closing delimiter at the cursor (and
    /// consumes it). The delimiter starts with `"`: plain text up to the next `"`, `` ` `` or
    /// `$` is taken in one piece without asking `isEnd` at every byte.
    mutating func readExpandableParts(isEnd: (inout PSParser) -> Bool) throws(PSParseError) -> [PSExpression] {
        let start = index
        var parts: [PSExpression] = []
        var literal: [UInt8] = []
        func flush() {
            if !literal.isEmpty {
                parts.append(.string(String(decoding: literal, as: UTF8.self), parts: nil, offset: start))
                literal.removeAll()
            }
        }
        while !atEnd {
            if isEnd(&self) {
                flush()
                return parts
            }
            guard let byte = peek() else { break }
            switch byte {
            case UInt8(ascii: "`"):
                if let next = peek(1) {
                    literal.append(contentsOf: Self.escape(next))
                    index += 2
                } else {
                    index += 1
                }
            case UInt8(ascii: "\"") where peek(1) == UInt8(ascii: "\""):
                literal.append(byte)
                index += 2
            case UInt8(ascii: "$"):
                if let next = peek(1), isWordByte(next) || next == UInt8(ascii: "{") || next == UInt8(ascii: "(") || next == UInt8(ascii: "_") || next == UInt8(ascii: "?") {
                    flush()
                    parts.append(try readVariable(insideString: true))
                } else {
                    literal.append(byte)
                    index += 1
                }
            default:
                let runStart = index
                index += 1
                while let next = peek(), next != UInt8(ascii: "\""), next != UInt8(ascii: "`"), next != UInt8(ascii: "$") { index += 1 }
                literal.append(contentsOf: bytes[runStart..<index])
            }
        }
        throw PSParseError(message: "a string opened here is never closed", offset: max(0, start - 1))
    }

    /// A string from expandable parts: a plain literal when nothing expands.
    static func expandable(_ parts: [PSExpression], offset: Int) -> PSExpression {
        if parts.isEmpty { return .string("", parts: nil, offset: offset) }
        if parts.count == 1, case .string(let text, nil, _) = parts[0] { return .string(text, parts: nil, offset: offset) }
        return .string("", parts: parts, offset: offset)
    }

    /// `$name`, `$env:NAME`, `${any name}`, `$(...)`, `$_`, `$?`.
    mutating func readVariable(insideString: Bool = false) throws(PSParseError) -> PSExpression {
        let start = index
        index += 1
        if peek() == UInt8(ascii: "(") {
            return try parseGroup(arraySubexpression: false)
        }
        if peek() == UInt8(ascii: "{") {
            index += 1
            let nameStart = index
            while let byte = peek(), byte != UInt8(ascii: "}") { index += 1 }
            guard !atEnd else { throw PSParseError(message: "'${' is never closed", offset: start) }
            let name = text(nameStart..<index).asciiLowercased()
            index += 1
            return .variable(name, offset: start)
        }
        let nameStart = index
        if let byte = peek(), byte == UInt8(ascii: "?") || byte == UInt8(ascii: "^") || byte == UInt8(ascii: "$") {
            index += 1
            return .variable(text(nameStart..<index), offset: start)
        }
        while let byte = peek() {
            if isWordByte(byte) {
                index += 1
            } else if byte == UInt8(ascii: ":"), peek(1) != UInt8(ascii: ":"), let next = peek(1), isWordByte(next) {
                index += 1
            } else {
                break
            }
        }
        guard index > nameStart else {
            if insideString { return .string("$", parts: nil, offset: start) }
            throw PSParseError(message: "'$' is not followed by a variable name", offset: start)
        }
        return .variable(text(nameStart..<index).asciiLowercased(), offset: start)
    }
}

extension String {
    func trimmingTrailingCarriageReturn() -> String {
        hasSuffix("\r") ? String(dropLast()) : self
    }
}
