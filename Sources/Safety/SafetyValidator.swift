public import RemediatorCore

/// The static safety validator: parses a script, resolves what would really run and
/// judges it against the rules.
///
/// It fails closed: a script it cannot parse is `review`, never `allow`, so a human always
/// reads what the validator could not.
///
/// Each validator judges for one environment under that environment's ``SafetyPolicy``;
/// ``forEnvironment(_:)`` gives the validator of another environment of the same set.
public struct SafetyValidator: ScriptValidator {
    public let policies: SafetyPolicySet
    /// The environment this validator judges for; `nil` with no configured policies.
    public let environment: String?
    let policy: SafetyPolicy
    let gate: PolicyGate?

    /// The rules as they are, with no policy.
    public init() {
        self.policies = .standard
        self.environment = nil
        self.policy = .standard
        self.gate = nil
    }

    /// A validator for `environment`, or `nil` when `policies` does not name it.
    public init?(policies: SafetyPolicySet, environment: String) {
        guard let policy = policies.policy(for: environment) else { return nil }
        self.policies = policies
        self.environment = environment
        self.policy = policy
        self.gate = policy.hasLists ? PolicyGate(policy: policy) : nil
    }

    public func forEnvironment(_ name: String) -> (any ScriptValidator)? {
        SafetyValidator(policies: policies, environment: name)
    }

    public var environmentNames: [String] { policies.names }

    public func validate(_ script: String, language: ScriptLanguage) -> SafetyReport {
        switch language {
        case .bash:
            return report(for: analyzeBash(script), in: script)
        case .powershell:
            // Positions refer to the text as PowerShell reads it (typographic dashes as `-`).
            let normalized = PSParser.normalizeTypography(script)
            return report(for: analyzePowerShell(normalized), in: normalized)
        }
    }

    private func analyzePowerShell(_ script: String) -> [RawFinding] {
        do {
            let parsed = try PSParser.parse(script)
            var analyzer = PSAnalyzer()
            analyzer.policyGate = gate
            analyzer.analyze(parsed)
            return analyzer.findings
        } catch {
            return [RawFinding(rule: RuleCatalog.parseError, offset: error.offset, detail: error.message)]
        }
    }

    private func analyzeBash(_ script: String) -> [RawFinding] {
        do {
            let parsed = try BashParser.parse(script)
            var analyzer = BashAnalyzer()
            analyzer.policyGate = gate
            if script.contains("?") {
                analyzer.resolver.unsetVariables = UnsetVariables(scanning: script)
            }
            analyzer.analyzeScript(parsed)
            return analyzer.findings
        } catch {
            return [RawFinding(rule: RuleCatalog.parseError, offset: error.offset, detail: error.message)]
        }
    }

    private func report(for rawFindings: [RawFinding], in script: String) -> SafetyReport {
        // Most scripts have no findings: only those with some need line positions.
        guard !rawFindings.isEmpty else {
            return SafetyReport(verdict: .allow, riskScore: 0, findings: [], environment: environment)
        }
        let source = SourceText(script)
        var seen: Set<String> = []
        var findings: [Finding] = []
        for raw in rawFindings.sorted(by: { $0.offset < $1.offset }) {
            if let gate, gate.waives(raw.rule, on: raw.subject) { continue }
            let severity = policy.verdict(for: raw.rule)
            if severity == .allow { continue }
            let (line, column) = source.location(of: raw.offset)
            // The same rule at the same place (a word reached twice) is one finding.
            guard seen.insert("\(raw.rule.id)@\(line):\(column)").inserted else { continue }
            let message = raw.detail.map { "\(raw.rule.summary): \($0)" } ?? raw.rule.summary
            findings.append(Finding(
                rule: raw.rule.id, severity: severity, line: line, column: column,
                message: message, snippet: source.snippet(at: raw.offset), hint: raw.rule.hint
            ))
        }
        let verdict = findings.map(\.severity).max() ?? .allow
        return SafetyReport(verdict: verdict, riskScore: Self.riskScore(findings), findings: findings, environment: environment)
    }

    /// 0 with no findings; reviews land in 40–75, blocks in 90–100, more findings higher.
    static func riskScore(_ findings: [Finding]) -> Int {
        let blocks = findings.filter { $0.severity == .block }.count
        let reviews = findings.filter { $0.severity == .review }.count
        if blocks > 0 {
            return min(100, 90 + 3 * (blocks - 1) + reviews)
        }
        if reviews > 0 {
            return min(75, 40 + 7 * (reviews - 1))
        }
        return 0
    }
}
