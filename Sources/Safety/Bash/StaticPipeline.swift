import Foundation

/// Text that a pipeline of fixed commands produces: `echo cm0gLXJmIC8= | base64 -d`
/// yields `rm -rf /`. Decoders and filters that obfuscation leans on are applied, so
/// what reaches an interpreter or a command substitution is judged as the code it is.
enum StaticPipeline {
    /// The output of a single-pipeline script made of fixed commands, or `nil`.
    static func output(of script: BashScript, resolver: WordResolver) -> String? {
        guard script.body.items.count == 1, let item = script.body.items.first, item.rest.isEmpty, !item.background else { return nil }
        var text: String?
        for command in item.first.commands {
            guard case .simple(let simple) = command, let words = Optional(resolver.resolve(simple.words)), let head = words.first?.value else { return nil }
            let invocation = CommandInvocation(
                name: Wrappers.baseName(head), arguments: words.dropFirst(), redirects: simple.redirects, offset: simple.offset,
                dynamicArguments: nil, upstream: [], pipelineOffset: nil, workingDirectory: nil, upstreamText: text
            )
            if let produced = StaticOutput.of(invocation) {
                text = produced
            } else if let input = text, let filtered = filter(input, through: invocation) {
                text = filtered
            } else {
                return nil
            }
        }
        return text
    }

    /// What a filter does to known input: base64 and hex decoding, reversal, rot13, `tr -d`.
    static func filter(_ input: String, through invocation: CommandInvocation) -> String? {
        let arguments = invocation.values
        switch invocation.name {
        case "base64", "base32":
            guard arguments.contains(where: { $0 == "-d" || $0 == "--decode" || $0 == "-D" || $0 == "-di" }) else { return nil }
            guard invocation.name == "base64", let data = Data(base64Encoded: input.filter { !$0.isWhitespace }) else { return nil }
            return String(decoding: data, as: UTF8.self)
        case "openssl":
            guard arguments.first == "base64" || arguments.first == "enc", arguments.contains("-d"), let data = Data(base64Encoded: input.filter { !$0.isWhitespace }) else { return nil }
            return String(decoding: data, as: UTF8.self)
        case "xxd":
            guard arguments.contains("-r") else { return nil }
            let hex = input.filter(\.isHexDigit)
            var bytes: [UInt8] = []
            var index = hex.startIndex
            while index < hex.endIndex, let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex) {
                guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
                bytes.append(byte)
                index = next
            }
            return String(decoding: bytes, as: UTF8.self)
        case "rev":
            return input.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.reversed()) }.joined(separator: "\n")
        case "tr":
            let sets = arguments.filter { !$0.hasPrefix("-") }
            if arguments.contains("-d"), let set = sets.first {
                let removed = expandSet(set)
                return String(input.filter { !removed.contains($0) })
            }
            guard sets.count == 2 else { return nil }
            let from = Array(expandSet(sets[0]))
            let to = Array(expandSet(sets[1]))
            guard !from.isEmpty, !to.isEmpty else { return nil }
            var map: [Character: Character] = [:]
            for (index, character) in from.enumerated() { map[character] = to[min(index, to.count - 1)] }
            return String(input.map { map[$0] ?? $0 })
        case "cat":
            return invocation.operands.isEmpty ? input : nil
        default:
            return nil
        }
    }

    /// `a-z` → `abcdefghijklmnopqrstuvwxyz`.
    static func expandSet(_ set: String) -> [Character] {
        let characters = Array(set)
        var result: [Character] = []
        var index = 0
        while index < characters.count {
            if index + 2 < characters.count, characters[index + 1] == "-",
               let low = characters[index].unicodeScalars.first?.value, let high = characters[index + 2].unicodeScalars.first?.value, low <= high, high - low < 256 {
                for value in low...high { if let scalar = Unicode.Scalar(value) { result.append(Character(scalar)) } }
                index += 3
            } else {
                result.append(characters[index])
                index += 1
            }
        }
        return result
    }
}
