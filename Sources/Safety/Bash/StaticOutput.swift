import Foundation

/// What a command writes to standard output when that is fixed by the script itself:
/// `echo 'rm -rf /' | sh` runs the echoed text, so the text is judged as code.
enum StaticOutput {
    static func of(_ invocation: CommandInvocation) -> String? {
        switch invocation.name {
        case "echo":
            var words = invocation.arguments[...]
            var interpretsEscapes = false
            while let first = words.first?.value, ["-n", "-e", "-E", "-ne", "-en"].contains(first) {
                interpretsEscapes = interpretsEscapes || first.contains("e")
                words = words.dropFirst()
            }
            let values = words.map(\.value)
            guard values.allSatisfy({ $0 != nil }) else { return nil }
            let text = values.compactMap { $0 }.joined(separator: " ") + "\n"
            return interpretsEscapes ? unescape(text) : text
        case "printf":
            let values = invocation.arguments.map(\.value)
            guard let format = values.first ?? nil, values.allSatisfy({ $0 != nil }) else { return nil }
            let arguments = values.dropFirst().compactMap { $0 }
            let unescaped = unescape(format)
            if !unescaped.contains("%") { return unescaped }
            if unescaped == "%s\n" || unescaped == "%s" || unescaped == "%b\n" || unescaped == "%b" {
                let items = unescaped.hasPrefix("%b") ? arguments.map(unescape) : arguments
                return items.joined(separator: unescaped.hasSuffix("\n") ? "\n" : "") + (unescaped.hasSuffix("\n") ? "\n" : "")
            }
            return nil
        case "cat":
            guard invocation.operands.isEmpty || invocation.operands.allSatisfy({ $0.value == "-" }) else { return nil }
            for redirect in invocation.redirects {
                if let document = redirect.hereDocument { return document.text }
                if redirect.op == .hereString, let value = redirect.target.staticValue { return value + "\n" }
            }
            return nil
        default:
            return nil
        }
    }

    /// printf and `echo -e` escapes: `\n`, `\t`, `\\`, `\xHH`, `\NNN` and `\0NNN` octal.
    static func unescape(_ text: String) -> String {
        var bytes: [UInt8] = []
        let source = Array(text.utf8)
        var index = 0
        while index < source.count {
            let byte = source[index]
            guard byte == UInt8(ascii: "\\"), index + 1 < source.count else {
                bytes.append(byte)
                index += 1
                continue
            }
            let next = source[index + 1]
            switch next {
            case UInt8(ascii: "n"): bytes.append(10); index += 2
            case UInt8(ascii: "t"): bytes.append(9); index += 2
            case UInt8(ascii: "r"): bytes.append(13); index += 2
            case UInt8(ascii: "\\"): bytes.append(92); index += 2
            case UInt8(ascii: "x"):
                var value = 0
                var length = 0
                while length < 2, index + 2 + length < source.count, let digit = Int(String(UnicodeScalar(source[index + 2 + length])), radix: 16) {
                    value = value * 16 + digit
                    length += 1
                }
                if length == 0 { bytes.append(byte); index += 1 } else { bytes.append(UInt8(value)); index += 2 + length }
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var cursor = index + 1
                if source[cursor] == UInt8(ascii: "0"), cursor + 1 < source.count, (48...55).contains(source[cursor + 1]) { cursor += 1 }
                var value = 0
                var length = 0
                while length < 3, cursor + length < source.count, (48...55).contains(source[cursor + length]) {
                    value = value * 8 + Int(source[cursor + length] - 48)
                    length += 1
                }
                bytes.append(UInt8(truncatingIfNeeded: value))
                index = cursor + length
            default:
                bytes.append(byte)
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
