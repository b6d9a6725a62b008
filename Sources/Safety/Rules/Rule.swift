public import RemediatorCore

/// A validator rule: a stable id, the family it belongs to, what it does to the verdict
/// by default, and how to explain it.
public struct Rule: Sendable, Hashable {
    public enum Family: String, Sendable, Codable, CaseIterable {
        case destruction
        case availability
        case security
        case remoteCode = "remote-code"
        case exfiltration
        case reverseShell = "reverse-shell"
        case persistence
        case forkBomb = "fork-bomb"
        /// Code the validator cannot see through.
        case execution
        /// Ordinary but consequential changes a human should look at: restarts, upgrades, edits under /etc.
        case change
        case parsing
        /// Commands, paths and services the environment's policy forbids.
        case policy

        /// What a finding of this family does to the verdict unless a policy says otherwise.
        public var defaultVerdict: Verdict {
            switch self {
            case .execution, .change, .parsing: .review
            default: .block
            }
        }
    }

    public let id: String
    public let family: Family
    public let verdict: Verdict
    public let summary: String
    public let hint: String?

    public init(id: String, family: Family, verdict: Verdict, summary: String, hint: String? = nil) {
        self.id = id
        self.family = family
        self.verdict = verdict
        self.summary = summary
        self.hint = hint
    }
}

/// A finding before its offset is turned into a line and column.
struct RawFinding: Sendable {
    var rule: Rule
    var offset: Int
    var detail: String?
    /// The command the finding was raised on, when a policy's allow lists may waive it.
    var subject: CommandSubject?
}
