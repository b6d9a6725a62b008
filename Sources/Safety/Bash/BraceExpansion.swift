/// Bash brace expansion of comma lists: `a{b,c}d` → `abd acd`, nested and repeated.
///
/// Bounded: a word that would expand past ``limit`` words keeps its first ``limit``.
enum BraceExpansion {
    static let limit = 256

    static func expand(_ text: String) -> [String] {
        let characters = Array(text)
        guard let (open, close, alternatives) = firstList(in: characters) else { return [text] }
        let prefix = String(characters[..<open])
        let suffix = String(characters[(close + 1)...])
        var results: [String] = []
        for alternative in alternatives {
            for expanded in expand(prefix + alternative + suffix) {
                results.append(expanded)
                if results.count >= limit { return results }
            }
        }
        return results
    }

    /// The first `{...}` containing a top-level comma, and its alternatives.
    private static func firstList(in characters: [Character]) -> (Int, Int, [String])? {
        var start = 0
        while let open = characters[start...].firstIndex(of: "{") {
            var depth = 0
            var commas: [Int] = []
            var index = open
            while index < characters.count {
                switch characters[index] {
                case "{": depth += 1
                case "}":
                    depth -= 1
                    if depth == 0 {
                        if !commas.isEmpty {
                            var pieces: [String] = []
                            var from = open + 1
                            for comma in commas + [index] {
                                pieces.append(String(characters[from..<comma]))
                                from = comma + 1
                            }
                            return (open, index, pieces)
                        }
                        index = characters.count
                        continue
                    }
                case "," where depth == 1: commas.append(index)
                default: break
                }
                index += 1
            }
            start = open + 1
        }
        return nil
    }
}
