/// The validator's judgement of a script.
public enum Verdict: String, Codable, Sendable, CaseIterable, Comparable {
    /// Nothing found that needs a human's eye beyond normal approval.
    case allow
    /// Possibly fine, but a human must look closely; never runs unattended.
    case review
    /// Refused; nobody can approve it.
    case block

    var rank: Int {
        switch self {
        case .allow: 0
        case .review: 1
        case .block: 2
        }
    }

    public static func < (lhs: Verdict, rhs: Verdict) -> Bool {
        lhs.rank < rhs.rank
    }
}

/// One thing the validator found in a script.
public struct Finding: Sendable, Equatable, Codable {
    /// Stable rule id, e.g. `destroy.rm-root`; tests and policies refer to it.
    public var rule: String
    /// What the finding does to the verdict.
    public var severity: Verdict
    public var line: Int
    public var column: Int
    public var message: String
    /// The source text the finding is about.
    public var snippet: String
    /// How to write the script so the finding goes away, where there is such a way.
    public var hint: String?

    public init(rule: String, severity: Verdict, line: Int, column: Int, message: String, snippet: String, hint: String? = nil) {
        self.rule = rule
        self.severity = severity
        self.line = line
        self.column = column
        self.message = message
        self.snippet = snippet
        self.hint = hint
    }
}

/// The validator's report on one script.
public struct SafetyReport: Sendable, Equatable, Codable {
    public var verdict: Verdict
    /// 0 (harmless) to 100 (destructive), for sorting and dashboards; the verdict decides.
    public var riskScore: Int
    public var findings: [Finding]
    /// The environment whose policy judged the script; absent when no policy is configured.
    public var environment: String?

    public init(verdict: Verdict, riskScore: Int, findings: [Finding], environment: String? = nil) {
        self.verdict = verdict
        self.riskScore = riskScore
        self.findings = findings
        self.environment = environment
    }

    enum CodingKeys: String, CodingKey {
        case verdict, findings, environment
        case riskScore = "risk_score"
    }
}

/// The validator's report on every step of a plan.
public struct PlanSafetyReport: Sendable, Equatable, Codable {
    public struct StepReport: Sendable, Equatable, Codable {
        public var step: String
        public var report: SafetyReport

        public init(step: String, report: SafetyReport) {
            self.step = step
            self.report = report
        }
    }

    /// The worst verdict of any step.
    public var verdict: Verdict
    public var riskScore: Int
    public var planHash: String
    public var steps: [StepReport]

    public init(planHash: String, steps: [StepReport]) {
        self.planHash = planHash
        self.steps = steps
        self.verdict = steps.map(\.report.verdict).max() ?? .allow
        self.riskScore = steps.map(\.report.riskScore).max() ?? 0
    }

    enum CodingKeys: String, CodingKey {
        case verdict, steps
        case riskScore = "risk_score"
        case planHash = "plan_hash"
    }
}
