// Validates the corpus's long scripts a fixed number of times, so that an instruction
// counter (valgrind's callgrind) measures the validator, not the host's load.
//
//   validator-instructions CORPUS LANGUAGE ROUNDS
//
// Run with ROUNDS 0 and 1: the difference, divided by the validations printed, is the
// validator's instructions per script.
import Foundation
import RemediatorCore
import Safety

let arguments = CommandLine.arguments
guard arguments.count == 4, let language = ScriptLanguage(rawValue: arguments[2]), let rounds = Int(arguments[3]) else {
    FileHandle.standardError.write(Data("usage: validator-instructions CORPUS bash|powershell ROUNDS\n".utf8))
    exit(2)
}
let folder = language == .bash ? "bash" : "powershell"
let suffix = language == .bash ? "sh" : "ps1"
var scripts: [String] = []
for label in ["safe", "review", "dangerous"] {
    let directory = "\(arguments[1])/\(folder)/\(label)"
    for file in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] where file.hasSuffix("." + suffix) {
        let text = try String(contentsOfFile: directory + "/" + file, encoding: .utf8)
        // The same selection as `remediator bench validator --minimum-lines 25`.
        if text.split(separator: "\n", omittingEmptySubsequences: false).count >= 25 { scripts.append(text) }
    }
}
scripts.sort()
let validator = SafetyValidator()
for script in scripts { _ = validator.validate(script, language: language) }
let repetitions = 200
for _ in 0..<rounds {
    for _ in 0..<repetitions {
        for script in scripts { _ = validator.validate(script, language: language) }
    }
}
print(rounds * repetitions * scripts.count)
