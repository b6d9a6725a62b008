/// A PowerShell script the parser could not read.
public struct PSParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var offset: Int

    public var description: String { message }
}

extension PSParser {
    static let keywords: Set<String> = [
        "function", "filter", "workflow", "if", "elseif", "else", "foreach", "for", "while", "do", "until", "switch",
        "try", "catch", "finally", "trap", "return", "throw", "exit", "break", "continue", "param", "begin", "process",
        "end", "dynamicparam", "clean", "class", "enum", "data", "configuration", "in",
    ]

    /// Whether a keyword starts with the (lower-case) byte.
    static let keywordFirstBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for keyword in keywords { table[Int(keyword.utf8.first ?? 0)] = true }
        return table
    }()

    var atEnd: Bool { index >= bytes.count }

    func peek(_ ahead: Int = 0) -> UInt8? {
        let position = index + ahead
        return position < bytes.count ? bytes[position] : nil
    }

    /// Case-insensitive match of ASCII text at the cursor.
    func matches(_ text: String) -> Bool {
        var position = index
        for byte in text.utf8 {
            guard position < bytes.count, lowercase(bytes[position]) == lowercase(byte) else { return false }
            position += 1
        }
        return true
    }

    func lowercase(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte | 0x20 : byte
    }

    func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == 13 || byte == 0x0B || byte == 0x0C
    }

    func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte | 0x20 >= 97 && byte | 0x20 <= 122) || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    /// Skips spaces, comments and backtick line continuations, and newlines when asked to
    /// (or always inside parentheses).
    mutating func skipTrivia(newlines: Bool) {
        while let byte = peek() {
            if isSpace(byte) {
                index += 1
            } else if byte == UInt8(ascii: "`"), peek(1) == UInt8(ascii: "\n") || (peek(1) == 13 && peek(2) == UInt8(ascii: "\n")) {
                index += peek(1) == 13 ? 3 : 2
            } else if byte == UInt8(ascii: "\n"), newlines || parenthesisDepth > 0 {
                index += 1
            } else if byte == UInt8(ascii: "<"), peek(1) == UInt8(ascii: "#") {
                index += 2
                while !atEnd, !(peek() == UInt8(ascii: "#") && peek(1) == UInt8(ascii: ">")) { index += 1 }
                index = min(index + 2, bytes.count)
            } else if byte == UInt8(ascii: "#") {
                while let next = peek(), next != UInt8(ascii: "\n") { index += 1 }
            } else {
                return
            }
        }
    }

    /// Consumes a `,` that continues a list, and the blanks and newlines after it; leaves the
    /// cursor where it was when no comma follows.
    mutating func consumeListComma() -> Bool {
        let saved = index
        skipTrivia(newlines: false)
        guard peek() == UInt8(ascii: ",") else {
            index = saved
            return false
        }
        index += 1
        skipTrivia(newlines: true)
        return true
    }

    /// The keyword at the cursor, lower-cased, if the next word is one.
    func peekKeyword() -> String? {
        var end = index
        while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
        guard end > index, end - index <= 13 else { return nil }
        if end < bytes.count, bytes[end] == UInt8(ascii: "-") || bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: ":") || bytes[end] == UInt8(ascii: "\\") {
            return nil
        }
        // Asked before every statement: most words start with a letter no keyword starts with.
        guard Self.keywordFirstBytes[Int(lowercase(bytes[index]))] else { return nil }
        let word = String(decoding: bytes[index..<end], as: UTF8.self).asciiLowercased()
        return Self.keywords.contains(word) ? word : nil
    }

    func peekAssignmentOperator() -> String? {
        switch (peek(), peek(1)) {
        case (UInt8(ascii: "="), let next): return next == UInt8(ascii: "=") ? nil : "="
        case (UInt8(ascii: "+"), UInt8(ascii: "=")): return "+="
        case (UInt8(ascii: "-"), UInt8(ascii: "=")): return "-="
        case (UInt8(ascii: "*"), UInt8(ascii: "=")): return "*="
        case (UInt8(ascii: "/"), UInt8(ascii: "=")): return "/="
        case (UInt8(ascii: "%"), UInt8(ascii: "=")): return "%="
        case (UInt8(ascii: "?"), UInt8(ascii: "?")): return peek(2) == UInt8(ascii: "=") ? "??=" : nil
        default: return nil
        }
    }

    mutating func enter() throws(PSParseError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw error("the script nests deeper than \(Self.maximumDepth) levels")
        }
    }

    func error(_ message: String) -> PSParseError {
        PSParseError(message: message, offset: index)
    }

    func currentText() -> String {
        guard !atEnd else { return "end of script" }
        var end = index + 1
        while end < bytes.count, end - index < 20, !isSpace(bytes[end]), bytes[end] != UInt8(ascii: "\n") { end += 1 }
        return String(decoding: bytes[index..<end], as: UTF8.self)
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// `[Type.Name[]]` at the cursor; returns the name without brackets.
    mutating func readTypeName() throws(PSParseError) -> String {
        let start = index
        index += 1
        var level = 1
        while let byte = peek() {
            index += 1
            if byte == UInt8(ascii: "[") { level += 1 }
            if byte == UInt8(ascii: "]") {
                level -= 1
                if level == 0 {
                    return text((start + 1)..<(index - 1)).trimmingSpaces()
                }
            }
            if byte == UInt8(ascii: "\n") { break }
        }
        throw PSParseError(message: "a type name opened with '[' is never closed", offset: start)
    }
}

extension String {
    func trimmingSpaces() -> String {
        // Nearly always there is nothing to trim.
        let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let first = utf8.first, let last = utf8.last, isSpace(first) || isSpace(last) else { return self }
        var view = Substring(self)
        while let first = view.first, first == " " || first == "\t" { view.removeFirst() }
        while let last = view.last, last == " " || last == "\t" { view.removeLast() }
        return String(view)
    }

    /// The text without leading and/or trailing white space, as .NET's `Trim()`,
    /// `TrimStart()` and `TrimEnd()` remove it (Foundation's `trimmingCharacters` bridges
    /// through `NSString` on every call).
    func trimmingWhitespace(start: Bool, end: Bool) -> String {
        var view = Substring(self)
        if start { view = view.drop(while: \.isWhitespace) }
        if end {
            while let last = view.last, last.isWhitespace { view.removeLast() }
        }
        return view.startIndex == startIndex && view.endIndex == endIndex ? self : String(view)
    }
}
