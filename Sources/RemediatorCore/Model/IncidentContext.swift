public import Foundation

/// What the enrich stage gathered for the planner and for the human who approves.
public struct IncidentContext: Sendable, Equatable, Codable {
    /// A runbook that matched, with why.
    public struct RunbookMatch: Sendable, Equatable, Codable {
        public var id: String
        public var title: String
        public var version: Int
        /// Match-rule score (alert name 100, label 10, keyword 5).
        public var ruleScore: Int
        /// BM25 relevance of the runbook text to the alert text; breaks ties.
        public var textScore: Double
        public var reasons: [String]

        public init(id: String, title: String, version: Int, ruleScore: Int, textScore: Double, reasons: [String]) {
            self.id = id
            self.title = title
            self.version = version
            self.ruleScore = ruleScore
            self.textScore = textScore
            self.reasons = reasons
        }

        enum CodingKeys: String, CodingKey {
            case id, title, version, reasons
            case ruleScore = "rule_score"
            case textScore = "text_score"
        }
    }

    /// Another recent incident on the same host.
    public struct HostIncident: Sendable, Equatable, Codable {
        public var id: String
        public var title: String
        public var state: IncidentState
        public var createdAt: Date

        public init(id: String, title: String, state: IncidentState, createdAt: Date) {
            self.id = id
            self.title = title
            self.state = state
            self.createdAt = createdAt
        }

        enum CodingKeys: String, CodingKey {
            case id, title, state
            case createdAt = "created_at"
        }
    }

    /// Another recent alert on the same host.
    public struct HostAlert: Sendable, Equatable, Codable {
        public var id: String
        public var alertName: String
        public var status: AlertStatus
        public var severity: Severity
        public var receivedAt: Date

        public init(id: String, alertName: String, status: AlertStatus, severity: Severity, receivedAt: Date) {
            self.id = id
            self.alertName = alertName
            self.status = status
            self.severity = severity
            self.receivedAt = receivedAt
        }

        enum CodingKeys: String, CodingKey {
            case id, status, severity
            case alertName = "alert_name"
            case receivedAt = "received_at"
        }
    }

    public var runbooks: [RunbookMatch]
    public var hostIncidents: [HostIncident]
    public var hostAlerts: [HostAlert]

    public init(runbooks: [RunbookMatch], hostIncidents: [HostIncident], hostAlerts: [HostAlert]) {
        self.runbooks = runbooks
        self.hostIncidents = hostIncidents
        self.hostAlerts = hostAlerts
    }

    enum CodingKeys: String, CodingKey {
        case runbooks
        case hostIncidents = "host_incidents"
        case hostAlerts = "host_alerts"
    }
}
