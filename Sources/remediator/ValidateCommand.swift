import ArgumentParser
import Foundation
import RemediatorCore
import Safety
import Server

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scripts with the safety validator.",
        discussion: "Exit status: 0 when every script is allowed, 2 when some need review, 3 when some are blocked, 1 on errors."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @Option(help: "Script language: bash or powershell (default: from the file extension, else bash).")
    var language: String?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(help: "A safety policy file (YAML); default: $REMEDIATOR_SAFETY_POLICY, else the rules as they are.")
    var policy: String?

    @Option(help: "The environment whose policy applies; default: $REMEDIATOR_ENVIRONMENT, else 'default'.")
    var environment: String?

    @Argument(help: "Script files ('-' reads standard input).")
    var files: [String]

    func validate() throws {
        if let language, ScriptLanguage(rawValue: language) == nil {
            throw ValidationError("--language must be bash or powershell")
        }
        guard !files.isEmpty else { throw ValidationError("name at least one script file") }
    }

    func run() throws {
        let validator = try makeValidator(environment: ProcessInfo.processInfo.environment)
        var worst = Verdict.allow
        var failed = false
        var reports: [(String, SafetyReport)] = []
        for file in files {
            let text: String
            do {
                text = try Self.read(file)
            } catch {
                FileHandle.standardError.write(Data("remediator validate: \(file): \(error)\n".utf8))
                failed = true
                continue
            }
            let scriptLanguage = language.flatMap(ScriptLanguage.init(rawValue:)) ?? Self.language(for: file)
            let report = validator.validate(text, language: scriptLanguage)
            worst = max(worst, report.verdict)
            reports.append((file, report))
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            if reports.count == 1, let only = reports.first {
                print(String(decoding: try encoder.encode(only.1), as: UTF8.self))
            } else {
                let byFile = Dictionary(reports.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
                print(String(decoding: try encoder.encode(byFile), as: UTF8.self))
            }
        case .text:
            for (file, report) in reports {
                let environment = report.environment.map { ", environment \($0)" } ?? ""
                print("\(file): \(report.verdict.rawValue) (risk \(report.riskScore)\(environment))")
                for finding in report.findings {
                    print("  \(file):\(finding.line):\(finding.column): \(finding.severity.rawValue) [\(finding.rule)] \(finding.message)")
                    print("      \(finding.snippet)")
                    if let hint = finding.hint { print("      hint: \(hint)") }
                }
            }
        }
        if failed { throw ExitCode(1) }
        switch worst {
        case .allow: return
        case .review: throw ExitCode(2)
        case .block: throw ExitCode(3)
        }
    }

    /// The validator for the chosen environment under the chosen policy file.
    func makeValidator(environment variables: [String: String]) throws -> SafetyValidator {
        let policyFile = policy ?? variables["REMEDIATOR_SAFETY_POLICY"]
        let name = environment ?? variables["REMEDIATOR_ENVIRONMENT"]
        guard policyFile != nil || name != nil else { return SafetyValidator() }
        var policies = SafetyPolicySet.standard
        if let policyFile {
            do {
                policies = try SafetyPolicyLoader().load(file: policyFile)
            } catch {
                FileHandle.standardError.write(Data("remediator validate: \(error.description)\n".utf8))
                throw ExitCode(1)
            }
        }
        let chosen = name ?? SafetyPolicySet.defaultEnvironment
        guard let validator = SafetyValidator(policies: policies, environment: chosen) else {
            FileHandle.standardError.write(Data("remediator validate: no safety policy names the environment '\(chosen)'; known: \(policies.names.joined(separator: ", "))\n".utf8))
            throw ExitCode(1)
        }
        return validator
    }

    static func read(_ file: String) throws -> String {
        let data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: file))
        guard let text = String(data: data, encoding: .utf8) else {
            struct NotUTF8: Error, CustomStringConvertible { var description: String { "not valid UTF-8" } }
            throw NotUTF8()
        }
        return text
    }

    static func language(for file: String) -> ScriptLanguage {
        let lower = file.lowercased()
        return lower.hasSuffix(".ps1") || lower.hasSuffix(".psm1") ? .powershell : .bash
    }
}
