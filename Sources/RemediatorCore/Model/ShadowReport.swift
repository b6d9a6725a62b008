public import Foundation

/// What shadow mode saw, per runbook: how many incidents Remediator planned without
/// acting, what it would have run (the validator's verdicts), and how each ended.
public struct ShadowReport: Sendable, Equatable, Codable {
    public struct Runbook: Sendable, Equatable, Codable {
        /// The runbook the plan came from; `-` for plans not based on one.
        public var runbookID: String
        public var incidents: Int
        /// Still in shadow: the alert has not resolved and nobody closed it.
        public var open: Int
        /// The source resolved the alert without Remediator acting.
        public var resolvedBySource: Int
        /// A human closed the incident (fixed by hand, or not worth fixing).
        public var closedByHuman: Int
        /// Plans the validator allowed in full: Remediator could have run them.
        public var verdictAllow: Int
        /// Plans that would have needed a human's review.
        public var verdictReview: Int
        /// Mean minutes from the first alert to the source's resolution, for incidents the
        /// source resolved.
        public var meanMinutesToResolution: Double?
        public var lastSeen: Date

        public init(
            runbookID: String, incidents: Int, open: Int, resolvedBySource: Int, closedByHuman: Int, verdictAllow: Int, verdictReview: Int,
            meanMinutesToResolution: Double?, lastSeen: Date
        ) {
            self.runbookID = runbookID
            self.incidents = incidents
            self.open = open
            self.resolvedBySource = resolvedBySource
            self.closedByHuman = closedByHuman
            self.verdictAllow = verdictAllow
            self.verdictReview = verdictReview
            self.meanMinutesToResolution = meanMinutesToResolution
            self.lastSeen = lastSeen
        }

        enum CodingKeys: String, CodingKey {
            case incidents, open
            case runbookID = "runbook_id"
            case resolvedBySource = "resolved_by_source"
            case closedByHuman = "closed_by_human"
            case verdictAllow = "verdict_allow"
            case verdictReview = "verdict_review"
            case meanMinutesToResolution = "mean_minutes_to_resolution"
            case lastSeen = "last_seen"
        }
    }

    public var runbooks: [Runbook]

    public init(runbooks: [Runbook]) {
        self.runbooks = runbooks
    }

    /// How a shadow incident left the `shadow` state, as recorded on the incident.
    public enum Outcome: String, Sendable, Codable {
        case resolvedBySource = "resolved_by_source"
        case closedByHuman = "closed_by_human"
        case retried
    }
}
