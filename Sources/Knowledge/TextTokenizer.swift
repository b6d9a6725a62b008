/// Splits text into lower-case words for keyword matching and BM25.
enum TextTokenizer {
    /// Words of letters and digits; `NodeFilesystemAlmostOutOfSpace` also yields its
    /// camel-case parts (`node`, `filesystem`, `almost`, ...) so alert names match keywords.
    static func tokens(_ text: String) -> [String] {
        var result: [String] = []
        var current: [Character] = []
        func flush() {
            guard !current.isEmpty else { return }
            let word = String(current)
            let lower = word.lowercased()
            if lower.count >= 2 { result.append(lower) }
            let parts = camelCaseParts(word)
            if parts.count > 1 {
                result.append(contentsOf: parts.filter { $0.count >= 2 })
            }
            current.removeAll(keepingCapacity: true)
        }
        for character in text {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else {
                flush()
            }
        }
        flush()
        return result
    }

    private static func camelCaseParts(_ word: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var previousWasLower = false
        for character in word {
            if character.isUppercase && previousWasLower && !current.isEmpty {
                parts.append(current.lowercased())
                current = ""
            }
            current.append(character)
            previousWasLower = character.isLowercase || character.isNumber
        }
        if !current.isEmpty { parts.append(current.lowercased()) }
        return parts
    }
}

/// Case-insensitive `*` / `?` globs, as used in runbook match rules.
enum Glob {
    static func matches(_ pattern: String, _ text: String) -> Bool {
        let pattern = Array(pattern.lowercased())
        let text = Array(text.lowercased())
        var p = 0, t = 0
        var starP = -1, starT = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "?" || pattern[p] == text[t] {
                p += 1
                t += 1
            } else if p < pattern.count, pattern[p] == "*" {
                starP = p
                starT = t
                p += 1
            } else if starP >= 0 {
                p = starP + 1
                starT += 1
                t = starT
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
