import Foundation
public import RemediatorCore

/// A plan as a model proposes it, read strictly from the tool input.
///
/// Every field is checked for type, range and meaning before anything is kept: an unknown
/// key, a missing field, a step for another host or a runbook the prompt never offered is
/// an error the model is told about once (``PlanDraft/Problems``), not something to guess
/// around.
public struct PlanDraft: Sendable, Equatable {
    public var abstainReason: String?
    public var summary: String
    public var rootCause: String
    /// 0…1, the model's own estimate.
    public var confidence: Double
    public var risk: Risk
    public var citedRunbooks: [String]
    public var steps: [PlanStep]

    public enum Risk: String, Sendable, CaseIterable {
        case low, medium, high
    }

    /// What was wrong with a reply, one line each, phrased for the model to fix.
    public struct Problems: Error, Sendable, Equatable, CustomStringConvertible {
        public let lines: [String]
        public var description: String { lines.joined(separator: "; ") }
    }

    /// The limits a draft must stay within.
    public struct Limits: Sendable {
        public var maximumSteps = 12
        public var maximumScriptBytes = 32 * 1024
        public var maximumTimeoutSeconds = 3600

        public init() {}
    }

    /// The tool the model answers through; its schema is what ``decode(_:host:runbooks:limits:)`` enforces.
    public static let tool = LLMTool(
        name: "submit_plan",
        description: "Submit the remediation plan for the incident, or abstain when no safe, grounded plan exists.",
        schema: schema
    )

    static let stepKeys: Set<String> = ["name", "role", "language", "script", "target", "timeout_seconds"]
    static let keys: Set<String> = ["abstain", "abstain_reason", "summary", "root_cause", "confidence", "risk", "cited_runbooks", "steps"]

    static let schema: JSONValue = {
        func string(_ description: String) -> JSONValue { .object(["type": .string("string"), "description": .string(description)]) }
        func enumeration(_ values: [String]) -> JSONValue { .object(["type": .string("string"), "enum": .array(values.map(JSONValue.string))]) }
        let step: JSONValue = .object([
            "type": .string("object"),
            "additionalProperties": .bool(false),
            "required": .array(stepKeys.sorted().map(JSONValue.string)),
            "properties": .object([
                "name": string("Short name of the step."),
                "role": enumeration(StepRole.allCases.map(\.rawValue)),
                "language": enumeration(ScriptLanguage.allCases.map(\.rawValue)),
                "script": string("The script. Alert facts are in environment variables (ALERT_HOST, ALERT_SERVICE, ALERT_LABEL_*); never copy alert text into it."),
                "target": string("The host the step runs on: the incident's host."),
                "timeout_seconds": .object(["type": .string("integer"), "minimum": .integer(1), "maximum": .integer(3600)]),
            ]),
        ])
        return .object([
            "type": .string("object"),
            "additionalProperties": .bool(false),
            "required": .array(keys.sorted().map(JSONValue.string)),
            "properties": .object([
                "abstain": .object(["type": .string("boolean"), "description": .string("True when no safe plan grounded in the runbooks exists.")]),
                "abstain_reason": string("Why, when abstaining; empty otherwise."),
                "summary": string("One sentence: what the plan does."),
                "root_cause": string("The most likely cause, from the evidence given."),
                "confidence": .object(["type": .string("number"), "minimum": .integer(0), "maximum": .integer(1)]),
                "risk": enumeration(Risk.allCases.map(\.rawValue)),
                "cited_runbooks": .object(["type": .string("array"), "items": .object(["type": .string("string")]), "description": .string("Ids of the runbooks the plan follows.")]),
                "steps": .object(["type": .string("array"), "items": step]),
            ]),
        ])
    }()

    /// Reads a tool input. `host` is the incident's host (every step must run there);
    /// `runbooks` are the ids the prompt offered (citations must be among them).
    public static func decode(_ input: JSONValue, host: String, runbooks: Set<String>, limits: Limits = Limits()) throws(Problems) -> PlanDraft {
        var problems: [String] = []
        guard let object = input.objectValue else { throw Problems(lines: ["the tool input must be a JSON object, not \(input.typeName)"]) }
        for key in object.keys.sorted() where !keys.contains(key) { problems.append("unknown field '\(key)'") }
        for key in keys.sorted() where object[key] == nil { problems.append("missing field '\(key)'") }

        func string(_ key: String, in object: [String: JSONValue], at path: String) -> String? {
            guard let value = object[key] else { return nil }
            guard case .string(let text) = value else {
                problems.append("\(path)\(key) must be a string, not \(value.typeName)")
                return nil
            }
            return text
        }

        let abstain: Bool
        switch object["abstain"] {
        case .bool(let value)?: abstain = value
        case let other?: problems.append("abstain must be a boolean, not \(other.typeName)"); abstain = false
        case nil: abstain = false
        }
        let abstainReason = string("abstain_reason", in: object, at: "") ?? ""
        let summary = string("summary", in: object, at: "") ?? ""
        let rootCause = string("root_cause", in: object, at: "") ?? ""
        var confidence = 0.0
        switch object["confidence"] {
        case .number(let value)?: confidence = value
        case .integer(let value)?: confidence = Double(value)
        case let other?: problems.append("confidence must be a number, not \(other.typeName)")
        case nil: break
        }
        if !(0...1).contains(confidence) { problems.append("confidence must be between 0 and 1, not \(confidence)") }
        var risk = Risk.high
        if let text = string("risk", in: object, at: "") {
            if let value = Risk(rawValue: text) { risk = value } else { problems.append("risk must be low, medium or high, not '\(text)'") }
        }
        var cited: [String] = []
        switch object["cited_runbooks"] {
        case .array(let items)?:
            for item in items {
                guard case .string(let id) = item else { problems.append("cited_runbooks must hold strings"); continue }
                if runbooks.contains(id) { cited.append(id) } else { problems.append("cited runbook '\(id)' was not among the runbooks given") }
            }
        case let other?: problems.append("cited_runbooks must be an array, not \(other.typeName)")
        case nil: break
        }
        var steps: [PlanStep] = []
        switch object["steps"] {
        case .array(let items)?:
            if items.count > limits.maximumSteps { problems.append("at most \(limits.maximumSteps) steps, not \(items.count)") }
            for (index, item) in items.prefix(limits.maximumSteps).enumerated() {
                if let step = decodeStep(item, index: index, host: host, limits: limits, problems: &problems) { steps.append(step) }
            }
        case let other?: problems.append("steps must be an array, not \(other.typeName)")
        case nil: break
        }
        if abstain {
            if abstainReason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems.append("abstain_reason must say why when abstain is true") }
        } else {
            if summary.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems.append("summary must not be empty") }
            if !steps.contains(where: { $0.role == .remediate }) { problems.append("a plan needs at least one step with role 'remediate' (or abstain)") }
            if !steps.contains(where: { $0.role == .verify }) { problems.append("a plan needs a step with role 'verify' that exits 0 when the problem is gone") }
        }
        guard problems.isEmpty else { throw Problems(lines: problems) }
        return PlanDraft(
            abstainReason: abstain ? abstainReason : nil, summary: summary, rootCause: rootCause, confidence: confidence, risk: risk,
            citedRunbooks: cited, steps: abstain ? [] : steps
        )
    }

    private static func decodeStep(_ item: JSONValue, index: Int, host: String, limits: Limits, problems: inout [String]) -> PlanStep? {
        let path = "steps[\(index)]."
        guard let step = item.objectValue else {
            problems.append("steps[\(index)] must be an object, not \(item.typeName)")
            return nil
        }
        let before = problems.count
        for key in step.keys.sorted() where !stepKeys.contains(key) { problems.append("\(path)\(key) is not a step field") }
        for key in stepKeys.sorted() where step[key] == nil { problems.append("\(path)\(key) is missing") }
        func text(_ key: String) -> String {
            guard let value = step[key] else { return "" }
            guard case .string(let text) = value else {
                problems.append("\(path)\(key) must be a string, not \(value.typeName)")
                return ""
            }
            return text
        }
        let name = text("name")
        let roleText = text("role")
        let languageText = text("language")
        let script = text("script")
        let target = text("target")
        let role = StepRole(rawValue: roleText)
        let language = ScriptLanguage(rawValue: languageText)
        if step["role"] != nil, role == nil { problems.append("\(path)role must be one of diagnose, remediate, verify, rollback, not '\(roleText)'") }
        if step["language"] != nil, language == nil { problems.append("\(path)language must be bash or powershell, not '\(languageText)'") }
        if step["script"] != nil, script.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems.append("\(path)script is empty") }
        if script.utf8.count > limits.maximumScriptBytes { problems.append("\(path)script is longer than \(limits.maximumScriptBytes) bytes") }
        if step["target"] != nil, target != host { problems.append("\(path)target must be the incident's host '\(host)', not '\(target)'") }
        var timeout = 0
        switch step["timeout_seconds"] {
        case .integer(let value)?: timeout = Int(clamping: value)
        case .number(let value)? where value.rounded() == value && abs(value) < 1e9: timeout = Int(value)
        case let other?: problems.append("\(path)timeout_seconds must be an integer, not \(other.typeName)")
        case nil: break
        }
        if step["timeout_seconds"] != nil, !(1...limits.maximumTimeoutSeconds).contains(timeout) {
            problems.append("\(path)timeout_seconds must be between 1 and \(limits.maximumTimeoutSeconds)")
        }
        guard problems.count == before, let role, let language else { return nil }
        return PlanStep(name: name.isEmpty ? role.rawValue : name, role: role, language: language, script: script, target: host, timeoutSeconds: timeout)
    }
}
