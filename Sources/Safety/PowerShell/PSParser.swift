import Foundation

/// A recursive-descent parser for PowerShell.
///
/// It reads statements, pipelines, commands with their parameters, expressions with
/// operators, member and static method calls, strings with subexpressions, here-strings,
/// script blocks and the control structures into a ``PSScript``. Like the bash parser it
/// works on bytes, is linear in the input and refuses nesting deeper than
/// ``maximumDepth``. Typographic dashes and quotes, which PowerShell accepts as `-` and
/// quotes, are read as such.
public struct PSParser {
    public static let maximumDepth = 200

    var bytes: [UInt8]
    var index = 0
    var depth = 0
    /// Inside parentheses a newline does not end an expression.
    var parenthesisDepth = 0
    /// False while reading method-call arguments, where commas separate arguments.
    var commaListsAllowed = true

    public init(_ script: String) {
        self.bytes = Array(PSParser.normalizeTypography(script).utf8)
    }

    public static func parse(_ script: String) throws(PSParseError) -> PSScript {
        var parser = PSParser(script)
        let script = try parser.parseStatements(until: nil)
        parser.skipTrivia(newlines: true)
        guard parser.atEnd else { throw parser.error("unexpected '\(parser.currentText())'") }
        return script
    }

    /// PowerShell reads en and em dashes as `-` and curly quotes as quotes; so does the
    /// parser, so `–Recurse` and `‘x’` are not ways around it.
    static func normalizeTypography(_ script: String) -> String {
        // U+2013...U+201E are E2 80 93...9E in UTF-8: most scripts have no 0xE2 byte at all.
        guard script.utf8.withContiguousStorageIfAvailable({ bytes in
            bytes.baseAddress.map { memchr($0, 0xE2, bytes.count) != nil } ?? false
        }) ?? true,
              script.unicodeScalars.contains(where: { $0.value >= 0x2013 && $0.value <= 0x201E }) else { return script }
        var result = String.UnicodeScalarView()
        for scalar in script.unicodeScalars {
            switch scalar.value {
            case 0x2013, 0x2014, 0x2015: result.append("-")
            case 0x2018, 0x2019, 0x201A, 0x201B: result.append("'")
            case 0x201C, 0x201D, 0x201E: result.append("\"")
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// The normalized text, which findings' positions refer to.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: - Statements

    /// Statements up to the end, or up to `closer` (`}`, `)`), which is not consumed.
    mutating func parseStatements(until closer: UInt8?) throws(PSParseError) -> PSScript {
        try enter()
        defer { depth -= 1 }
        var statements: [PSStatement] = []
        while true {
            skipTrivia(newlines: true)
            while peek() == UInt8(ascii: ";") {
                index += 1
                skipTrivia(newlines: true)
            }
            guard let byte = peek() else { break }
            if byte == closer { break }
            if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "}") {
                throw error("unexpected '\(Character(UnicodeScalar(byte)))'")
            }
            statements.append(try parseStatement())
            skipTrivia(newlines: false)
            if let next = peek(), next != UInt8(ascii: "\n"), next != UInt8(ascii: ";"), next != closer,
               next != UInt8(ascii: "}"), next != UInt8(ascii: ")") {
                throw error("unexpected '\(currentText())' after a statement")
            }
        }
        return PSScript(statements: statements)
    }

    mutating func parseStatement() throws(PSParseError) -> PSStatement {
        let start = index
        if let keyword = peekKeyword() {
            switch keyword {
            case "function", "filter", "workflow": return try parseFunction()
            case "if": return try parseIf()
            case "foreach", "for", "while", "switch":
                index += keyword.utf8.count
                return try parseLoopLike(keyword, offset: start)
            case "do":
                index += 2
                let body = try parseBlock()
                skipTrivia(newlines: true)
                guard let word = peekKeyword(), word == "while" || word == "until" else { throw error("'while' or 'until' was expected after a do block") }
                index += word.utf8.count
                let condition = try parseParenthesizedStatement()
                return .control(keyword: "do", conditions: [condition], blocks: [body], offset: start)
            case "try":
                index += 3
                var blocks = [try parseBlock()]
                while true {
                    let saved = index
                    skipTrivia(newlines: true)
                    guard let word = peekKeyword(), word == "catch" || word == "finally" else {
                        index = saved
                        break
                    }
                    index += word.utf8.count
                    skipTrivia(newlines: false)
                    while peek() == UInt8(ascii: "[") {
                        _ = try readTypeName()
                        skipTrivia(newlines: false)
                        if peek() == UInt8(ascii: ",") { index += 1; skipTrivia(newlines: true) }
                    }
                    blocks.append(try parseBlock())
                }
                return .control(keyword: "try", conditions: [], blocks: blocks, offset: start)
            case "trap":
                index += 4
                skipTrivia(newlines: false)
                if peek() == UInt8(ascii: "[") { _ = try readTypeName() }
                return .control(keyword: "trap", conditions: [], blocks: [try parseBlock()], offset: start)
            case "return", "throw", "exit", "break", "continue":
                index += keyword.utf8.count
                skipTrivia(newlines: false)
                if let byte = peek(), byte != UInt8(ascii: "\n"), byte != UInt8(ascii: ";"), byte != UInt8(ascii: "}"), byte != UInt8(ascii: ")") {
                    return .flow(keyword: keyword, value: try parseStatement(), offset: start)
                }
                return .flow(keyword: keyword, value: nil, offset: start)
            case "param":
                index += 5
                skipTrivia(newlines: false)
                let condition = try parseParenthesizedStatement()
                return .control(keyword: "param", conditions: [condition], blocks: [], offset: start)
            case "begin", "process", "end", "dynamicparam", "clean":
                let saved = index
                index += keyword.utf8.count
                skipTrivia(newlines: true)
                if peek() == UInt8(ascii: "{") {
                    return .control(keyword: keyword, conditions: [], blocks: [try parseBlock()], offset: start)
                }
                index = saved
            case "class", "enum", "data", "configuration":
                index += keyword.utf8.count
                skipTrivia(newlines: false)
                while let byte = peek(), byte != UInt8(ascii: "{"), byte != UInt8(ascii: "\n") { index += 1 }
                return .control(keyword: keyword, conditions: [], blocks: [try parseBlock()], offset: start)
            default:
                break
            }
        }
        return try parsePipelineStatement()
    }

    /// A pipeline, possibly the value of an assignment, possibly chained with `&&`/`||`.
    mutating func parsePipelineStatement() throws(PSParseError) -> PSStatement {
        let start = index
        let pipeline = try parsePipeline()
        skipTrivia(newlines: false)
        if pipeline.elements.count == 1, case .expression(let target) = pipeline.elements[0], let op = peekAssignmentOperator() {
            index += op.utf8.count
            skipTrivia(newlines: true)
            return .assignment(target: target, op: op, value: try parseStatement(), offset: start)
        }
        if matches("&&") || matches("||") {
            var chain = [PSStatement.pipeline(pipeline)]
            while matches("&&") || matches("||") {
                index += 2
                skipTrivia(newlines: true)
                chain.append(.pipeline(try parsePipeline()))
                skipTrivia(newlines: false)
            }
            return .control(keyword: "&&", conditions: chain, blocks: [], offset: start)
        }
        return .pipeline(pipeline)
    }

    mutating func parsePipeline() throws(PSParseError) -> PSPipeline {
        let start = index
        var elements = [try parsePipelineElement()]
        while true {
            skipTrivia(newlines: false)
            guard peek() == UInt8(ascii: "|"), peek(1) != UInt8(ascii: "|") else { break }
            index += 1
            skipTrivia(newlines: true)
            elements.append(try parsePipelineElement())
        }
        return PSPipeline(elements: elements, offset: start)
    }

    mutating func parsePipelineElement() throws(PSParseError) -> PSPipelineElement {
        skipTrivia(newlines: false)
        guard let byte = peek() else { throw error("a command was expected but the script ended") }
        if byte == UInt8(ascii: "&"), peek(1) != UInt8(ascii: "&") {
            return .command(try parseCommand(invocationOperator: "&"))
        }
        if byte == UInt8(ascii: "."), let next = peek(1), next == UInt8(ascii: " ") || next == UInt8(ascii: "\t")
            || next == UInt8(ascii: "'") || next == UInt8(ascii: "\"") || next == UInt8(ascii: "$") || next == UInt8(ascii: "(") || next == UInt8(ascii: "{") {
            return .command(try parseCommand(invocationOperator: "."))
        }
        if startsExpression(byte) {
            let expression = try parseExpression()
            return .expression(expression)
        }
        return .command(try parseCommand(invocationOperator: nil))
    }

    /// Whether a pipeline element starting with `byte` is an expression rather than a command.
    func startsExpression(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "$"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "("), UInt8(ascii: "@"),
             UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "!"), UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: "+"):
            return true
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            // `7z.exe` is a command, `42` and `1..5` are expressions.
            var cursor = index
            while cursor < bytes.count, isWordByte(bytes[cursor]) || bytes[cursor] == UInt8(ascii: ".") { cursor += 1 }
            let word = String(decoding: bytes[index..<cursor], as: UTF8.self)
            return Double(word) != nil || word.contains("..") || word.asciiLowercased().hasPrefix("0x")
        default:
            return false
        }
    }

    // MARK: - Control structures

    mutating func parseFunction() throws(PSParseError) -> PSStatement {
        let start = index
        index += (peekKeyword() ?? "").utf8.count
        skipTrivia(newlines: false)
        let nameStart = index
        while let byte = peek(), !isSpace(byte), byte != UInt8(ascii: "{"), byte != UInt8(ascii: "("), byte != UInt8(ascii: "\n") { index += 1 }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
        guard !name.isEmpty else { throw error("a function needs a name") }
        skipTrivia(newlines: true)
        // `function f($a, $b) {...}` is `function f { param($a, $b) ... }`.
        let parameters = peek() == UInt8(ascii: "(") ? try parseParenthesizedStatement() : nil
        skipTrivia(newlines: true)
        var body = try parseBlock()
        if let parameters {
            body.statements.insert(.control(keyword: "param", conditions: [parameters], blocks: [], offset: start), at: 0)
        }
        return .function(name: name, body: body, offset: start)
    }

    mutating func parseIf() throws(PSParseError) -> PSStatement {
        let start = index
        index += 2
        var conditions = [try parseParenthesizedStatement()]
        var blocks = [try parseBlock()]
        while true {
            let saved = index
            skipTrivia(newlines: true)
            switch peekKeyword() {
            case "elseif":
                index += 6
                conditions.append(try parseParenthesizedStatement())
                blocks.append(try parseBlock())
            case "else":
                index += 4
                blocks.append(try parseBlock())
                return .control(keyword: "if", conditions: conditions, blocks: blocks, offset: start)
            default:
                index = saved
                return .control(keyword: "if", conditions: conditions, blocks: blocks, offset: start)
            }
        }
    }

    /// `foreach (...)`, `for (...;...;...)`, `while (...)`, `switch -opts (...) { ... }` and their bodies.
    mutating func parseLoopLike(_ keyword: String, offset start: Int) throws(PSParseError) -> PSStatement {
        skipTrivia(newlines: false)
        if keyword == "switch" {
            while peek() == UInt8(ascii: "-") {
                while let byte = peek(), !isSpace(byte) { index += 1 }
                skipTrivia(newlines: false)
            }
        }
        guard peek() == UInt8(ascii: "(") else { throw error("'(' was expected after '\(keyword)'") }
        index += 1
        parenthesisDepth += 1
        var conditions: [PSStatement] = []
        while true {
            skipTrivia(newlines: true)
            if peek() == UInt8(ascii: ")") { break }
            if peek() == UInt8(ascii: ";") { index += 1; continue }
            if keyword == "foreach", let word = peekKeyword(), word == "in" {
                index += 2
                continue
            }
            conditions.append(try parseStatement())
        }
        parenthesisDepth -= 1
        index += 1
        if keyword == "switch" {
            return .control(keyword: keyword, conditions: conditions, blocks: try parseSwitchBody(), offset: start)
        }
        return .control(keyword: keyword, conditions: conditions, blocks: [try parseBlock()], offset: start)
    }

    /// `{ pattern { action } ... }`: patterns are expressions, actions script blocks.
    mutating func parseSwitchBody() throws(PSParseError) -> [PSScript] {
        skipTrivia(newlines: true)
        guard peek() == UInt8(ascii: "{") else { throw error("'{' was expected for the switch body") }
        index += 1
        var blocks: [PSScript] = []
        while true {
            skipTrivia(newlines: true)
            while peek() == UInt8(ascii: ";") { index += 1; skipTrivia(newlines: true) }
            guard let byte = peek() else { throw error("the switch body is never closed") }
            if byte == UInt8(ascii: "}") {
                index += 1
                return blocks
            }
            let pattern = try parseCommandArgument()
            blocks.append(PSScript(statements: [.pipeline(PSPipeline(elements: [.expression(pattern)], offset: pattern.offset))]))
            skipTrivia(newlines: true)
            blocks.append(try parseBlock())
        }
    }

    /// `( statement )` as in `if (...)`.
    mutating func parseParenthesizedStatement() throws(PSParseError) -> PSStatement {
        skipTrivia(newlines: true)
        let start = index
        guard peek() == UInt8(ascii: "(") else { throw error("'(' was expected") }
        index += 1
        parenthesisDepth += 1
        defer { parenthesisDepth -= 1 }
        let script = try parseStatements(until: UInt8(ascii: ")"))
        guard peek() == UInt8(ascii: ")") else { throw error("')' was expected") }
        index += 1
        return .pipeline(PSPipeline(elements: [.expression(.subexpression(script, offset: start))], offset: start))
    }

    /// `{ statements }`.
    mutating func parseBlock() throws(PSParseError) -> PSScript {
        skipTrivia(newlines: true)
        guard peek() == UInt8(ascii: "{") else { throw error("'{' was expected, found '\(currentText())'") }
        index += 1
        let saved = parenthesisDepth
        let savedCommas = commaListsAllowed
        parenthesisDepth = 0
        commaListsAllowed = true
        defer {
            parenthesisDepth = saved
            commaListsAllowed = savedCommas
        }
        let script = try parseStatements(until: UInt8(ascii: "}"))
        guard peek() == UInt8(ascii: "}") else { throw error("'}' was expected but the script ended") }
        index += 1
        return script
    }
}
