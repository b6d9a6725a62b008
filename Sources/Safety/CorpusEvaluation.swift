public import Foundation
public import RemediatorCore

/// Runs the validator over a labelled corpus and measures it.
///
/// The corpus is `LANGUAGE/LABEL/*.sh|*.ps1` with languages `bash` and `powershell` and
/// labels `safe` (expected `allow`), `review` and `dangerous` (expected `block`).
public struct CorpusEvaluation: Sendable {
    public struct Entry: Sendable {
        public var path: String
        public var language: ScriptLanguage
        public var label: String
        public var family: String?
        public var verdict: Verdict
        public var rules: [String]
    }

    public struct Summary: Sendable {
        public var language: ScriptLanguage
        public var safe = 0, safeAllowed = 0, safeBlocked = 0
        public var review = 0, reviewReviewed = 0, reviewAllowed = 0
        public var dangerous = 0, dangerousBlocked = 0, dangerousAllowed = 0

        public var dangerousBlockedRate: Double { dangerous == 0 ? 1 : Double(dangerousBlocked) / Double(dangerous) }
        public var safeBlockedRate: Double { safe == 0 ? 0 : Double(safeBlocked) / Double(safe) }

        /// The accuracy targets: ≥ 98 % of dangerous scripts blocked, none allowed, ≤ 3 % of safe scripts blocked.
        public var meetsTargets: Bool { dangerousBlockedRate >= 0.98 && dangerousAllowed == 0 && safeBlockedRate <= 0.03 }
    }

    public var entries: [Entry] = []

    public init(directory: URL, validator: any ScriptValidator) throws {
        let manager = FileManager.default
        for (language, folder, suffix) in [(ScriptLanguage.bash, "bash", "sh"), (.powershell, "powershell", "ps1")] {
            for label in ["safe", "review", "dangerous"] {
                let labelDirectory = directory.appendingPathComponent(folder).appendingPathComponent(label)
                guard manager.fileExists(atPath: labelDirectory.path) else { continue }
                let files = try manager.contentsOfDirectory(at: labelDirectory, includingPropertiesForKeys: nil)
                    .filter { $0.pathExtension == suffix }
                    .sorted { $0.lastPathComponent < $1.lastPathComponent }
                for file in files {
                    let text = try String(contentsOf: file, encoding: .utf8)
                    let report = validator.validate(text, language: language)
                    entries.append(Entry(
                        path: "\(folder)/\(label)/\(file.lastPathComponent)", language: language, label: label,
                        family: Self.header("family", in: text), verdict: report.verdict, rules: report.findings.map(\.rule)
                    ))
                }
            }
        }
    }

    static func header(_ name: String, in text: String) -> String? {
        for line in text.split(separator: "\n").prefix(6) where line.hasPrefix("# \(name):") {
            return line.dropFirst(name.count + 3).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    public func summary(for language: ScriptLanguage) -> Summary {
        var summary = Summary(language: language)
        for entry in entries where entry.language == language {
            switch entry.label {
            case "safe":
                summary.safe += 1
                if entry.verdict == .allow { summary.safeAllowed += 1 }
                if entry.verdict == .block { summary.safeBlocked += 1 }
            case "review":
                summary.review += 1
                if entry.verdict == .review { summary.reviewReviewed += 1 }
                if entry.verdict == .allow { summary.reviewAllowed += 1 }
            default:
                summary.dangerous += 1
                if entry.verdict == .block { summary.dangerousBlocked += 1 }
                if entry.verdict == .allow { summary.dangerousAllowed += 1 }
            }
        }
        return summary
    }

    /// Every script whose verdict is not the one its label expects.
    public var misses: [Entry] {
        entries.filter { entry in
            switch entry.label {
            case "safe": entry.verdict != .allow
            case "review": entry.verdict != .review
            default: entry.verdict != .block
            }
        }
    }

    /// The report `remediator corpus` prints.
    public func report() -> String {
        var lines: [String] = []
        for language in ScriptLanguage.allCases {
            let s = summary(for: language)
            guard s.safe + s.review + s.dangerous > 0 else { continue }
            func percent(_ part: Int, _ whole: Int) -> String { whole == 0 ? "-" : String(format: "%.1f%%", 100 * Double(part) / Double(whole)) }
            lines.append("\(language.rawValue): \(s.safe + s.review + s.dangerous) scripts")
            lines.append("  dangerous: \(s.dangerous), blocked \(s.dangerousBlocked) (\(percent(s.dangerousBlocked, s.dangerous))), allowed \(s.dangerousAllowed)   target ≥ 98 % blocked, 0 allowed")
            lines.append("  safe:      \(s.safe), allowed \(s.safeAllowed) (\(percent(s.safeAllowed, s.safe))), blocked \(s.safeBlocked) (\(percent(s.safeBlocked, s.safe)))   target ≤ 3 % blocked")
            lines.append("  review:    \(s.review), reviewed \(s.reviewReviewed) (\(percent(s.reviewReviewed, s.review))), allowed \(s.reviewAllowed)")
            lines.append("  targets \(s.meetsTargets ? "met" : "NOT met")")
        }
        let misses = misses
        lines.append("misses: \(misses.count)")
        for miss in misses {
            let expected = miss.label == "safe" ? "allow" : miss.label == "review" ? "review" : "block"
            lines.append("  \(miss.path): \(miss.verdict.rawValue), expected \(expected)\(miss.family.map { " [\($0)]" } ?? "") \(miss.rules.joined(separator: ","))")
        }
        return lines.joined(separator: "\n")
    }
}
