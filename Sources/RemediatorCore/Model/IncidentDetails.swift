/// The stored results of earlier stages an incident carries: its context, plan and
/// safety report. They are the bulk of an incident row (the context holds whole
/// runbooks), so the store decodes only the ones the reader needs.
public struct IncidentDetails: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let context = IncidentDetails(rawValue: 1 << 0)
    public static let plan = IncidentDetails(rawValue: 1 << 1)
    public static let safety = IncidentDetails(rawValue: 1 << 2)
    public static let all: IncidentDetails = [.context, .plan, .safety]
}

extension Stage {
    /// What the stage's handler reads of its incident's earlier results.
    public var reads: IncidentDetails {
        switch self {
        case .enrich: []
        case .close: .plan
        case .plan: .context
        case .validate, .verify: .plan
        case .gate, .execute: [.plan, .safety]
        }
    }
}
