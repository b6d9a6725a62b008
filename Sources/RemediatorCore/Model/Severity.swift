/// How urgent an alert is, on the one scale every source is mapped to.
public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    case critical
    case high
    case medium
    case low
    case info

    /// Higher is more urgent.
    public var rank: Int {
        switch self {
        case .critical: 4
        case .high: 3
        case .medium: 2
        case .low: 1
        case .info: 0
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs.rank < rhs.rank
    }
}

/// Whether the source says the problem is happening now or has gone away.
public enum AlertStatus: String, Codable, Sendable, CaseIterable {
    case firing
    case resolved
}
