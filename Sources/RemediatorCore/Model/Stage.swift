/// One step of the pipeline; each is run by a job.
public enum Stage: String, Codable, Sendable, CaseIterable {
    case enrich
    case plan
    case validate
    case gate
    case execute
    case verify
    case close

    /// The incident states in which a job for this stage may run. A job that finds its
    /// incident elsewhere (resolved by the source, cancelled by an operator) is obsolete.
    public var runnableStates: Set<IncidentState> {
        switch self {
        case .enrich: [.received]
        case .plan: [.enriched]
        case .validate, .gate: [.planned]
        case .execute: [.approved, .executing]
        case .verify: [.verifying]
        case .close: [.resolved]
        }
    }

    /// Stages whose work touches a host; a job for one of them is never cancelled quietly
    /// once it is running.
    public var hasExternalEffects: Bool {
        self == .execute || self == .verify
    }
}
