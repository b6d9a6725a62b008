public import RemediatorCore

/// A runbook: when it applies and the scripts that diagnose, fix, verify and roll back.
public struct Runbook: Sendable, Equatable {
    public enum Platform: String, Sendable, Codable {
        case linux
        case windows

        /// The script language this platform's steps are written in.
        public var language: ScriptLanguage {
            switch self {
            case .linux: .bash
            case .windows: .powershell
            }
        }
    }

    public enum Risk: String, Sendable, Codable {
        case low
        case medium
        case high
    }

    /// When a runbook is a candidate for an alert.
    public struct MatchRules: Sendable, Equatable {
        /// Empty means any source.
        public var sources: [String]
        /// Case-insensitive globs.
        public var alertNames: [String]
        /// Every label must be present and match its glob.
        public var labels: [String: String]
        /// Lower-case words; two distinct hits make the runbook a candidate.
        public var keywords: [String]

        public init(sources: [String] = [], alertNames: [String] = [], labels: [String: String] = [:], keywords: [String] = []) {
            self.sources = sources
            self.alertNames = alertNames
            self.labels = labels
            self.keywords = keywords
        }
    }

    /// One fenced script.
    public struct Script: Sendable, Equatable {
        public var language: ScriptLanguage
        public var code: String

        public init(language: ScriptLanguage, code: String) {
            self.language = language
            self.code = code
        }
    }

    public var id: String
    public var title: String
    public var version: Int
    public var platform: Platform
    public var risk: Risk
    public var timeoutSeconds: Int
    public var match: MatchRules
    public var tags: [String]
    /// The inventory group this runbook acts on as a whole (`group:` in the front matter).
    /// Without one, its plans touch only the incident's host; with one, and the incident's
    /// host in that group, they may touch every member.
    public var group: String?
    /// The Markdown prose without the front matter and the role scripts.
    public var prose: String
    public var scripts: [StepRole: Script]
    /// Where it was loaded from: `starter:<file>` or a file path.
    public var origin: String

    public init(
        id: String, title: String, version: Int, platform: Platform, risk: Risk, timeoutSeconds: Int,
        match: MatchRules, tags: [String], group: String? = nil, prose: String, scripts: [StepRole: Script], origin: String
    ) {
        self.id = id
        self.title = title
        self.version = version
        self.platform = platform
        self.risk = risk
        self.timeoutSeconds = timeoutSeconds
        self.match = match
        self.tags = tags
        self.group = group
        self.prose = prose
        self.scripts = scripts
        self.origin = origin
    }
}
