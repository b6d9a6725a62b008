extension PSParser {
    /// A command: its name (a bareword, or an expression after `&`/`.`) and its elements.
    mutating func parseCommand(invocationOperator: String?) throws(PSParseError) -> PSCommand {
        let start = index
        let name: PSExpression
        if let invocationOperator {
            index += invocationOperator.utf8.count
            skipTrivia(newlines: false)
            name = try parseCommandArgument()
        } else {
            name = try readBareword()
        }
        var elements: [PSCommandElement] = []
        while true {
            skipTrivia(newlines: false)
            guard let byte = peek(), !isCommandEnd(byte) else { break }
            // One allocation for the usual handful of elements instead of growing 1, 2, 4, 8.
            if elements.capacity == 0 { elements.reserveCapacity(8) }
            if let redirection = redirectionLength() {
                // `> file`, `2>&1`, `*>> log`: where output goes does not change what runs.
                index += redirection
                skipTrivia(newlines: false)
                if let next = peek(), !isCommandEnd(next) { _ = try parseCommandArgument() }
                continue
            }
            if byte == UInt8(ascii: "-"), let next = peek(1), isWordByte(next) || next == UInt8(ascii: "?") {
                elements.append(try parseParameter())
                continue
            }
            if byte == UInt8(ascii: "-"), peek(1) == UInt8(ascii: "-"), peek(2).map(isSpace) ?? true {
                index += 2
                continue
            }
            if byte == UInt8(ascii: "@"), let next = peek(1), isWordByte(next) {
                let splatStart = index
                index += 1
                let nameStart = index
                while let letter = peek(), isWordByte(letter) { index += 1 }
                elements.append(.splat(text(nameStart..<index).asciiLowercased(), offset: splatStart))
                continue
            }
            elements.append(.argument(try parseCommandArgument()))
        }
        return PSCommand(invocationOperator: invocationOperator, name: name, elements: elements, offset: start)
    }

    func isCommandEnd(_ byte: UInt8) -> Bool {
        if byte == UInt8(ascii: "&"), peek(1) == UInt8(ascii: "&") { return true }
        if byte == UInt8(ascii: "|") { return true }
        return byte == UInt8(ascii: "\n") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: ")")
    }

    /// The length of a redirection operator at the cursor (`>`, `>>`, `2>`, `2>&1`, `*>`).
    func redirectionLength() -> Int? {
        var cursor = index
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "*") || (bytes[cursor] >= 49 && bytes[cursor] <= 54) { cursor += 1 }
        guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: ">") || (bytes[cursor] == UInt8(ascii: "<") && cursor == index) else {
            return nil
        }
        cursor += 1
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: ">") { cursor += 1 }
        if cursor + 1 < bytes.count, bytes[cursor] == UInt8(ascii: "&"), bytes[cursor + 1] >= 49, bytes[cursor + 1] <= 54 { cursor += 2 }
        return cursor - index
    }

    /// `-Name`, `-Name:value`.
    mutating func parseParameter() throws(PSParseError) -> PSCommandElement {
        let start = index
        index += 1
        let nameStart = index
        while let byte = peek(), isWordByte(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "`") { index += 1 }
        let written = text(nameStart..<index)
        let name = (bytes[nameStart..<index].contains(UInt8(ascii: "`")) ? written.filter { $0 != "`" } : written).asciiLowercased()
        if peek() == UInt8(ascii: ":"), peek(1) != UInt8(ascii: ":") {
            index += 1
            skipTrivia(newlines: false)
            return .parameter(name: name, value: try parseCommandArgument(), offset: start)
        }
        return .parameter(name: name, value: nil, offset: start)
    }

    /// One argument in command mode: a bareword, a string, a variable, a subexpression, a
    /// script block, with member access and `,` arrays.
    mutating func parseCommandArgument() throws(PSParseError) -> PSExpression {
        let start = index
        var items = [try parseArgumentItem()]
        while consumeListComma() {
            items.append(try parseArgumentItem())
        }
        return items.count == 1 ? items[0] : .array(items, offset: start)
    }

    mutating func parseArgumentItem() throws(PSParseError) -> PSExpression {
        guard let byte = peek() else { throw error("an argument was expected but the script ended") }
        switch byte {
        case UInt8(ascii: "$"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "("), UInt8(ascii: "{"):
            return try parsePostfix(try parsePrimary())
        case UInt8(ascii: "@") where peek(1) == UInt8(ascii: "(") || peek(1) == UInt8(ascii: "{") || peek(1) == UInt8(ascii: "'") || peek(1) == UInt8(ascii: "\""):
            return try parsePostfix(try parsePrimary())
        case UInt8(ascii: "["):
            // `[type]::Member` in argument position.
            let saved = index
            if let type = try? readTypeName(), peek() == UInt8(ascii: ":"), peek(1) == UInt8(ascii: ":") {
                return try parsePostfix(.type(type, offset: saved))
            }
            index = saved
            return try readBareword()
        default:
            return try readBareword()
        }
    }

    /// An unquoted word: `Remove-Item`, `C:\Windows`, `.\x.ps1`. Backticks escape the
    /// next character (and vanish, as PowerShell removes them).
    mutating func readBareword() throws(PSParseError) -> PSExpression {
        let start = index
        var hasExpansion = false
        // Most words are one run of plain bytes: they are their own text, read in place.
        while let byte = peek(), !endsBareword(byte, isFirst: index == start), !Self.isWordQuoting(byte) {
            if byte == UInt8(ascii: "$") { hasExpansion = true }
            index += 1
        }
        let word: String
        if let byte = peek(), Self.isWordQuoting(byte) {
            word = try readQuotedBareword(from: start, hasExpansion: &hasExpansion)
        } else {
            guard index > start else { throw error("unexpected '\(currentText())'") }
            word = text(start..<index)
        }
        if hasExpansion {
            // A word like `C:\$dir`: its value is only known at run time.
            return .string(word, parts: [.bareword(word, offset: start), .variable("?", offset: start)], offset: start)
        }
        return .bareword(word, offset: start)
    }

    /// The rest of a bare word that holds backtick escapes or quoted pieces, which change its text.
    private mutating func readQuotedBareword(from start: Int, hasExpansion: inout Bool) throws(PSParseError) -> String {
        var characters = Array(bytes[start..<index])
        while let byte = peek() {
            if endsBareword(byte, isFirst: characters.isEmpty) { break }
            if byte == UInt8(ascii: "`") {
                if let next = peek(1) {
                    characters.append(contentsOf: Self.escape(next))
                    index += 2
                } else {
                    index += 1
                }
                continue
            }
            if byte == UInt8(ascii: "$") { hasExpansion = true }
            if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                // A quoted piece inside a word: `C:\'Program Files'` is one argument.
                let piece = try parsePrimary()
                if case .string(let value, _, _) = piece { characters.append(contentsOf: Array(value.utf8)) } else { hasExpansion = true }
                continue
            }
            characters.append(byte)
            index += 1
        }
        return String(decoding: characters, as: UTF8.self)
    }

    /// A backtick or a quote: inside a bare word it changes the word's text.
    private static func isWordQuoting(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "`") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"")
    }

    /// Whether `byte` ends a bare word (`&` only after its first character).
    private func endsBareword(_ byte: UInt8, isFirst: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "\n"), UInt8(ascii: "|"), UInt8(ascii: ";"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "{"),
             UInt8(ascii: "}"), UInt8(ascii: ","), UInt8(ascii: ">"):
            true
        case UInt8(ascii: "&"):
            !isFirst
        default:
            isSpace(byte)
        }
    }
}
