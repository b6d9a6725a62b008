public import Foundation

/// The language a script is written in; it selects the validator and the interpreter.
public enum ScriptLanguage: String, Codable, Sendable, CaseIterable {
    case bash
    case powershell
}

/// What a step is for.
public enum StepRole: String, Codable, Sendable, CaseIterable {
    /// Read-only investigation, runs before the fix.
    case diagnose
    /// The change that fixes the problem.
    case remediate
    /// Read-only check that the problem is gone; exit status 0 means fixed.
    case verify
    /// Undoes the remediation when verification fails.
    case rollback
}

/// One script of a plan, bound to the host it runs on.
public struct PlanStep: Sendable, Equatable, Codable {
    public var name: String
    public var role: StepRole
    public var language: ScriptLanguage
    public var script: String
    /// The host the step runs on: the incident's own host unless the runbook names others.
    public var target: String
    public var timeoutSeconds: Int

    public init(name: String, role: StepRole, language: ScriptLanguage, script: String, target: String, timeoutSeconds: Int) {
        self.name = name
        self.role = role
        self.language = language
        self.script = script
        self.target = target
        self.timeoutSeconds = timeoutSeconds
    }

    enum CodingKeys: String, CodingKey {
        case name, role, language, script, target
        case timeoutSeconds = "timeout_seconds"
    }
}

/// A remediation plan: the scripts to run, where, and how to tell whether they worked.
///
/// A plan is immutable once made. Approvals name its ``hash`` so that what a human saw is
/// exactly what runs; the environment is part of the hash because it is part of what runs.
public struct Plan: Sendable, Equatable, Codable {
    /// Which planner made it (`runbook`, `bedrock`, ...).
    public var planner: String
    public var summary: String
    public var rootCause: String
    public var runbookID: String?
    public var runbookVersion: Int?
    public var steps: [PlanStep]
    /// Alert facts handed to every step as environment variables, never spliced into scripts.
    public var environment: [String: String]
    public var createdAt: Date
    /// SHA-256 over the plan's executable content, set when the plan is stored.
    public var hash: String
    /// The model behind the plan, or consulted before the runbook planner made it.
    public var origin: PlanOrigin?

    public init(
        planner: String,
        summary: String,
        rootCause: String = "",
        runbookID: String? = nil,
        runbookVersion: Int? = nil,
        steps: [PlanStep],
        environment: [String: String],
        createdAt: Date,
        hash: String = "",
        origin: PlanOrigin? = nil
    ) {
        self.planner = planner
        self.summary = summary
        self.rootCause = rootCause
        self.runbookID = runbookID
        self.runbookVersion = runbookVersion
        self.steps = steps
        self.environment = environment
        self.createdAt = createdAt
        self.hash = hash
        self.origin = origin
    }

    /// The steps with a given role, in plan order.
    public func steps(_ role: StepRole) -> [PlanStep] {
        steps.filter { $0.role == role }
    }

    enum CodingKeys: String, CodingKey {
        case planner, summary, steps, environment, hash, origin
        case rootCause = "root_cause"
        case runbookID = "runbook_id"
        case runbookVersion = "runbook_version"
        case createdAt = "created_at"
    }
}

/// What a planner answered.
public enum PlanningResult: Sendable, Equatable {
    case plan(Plan)
    /// The planner has no plan it trusts; the incident goes to a human.
    case abstain(reason: String)
}

extension Plan {
    /// The bytes the plan hash is computed over: everything that decides what runs where,
    /// in a canonical order. The summary, the creation time and the hash itself are not
    /// part of it.
    public var hashInput: Data {
        struct Executable: Encodable {
            let planner: String
            let runbookID: String?
            let runbookVersion: Int?
            let steps: [PlanStep]
            let environment: [String: String]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let executable = Executable(
            planner: planner, runbookID: runbookID, runbookVersion: runbookVersion,
            steps: steps, environment: environment
        )
        // Encoding strings, integers and arrays of them cannot fail.
        return (try? encoder.encode(executable)) ?? Data()
    }
}
