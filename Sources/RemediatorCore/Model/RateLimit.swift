import Foundation

/// At most `maxRuns` executions in any `window`, per host or per runbook: past it, the
/// incident goes to a human instead of running (blast radius).
public struct RateLimit: Sendable, Equatable, CustomStringConvertible {
    public var maxRuns: Int
    public var window: Duration

    public init(maxRuns: Int, window: Duration) {
        self.maxRuns = maxRuns
        self.window = window
    }

    /// `N/WINDOW`, the window a number with `s`, `m`, `h` or `d`: `5/1h`, `20/30m`.
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let runs = Int(parts[0]), (1...100_000).contains(runs),
              let unit = parts[1].last, let amount = Int(parts[1].dropLast()), (1...100_000).contains(amount) else { return nil }
        let seconds: Int
        switch unit {
        case "s": seconds = amount
        case "m": seconds = amount * 60
        case "h": seconds = amount * 3600
        case "d": seconds = amount * 86400
        default: return nil
        }
        guard seconds <= 30 * 86400 else { return nil }
        self.init(maxRuns: runs, window: .seconds(seconds))
    }

    public var description: String {
        "\(maxRuns)/\(windowDescription)"
    }

    /// The window in its largest whole unit: `1h`, `30m`, `90s`.
    public var windowDescription: String {
        let seconds = window.components.seconds
        return seconds % 86400 == 0 ? "\(seconds / 86400)d" : seconds % 3600 == 0 ? "\(seconds / 3600)h"
            : seconds % 60 == 0 ? "\(seconds / 60)m" : "\(seconds)s"
    }
}
