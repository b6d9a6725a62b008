import Foundation

/// What a command writes to standard output when that is fixed by the script itself:
/// `echo 'rm -rf /' | sh` runs the echoed text, so the text is judged as code.
enum StaticOutput {
    static func of(_ invocation: CommandInvocation) -> String? {
        switch invocation.name {
        case "echo":
            var words = invocation.arguments[...]
            while let first = words.first?.value, ["-n", "-e", "-E", "-ne", "-en"].contains(first) { words = words.dropFirst() }
            let values = words.map(\.value)
            guard values.allSatisfy({ $0 != nil }) else { return nil }
            return values.compactMap { $0 }.joined(separator: " ") + "\n"
        case "printf":
            let values = invocation.arguments.map(\.value)
            guard let format = values.first ?? nil, values.allSatisfy({ $0 != nil }) else { return nil }
            let arguments = values.dropFirst().compactMap { $0 }
            let unescaped = format.replacingOccurrences(of: "\\n", with: "\n").replacingOccurrences(of: "\\t", with: "\t")
            if !unescaped.contains("%") { return unescaped }
            if unescaped == "%s\n" || unescaped == "%s" || unescaped == "%b\n" || unescaped == "%b" {
                return arguments.joined(separator: unescaped.hasSuffix("\n") ? "\n" : "") + (unescaped.hasSuffix("\n") ? "\n" : "")
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
}
