import Foundation
import RemediatorCore
import Safety
import Testing

@Suite("Validator robustness")
struct RobustnessTests {
    let validator = SafetyValidator()

    @Test("random bytes always get a verdict")
    func randomBytes() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abc $'\"`\\(){}[]<>|&;#\n\t=*?!~-".utf8)
        for round in 0..<3000 {
            let length = Int.random(in: 0..<300, using: &generator)
            let bytes: [UInt8] = (0..<length).map { _ in
                round.isMultiple(of: 2) ? UInt8.random(in: 0...255, using: &generator) : alphabet.randomElement(using: &generator) ?? 32
            }
            let report = validator.validate(String(decoding: bytes, as: UTF8.self), language: .bash)
            #expect((0...100).contains(report.riskScore))
        }
    }

    @Test("unterminated constructs are a parse failure sent to review, never allowed", arguments: [
        "echo 'open", "echo \"open", "echo $(ls", "echo ${x", "cat <<EOF\nno end", "if true; then echo", "case x in", "echo `ls",
        "for x in a; do", "f() {", "( echo", "echo $'abc", "while true", "{ echo",
    ])
    func unterminated(script: String) {
        let report = validator.validate(script, language: .bash)
        #expect(report.verdict == .review, "\(script): \(report)")
        #expect(report.findings.contains { $0.rule == "parse.error" })
    }

    @Test("10,000 levels of nesting are refused quickly instead of overflowing the stack", arguments: ["(", "$(", "{ ", "`"])
    func deepNesting(opener: String) {
        let closer = ["(": ")", "$(": ")", "{ ": "; }", "`": "`"][opener] ?? ")"
        let script = String(repeating: opener, count: 10_000) + "rm -rf /" + String(repeating: closer, count: 10_000)
        let start = ContinuousClock.now
        let report = validator.validate(script, language: .bash)
        #expect(report.verdict != .allow)
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test("a recursive delete of a path with 200,000 components is judged like a short one")
    func veryDeepPath() {
        let report = validator.validate("rm -rf /usr/" + String(repeating: "a/", count: 200_000) + "b", language: .bash)
        #expect(report.verdict == .block)
    }

    @Test("nested parameter expansions and quotes are refused before they exhaust the stack")
    func nestedExpansions() {
        for opener in ["${x:-", "\"$(", "\"${x:-\""] {
            let script = "echo " + String(repeating: opener, count: 200_000)
            let report = validator.validate(script, language: .bash)
            #expect(report.verdict == .review)
            #expect(report.findings.contains { $0.rule == "parse.error" })
        }
    }

    @Test("code nested in here-strings costs linear, not exponential, work")
    func nestedHereStrings() {
        var script = "true"
        for _ in 0..<40 {
            script = "bash <<< \"$(" + script + ")\""
        }
        let start = ContinuousClock.now
        let report = validator.validate(script, language: .bash)
        #expect(ContinuousClock.now - start < .seconds(10))
        #expect(report.verdict != .allow)
    }

    @Test("a 10 MB script gets a verdict in bounded time")
    func hugeScript() {
        let line = "systemctl status nginx --no-pager | grep -q running && echo \"ok: $(date +%s)\" >> /tmp/check.log\n"
        let script = String(repeating: line, count: (10 << 20) / line.utf8.count) + "rm -rf /usr\n"
        let start = ContinuousClock.now
        let report = validator.validate(script, language: .bash)
        #expect(report.verdict == .block)
        // A bound against hangs and quadratic blow-ups, with room for a debug build sharing
        // the machine with other tests (about 15-35 s there); speed itself is measured by
        // `remediator bench validator`.
        #expect(ContinuousClock.now - start < .seconds(180))
    }

    @Test("here-documents nested in substitutions and several per line parse")
    func hereDocuments() {
        let script = """
        cat <<A; cat <<-B
        first
        A
        \tsecond
        \tB
        x=$(cat <<'C'
        rm -rf /
        C
        )
        echo done
        """
        let report = validator.validate(script, language: .bash)
        #expect(report.verdict == .allow, "\(report.findings)")
    }
}
