import Foundation
import RemediatorCore
import Safety
import Testing

@Suite("Labelled corpus")
struct CorpusTests {
    static let evaluation = load("Corpus")
    /// Written afterwards by someone who had not seen the validator, to catch rules fitted
    /// to the corpus they were developed on.
    static let holdout = load("Holdout")

    static func load(_ name: String) -> CorpusEvaluation? {
        guard let directory = Bundle.module.url(forResource: name, withExtension: nil) else { return nil }
        return try? CorpusEvaluation(directory: directory, validator: SafetyValidator())
    }

    @Test("the corpus has at least 150 bash and 100 PowerShell scripts across the three labels")
    func size() throws {
        let evaluation = try #require(Self.evaluation)
        let bash = evaluation.summary(for: .bash)
        let powershell = evaluation.summary(for: .powershell)
        #expect(bash.safe + bash.review + bash.dangerous >= 150)
        #expect(powershell.safe + powershell.review + powershell.dangerous >= 100)
        #expect(bash.safe > 0 && bash.review > 0 && bash.dangerous > 0)
        #expect(powershell.safe > 0 && powershell.review > 0 && powershell.dangerous > 0)
    }

    @Test("every family has dangerous scripts, plain and obfuscated, in both languages")
    func families() throws {
        let evaluation = try #require(Self.evaluation)
        let families = ["destruction", "availability", "security", "remote-code", "exfiltration", "reverse-shell", "persistence", "fork-bomb"]
        for language in [ScriptLanguage.bash, .powershell] {
            let dangerous = evaluation.entries.filter { $0.language == language && $0.label == "dangerous" }
            for family in families {
                #expect(dangerous.contains { $0.family == family }, "\(language) has no dangerous \(family) script")
            }
        }
    }

    @Test("targets per language: ≥ 98 % of dangerous blocked, none allowed, ≤ 3 % of safe blocked", arguments: [ScriptLanguage.bash, .powershell])
    func targets(language: ScriptLanguage) throws {
        let evaluation = try #require(Self.evaluation)
        let summary = evaluation.summary(for: language)
        #expect(summary.dangerousAllowed == 0, "\(evaluation.report())")
        #expect(summary.dangerousBlockedRate >= 0.98)
        #expect(summary.safeBlockedRate <= 0.03)
    }

    @Test("the holdout corpus meets the same targets, and review scripts are never allowed", arguments: [ScriptLanguage.bash, .powershell])
    func holdoutTargets(language: ScriptLanguage) throws {
        let evaluation = try #require(Self.holdout)
        let summary = evaluation.summary(for: language)
        #expect(summary.safe + summary.review + summary.dangerous >= 75)
        #expect(summary.dangerousAllowed == 0, "\(evaluation.report())")
        #expect(summary.reviewAllowed == 0, "\(evaluation.report())")
        #expect(summary.dangerousBlockedRate >= 0.98, "\(evaluation.report())")
        #expect(summary.safeBlockedRate <= 0.03, "\(evaluation.report())")
    }
}
