import Foundation
import RemediatorCore
import Safety
import Testing

@Suite("PowerShell validator robustness")
struct PowerShellRobustnessTests {
    let validator = SafetyValidator()

    @Test("random bytes always get a verdict")
    func randomBytes() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ab $@'\"`(){}[]<>|&;#\n\t=*?!-+.,:%".utf8)
        for round in 0..<3000 {
            let length = Int.random(in: 0..<300, using: &generator)
            let bytes: [UInt8] = (0..<length).map { _ in
                round.isMultiple(of: 2) ? UInt8.random(in: 0...255, using: &generator) : alphabet.randomElement(using: &generator) ?? 32
            }
            let report = validator.validate(String(decoding: bytes, as: UTF8.self), language: .powershell)
            #expect((0...100).contains(report.riskScore))
        }
    }

    @Test("unterminated constructs are a parse failure sent to review, never allowed", arguments: [
        "Write-Output 'open", "Write-Output \"open", "$(Get-Date", "@'\nno end", "@\"\nno end", "if ($true) {", "function f {",
        "foreach ($x in $y) {", "@{ a = 1", "Get-Item (", "\"$($x\"", "[string", "switch ($x) {",
    ])
    func unterminated(script: String) {
        let report = validator.validate(script, language: .powershell)
        #expect(report.verdict == .review, "\(script): \(report)")
        #expect(report.findings.contains { $0.rule == "parse.error" })
    }

    @Test("10,000 levels of nesting are refused quickly instead of overflowing the stack", arguments: ["(", "$(", "{ ", "@(", "& { "])
    func deepNesting(opener: String) {
        let closer = ["(": ")", "$(": ")", "{ ": " }", "@(": ")", "& { ": " }"][opener] ?? ")"
        let script = String(repeating: opener, count: 10_000) + "Stop-Computer -Force" + String(repeating: closer, count: 10_000)
        let start = ContinuousClock.now
        let report = validator.validate(script, language: .powershell)
        #expect(report.verdict != .allow)
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test("code nested in strings handed to Invoke-Expression costs bounded work")
    func nestedInvocations() {
        var script = "Get-Date"
        for _ in 0..<12 {
            script = "iex '" + script.replacingOccurrences(of: "'", with: "''") + "'"
        }
        let start = ContinuousClock.now
        let report = validator.validate(script, language: .powershell)
        #expect(report.verdict != .allow)
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test("a 10 MB script gets a verdict in bounded time")
    func hugeScript() {
        let line = "Get-Service -Name W3SVC | Where-Object { $_.Status -ne 'Running' } | Select-Object Name, Status\n"
        let script = String(repeating: line, count: (10 << 20) / line.utf8.count) + "Stop-Computer -Force\n"
        let start = ContinuousClock.now
        let report = validator.validate(script, language: .powershell)
        #expect(report.verdict == .block)
        // A bound against hangs and quadratic blow-ups, with room for a debug build sharing
        // the machine with other tests (about 15-35 s there); speed itself is measured by
        // `remediator bench validator`.
        #expect(ContinuousClock.now - start < .seconds(180))
    }
}
