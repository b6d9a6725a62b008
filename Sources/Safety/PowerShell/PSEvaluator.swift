import Foundation

/// Constant folding for PowerShell expressions: what a string built from pieces,
/// `-join`, `-f`, `-replace`, reversal, `[char]` arrays and base64 decoding comes to.
///
/// This is how `iex ('Remove-'+'Item') ...` or `& ([string]::Join('', [char[]](...)))`
/// is seen for what it is. Anything it cannot fold is `.unknown`, and callers treat an
/// unknown command or code string as something a human must read.
struct PSEvaluator {
    /// Longest string or array the evaluator builds; beyond it the value is unknown.
    static let sizeLimit = 1 << 20

    var variables: [String: PSValue] = [:]
    /// Functions the script defined, by lower-cased name, for folding their calls.
    var functions: [String: PSScript] = [:]

    /// Environment variables whose values are the same on every Windows host.
    static let environment: [String: String] = [
        "env:systemroot": "C:\\Windows", "env:windir": "C:\\Windows", "env:systemdrive": "C:",
        "env:programfiles": "C:\\Program Files", "env:programfiles(x86)": "C:\\Program Files (x86)",
        "env:programdata": "C:\\ProgramData", "env:userprofile": "C:\\Users\\user", "home": "C:\\Users\\user",
        "env:homedrive": "C:", "env:allusersprofile": "C:\\ProgramData", "env:public": "C:\\Users\\Public",
        "pshome": "C:\\Windows\\System32\\WindowsPowerShell\\v1.0",
        "env:temp": "C:\\Users\\user\\AppData\\Local\\Temp", "env:tmp": "C:\\Users\\user\\AppData\\Local\\Temp",
        "env:appdata": "C:\\Users\\user\\AppData\\Roaming", "env:localappdata": "C:\\Users\\user\\AppData\\Local",
        "env:comspec": "C:\\Windows\\System32\\cmd.exe", "env:username": "user", "env:computername": "HOST",
    ]

    func evaluate(_ expression: PSExpression) -> PSValue {
        switch expression {
        case .string(let text, nil, _):
            return .string(text)
        case .string(_, let parts?, _):
            var result = ""
            for part in parts {
                guard let text = evaluate(part).text else { return .unknown }
                result += text
            }
            return .string(result)
        case .number(let value, _):
            return .number(value)
        case .bareword(let word, _):
            return .string(word)
        case .variable(let name, _):
            if let constant = Self.automaticConstant(name) { return constant }
            if let value = variables[name] { return value }
            if let value = Self.environment[name] { return .string(value) }
            return .unknown
        case .array(let items, _):
            return .array(items.map(evaluate))
        case .hashtable(let keys, let values, _):
            var table: [String: PSValue] = [:]
            for (key, value) in zip(keys, values) {
                guard let name = evaluate(key).text else { continue }
                table[name.asciiLowercased()] = evaluate(value)
            }
            return .table(table)
        case .scriptBlock(let script, _):
            return .scriptBlock(script)
        case .subexpression(let script, _):
            return output(of: script)
        case .type(let name, _):
            return .object("type:" + PSTypes.normalize(name))
        case .cast(let type, let inner, _):
            return cast(evaluate(inner), to: type)
        case .member(let target, let name, let isStatic, _):
            return member(evaluate(target), name: name.asciiLowercased(), isStatic: isStatic)
        case .call(let target, let name, let arguments, let isStatic, _):
            return call(evaluate(target), name: name.asciiLowercased(), arguments: arguments.map(evaluate), isStatic: isStatic)
        case .dynamicMember(let target, let nameExpression, let arguments, _):
            guard let name = evaluate(nameExpression).text?.asciiLowercased() else { return .unknown }
            if let arguments {
                return call(evaluate(target), name: name, arguments: arguments.map(evaluate), isStatic: false)
            }
            return member(evaluate(target), name: name, isStatic: false)
        case .index(let target, let indexExpression, _):
            return index(evaluate(target), by: evaluate(indexExpression))
        case .binary(let op, let left, let right, _):
            return binary(op, evaluate(left), evaluate(right))
        case .unary(let op, let operand, _):
            return unary(op, evaluate(operand))
        case .range(let from, let to, _):
            guard let start = evaluate(from).number, let end = evaluate(to).number, abs(end - start) < 10_000 else { return .unknown }
            let step = start <= end ? 1.0 : -1.0
            return .array(Swift.stride(from: start, through: end, by: step).map { .number($0) })
        }
    }

    /// `$true`, `$false`, `$null`. Every variable read asks, so the length is compared
    /// first: a string comparison that fails takes the slow path of `==`.
    private static func automaticConstant(_ name: String) -> PSValue? {
        switch name.utf8.count {
        case 4 where name == "true": .boolean(true)
        case 4 where name == "null": .unknown
        case 5 where name == "false": .boolean(false)
        default: nil
        }
    }

    /// What a command in a subexpression yields, when that is the point (downloads, objects).
    static func commandResult(_ command: PSCommand, evaluator: PSEvaluator) -> PSValue {
        guard case .bareword(let word, _) = command.name else { return .unknown }
        if !evaluator.functions.isEmpty {
            let function = word.asciiLowercased()
            if let body = evaluator.functions[function] {
                return evaluator.call(function: body, named: function, command: command)
            }
        }
        let name = PSAliases.resolve(word, userAliases: [:])
        // One table lookup: most commands have no output the evaluator knows.
        guard let output = PSCommandTraits.of(name).output else { return .unknown }
        switch output {
        case .newScheduledTaskAction:
            let invocation = PSInvocation(
                name: name, command: command, evaluate: { evaluator.evaluate($0) }, splats: { evaluator.variables[$0] },
                offset: command.offset, upstream: [], upstreamDownloaded: false
            )
            guard let program = invocation.value(["execute"], position: 0)?.text else { return .unknown }
            let argument = invocation.value(["argument"], position: 1)
            if argument != nil && argument?.text == nil { return .unknown }
            return .object("task-action:" + program + "\u{0}" + (argument?.text ?? ""))
        case .newScheduledTaskTrigger:
            let invocation = PSInvocation(
                name: name, command: command, evaluate: { evaluator.evaluate($0) }, splats: { evaluator.variables[$0] },
                offset: command.offset, upstream: [], upstreamDownloaded: false
            )
            // Exact names: `-At` abbreviates nothing here, it is the time.
            let kinds = ["atstartup", "atlogon", "once", "daily", "weekly"].filter { kind in invocation.parameters.contains { $0.name == kind } }
            return kinds.count == 1 ? .object("task-trigger:" + kinds[0]) : .unknown
        case .getChildItem:
            let invocation = PSInvocation(
                name: name, command: command, evaluate: { evaluator.evaluate($0) }, splats: { evaluator.variables[$0] },
                offset: command.offset, upstream: [], upstreamDownloaded: false
            )
            let path = invocation.value(["path", "literalpath"], position: 0) ?? .string(".")
            return .listing(path, narrowed: invocation.has("filter", "include", "exclude"))
        case .download: return .downloaded
        case .joinPath:
            let parts = command.elements.compactMap { element -> PSValue? in
                switch element {
                case .argument(let expression): evaluator.evaluate(expression)
                case .parameter(_, let value?, _): evaluator.evaluate(value)
                default: nil
                }
            }
            let texts = parts.map(\.text)
            guard parts.count >= 2, texts.allSatisfy({ $0 != nil }) else { return .unknown }
            return .string(texts.compactMap { $0 }.joined(separator: "\\"))
        case .getCommand:
            // `& (gcm Invoke-Ex*)`: the wildcard picks a command.
            for element in command.elements {
                if case .argument(let expression) = element, let pattern = evaluator.evaluate(expression).text {
                    if let match = PSAliases.notableCommands.first(where: { PSAliases.wildcard(pattern.asciiLowercased(), matches: $0) }) {
                        return .string(match)
                    }
                    return pattern.contains("*") || pattern.contains("?") ? .unknown : .string(pattern)
                }
            }
            return .unknown
        case .newObject:
            for element in command.elements {
                if case .argument(let expression) = element, let type = evaluator.evaluate(expression).text {
                    return .object(PSTypes.normalize(type))
                }
                if case .parameter("typename", let value?, _) = element, let type = evaluator.evaluate(value).text {
                    return .object(PSTypes.normalize(type))
                }
            }
            return .unknown
        }
    }

    // MARK: - Operations

    func cast(_ value: PSValue, to type: String) -> PSValue {
        switch PSTypes.normalize(type) {
        case "char":
            if let code = value.number, let scalar = Unicode.Scalar(UInt32(max(0, min(code, 0x10FFFF)))) { return .string(String(Character(scalar))) }
            if case .string(let text) = value, text.count == 1 { return value }
            return .unknown
        case "char[]":
            switch value {
            case .string(let text): return .array(text.map { .string(String($0)) })
            case .array(let items): return .array(items.map { cast($0, to: "char") })
            default: return .unknown
            }
        case "string":
            return value.text.map(PSValue.string) ?? .unknown
        case "int", "int32", "int64", "long", "double", "byte":
            return value.number.map(PSValue.number) ?? .unknown
        case "scriptblock":
            guard let code = value.text, let script = try? PSParser.parse(code) else { return .unknown }
            return .scriptBlock(script)
        default:
            return value
        }
    }

    func member(_ target: PSValue, name: String, isStatic: Bool) -> PSValue {
        switch (target, name) {
        case (.string(let text), "length"): return .number(Double(text.count))
        case (.array(let items), "length"), (.array(let items), "count"): return .number(Double(items.count))
        case (.object(let type), _) where type.hasPrefix("type:text.encoding") || type == "type:encoding":
            return .object("encoding:" + name)
        case (.downloaded, _): return .downloaded
        case (.object(let type), _) where !type.hasPrefix("type:") && !type.hasPrefix("method:"):
            // `$webclient.DownloadString` without arguments: a method, invoked later with `.Invoke(...)`.
            return .object("method:" + name)
        default: return .unknown
        }
    }

    func call(_ target: PSValue, name: String, arguments: [PSValue], isStatic: Bool) -> PSValue {
        if case .object(let type) = target, type.hasPrefix("method:"), name == "invoke" {
            return call(.object("?"), name: String(type.dropFirst("method:".count)), arguments: arguments, isStatic: false)
        }
        switch (target, name) {
        case (_, "downloadstring"), (_, "downloaddata"), (_, "openread"):
            return .downloaded
        case (.object(let type), "frombase64string") where type == "type:convert":
            guard let text = arguments.first?.text, let data = Data(base64Encoded: text.filter { !$0.isWhitespace }) else { return .unknown }
            return .bytes(Array(data))
        case (.object(let type), "tobase64string") where type == "type:convert":
            guard case .bytes(let bytes)? = arguments.first else { return .unknown }
            return .string(Data(bytes).base64EncodedString())
        case (.object(let encoding), "getbytes") where encoding.hasPrefix("encoding:"):
            guard let text = arguments.first?.text else { return .unknown }
            return .bytes(PSTypes.encode(text, encoding: String(encoding.dropFirst("encoding:".count))))
        case (.object(let encoding), "getstring") where encoding.hasPrefix("encoding:"):
            guard case .bytes(let bytes)? = arguments.first else { return .unknown }
            return .string(PSTypes.decode(bytes, encoding: String(encoding.dropFirst("encoding:".count))))
        case (.object("type:string"), "join"):
            guard arguments.count == 2, let separator = arguments[0].text else { return .unknown }
            return join(arguments[1], separator: separator)
        case (.object("type:string"), "concat"):
            let texts = arguments.flatMap(\.elements).map(\.text)
            guard texts.allSatisfy({ $0 != nil }) else { return .unknown }
            return .string(texts.compactMap { $0 }.joined())
        case (.object("type:char"), "convertfromutf32"):
            return cast(arguments.first ?? .unknown, to: "char")
        case (.object("type:scriptblock"), "create"):
            if arguments.first == .downloaded { return .downloaded }
            return cast(arguments.first ?? .unknown, to: "scriptblock")
        case (.downloaded, _):
            return .downloaded
        case (.object(let type), "new") where type.hasPrefix("type:"):
            return .object(String(type.dropFirst(5)))
        case (.string(let text), _):
            return stringMethod(text, name: name, arguments: arguments)
        case (.array(let items), "toarray"), (.array(let items), "clone"):
            return .array(items)
        default:
            return .unknown
        }
    }

    func stringMethod(_ text: String, name: String, arguments: [PSValue]) -> PSValue {
        let texts = arguments.map(\.text)
        switch name {
        case "replace":
            guard texts.count == 2, let from = texts[0], let to = texts[1], !from.isEmpty else { return .unknown }
            return .string(text.replacingOccurrences(of: from, with: to))
        case "tolower", "tolowerinvariant": return .string(text.asciiLowercased())
        case "toupper", "toupperinvariant": return .string(text.uppercased())
        case "trim": return .string(text.trimmingWhitespace(start: true, end: true))
        case "trimstart": return .string(text.trimmingWhitespace(start: true, end: false))
        case "trimend": return .string(text.trimmingWhitespace(start: false, end: true))
        case "tostring": return .string(text)
        case "tochararray": return .array(text.map { .string(String($0)) })
        case "substring":
            let characters = Array(text)
            guard let start = arguments.first?.number.map(Int.init), start >= 0, start <= characters.count else { return .unknown }
            let length = arguments.count > 1 ? arguments[1].number.map(Int.init) ?? -1 : characters.count - start
            guard length >= 0, start + length <= characters.count else { return .unknown }
            return .string(String(characters[start..<(start + length)]))
        case "split":
            guard let separator = texts.first ?? nil, !separator.isEmpty else { return .unknown }
            return .array(text.components(separatedBy: CharacterSet(charactersIn: separator)).map(PSValue.string))
        case "insert":
            guard arguments.count == 2, let position = arguments[0].number.map(Int.init), let insert = texts[1], position >= 0, position <= text.count else { return .unknown }
            var characters = Array(text)
            characters.insert(contentsOf: insert, at: position)
            return .string(String(characters))
        case "remove":
            let characters = Array(text)
            guard let start = arguments.first?.number.map(Int.init), start >= 0, start <= characters.count else { return .unknown }
            let length = arguments.count > 1 ? arguments[1].number.map(Int.init) ?? 0 : characters.count - start
            guard length >= 0, start + length <= characters.count else { return .unknown }
            return .string(String(characters[..<start] + characters[(start + length)...]))
        default:
            return .unknown
        }
    }

    func index(_ target: PSValue, by index: PSValue) -> PSValue {
        let items: [PSValue]
        switch target {
        case .string(let text): items = text.map { .string(String($0)) }
        case .array(let values): items = values
        default: return .unknown
        }
        func element(_ position: PSValue) -> PSValue {
            guard let raw = position.number, raw.rounded() == raw else { return .unknown }
            let offset = Int(raw) < 0 ? items.count + Int(raw) : Int(raw)
            return offset >= 0 && offset < items.count ? items[offset] : .unknown
        }
        if case .array(let positions) = index {
            return .array(positions.map(element))
        }
        return element(index)
    }

    func binary(_ op: String, _ left: PSValue, _ right: PSValue) -> PSValue {
        switch op {
        case "+":
            switch left {
            case .string(let text):
                guard let other = right.text, text.utf8.count + other.utf8.count <= Self.sizeLimit else { return .unknown }
                return .string(text + other)
            case .number(let value):
                if let other = right.number { return .number(value + other) }
                return .unknown
            case .array(let items):
                return .array(items + right.elements)
            default:
                return .unknown
            }
        case "-", "/", "%":
            guard let a = left.number, let b = right.number else { return .unknown }
            switch op {
            case "-": return .number(a - b)
            case "/": return b == 0 ? .unknown : .number(a / b)
            default: return b == 0 ? .unknown : .number(a.truncatingRemainder(dividingBy: b))
            }
        case "*":
            if case .string(let text) = left, let count = right.number, count >= 0, Double(text.utf8.count) * count <= Double(Self.sizeLimit) {
                return .string(String(repeating: text, count: Int(count)))
            }
            if let a = left.number, let b = right.number { return .number(a * b) }
            return .unknown
        case "-join":
            guard let separator = right.text else { return .unknown }
            return join(left, separator: separator)
        case "-f":
            guard let format = left.text else { return .unknown }
            return Self.format(format, right.elements)
        case "-replace", "-ireplace", "-creplace":
            guard let text = left.text else { return .unknown }
            let pair = right.elements
            guard let pattern = pair.first?.text else { return .unknown }
            let replacement = pair.count > 1 ? pair[1].text ?? "" : ""
            let options: NSRegularExpression.Options = op == "-creplace" ? [] : [.caseInsensitive]
            guard let regex = try? NSRegularExpression(pattern: pattern, options: options) else { return .unknown }
            let range = NSRange(text.startIndex..., in: text)
            let template = replacement.replacingOccurrences(of: "\\", with: "\\\\")
            return .string(regex.stringByReplacingMatches(in: text, range: range, withTemplate: template))
        case "-split", "-isplit", "-csplit":
            guard let text = left.text, let pattern = right.text,
                  let regex = try? NSRegularExpression(pattern: pattern, options: op == "-csplit" ? [] : [.caseInsensitive]) else { return .unknown }
            var pieces: [PSValue] = []
            var last = text.startIndex
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let range = Range(match.range, in: text) else { continue }
                pieces.append(.string(String(text[last..<range.lowerBound])))
                last = range.upperBound
            }
            pieces.append(.string(String(text[last...])))
            return .array(pieces)
        default:
            return .unknown
        }
    }

    func unary(_ op: String, _ operand: PSValue) -> PSValue {
        switch op {
        case "-join": return join(operand, separator: "")
        case "-split", "-isplit", "-csplit":
            guard let text = operand.text else { return .unknown }
            return .array(text.split(whereSeparator: \.isWhitespace).map { .string(String($0)) })
        case "-": return operand.number.map { .number(-$0) } ?? .unknown
        default: return .unknown
        }
    }

    func join(_ value: PSValue, separator: String) -> PSValue {
        let texts = value.elements.map(\.text)
        guard texts.allSatisfy({ $0 != nil }) else { return .unknown }
        return .string(texts.compactMap { $0 }.joined(separator: separator))
    }

    /// .NET composite formatting: `"{1}{0}" -f 'a','b'` → `ba`.
    static func format(_ format: String, _ arguments: [PSValue]) -> PSValue {
        // `{` and `}` are ASCII, so the format is read byte by byte and literal runs copied whole.
        var format = format
        return format.withUTF8 { bytes -> PSValue in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") else {
                    output.append(byte)
                    index += 1
                    continue
                }
                if index + 1 < bytes.count, bytes[index + 1] == byte {
                    // `{{`, `}}`: a literal brace.
                    output.append(byte)
                    index += 2
                    continue
                }
                guard byte == UInt8(ascii: "{") else {
                    output.append(byte)
                    index += 1
                    continue
                }
                guard let close = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: "}")) else { return .unknown }
                let item = bytes[(index + 1)..<close]
                let spec = item.prefix { $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: ":") }
                index = close + 1
                guard let position = Int(String(decoding: spec, as: UTF8.self).trimmingSpaces()), position >= 0, position < arguments.count,
                      let text = arguments[position].text else { return .unknown }
                output.append(contentsOf: text.utf8)
            }
            return .string(String(decoding: output, as: UTF8.self))
        }
    }
}
