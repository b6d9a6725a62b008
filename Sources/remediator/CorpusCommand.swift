import RemediatorCore
import ArgumentParser
import Foundation
import Safety

struct CorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Measure the validator on a labelled corpus: detection and false-block rates per language, and every miss.",
        discussion: "Exit status 0 when both languages meet the targets (≥ 98 % of dangerous scripts blocked, none allowed, ≤ 3 % of safe scripts blocked), 1 otherwise."
    )

    @Argument(help: "The corpus directory (LANGUAGE/LABEL/scripts).")
    var directory: String = "Tests/SafetyTests/Corpus"

    func run() throws {
        let evaluation = try CorpusEvaluation(directory: URL(fileURLWithPath: directory), validator: SafetyValidator())
        print(evaluation.report())
        let met = [ScriptLanguage.bash, .powershell].allSatisfy { evaluation.summary(for: $0).meetsTargets }
        if !met { throw ExitCode.failure }
    }
}
