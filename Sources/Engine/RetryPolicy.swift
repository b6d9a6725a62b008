import Foundation
import RemediatorCore

/// Exponential backoff with jitter: attempt n waits base·2ⁿ⁻¹, capped, times a random
/// factor in [0.5, 1], so a burst of failures does not retry in lockstep.
struct RetryPolicy: Sendable {
    var base: Duration
    var maximum: Duration

    func delay(afterAttempt attempt: Int, random: Double = Double.random(in: 0.5...1.0)) -> Duration {
        let exponent = min(max(attempt - 1, 0), 30)
        let uncapped = base * (1 << exponent)
        let capped = min(uncapped, maximum)
        return capped * random
    }

    func retryDate(afterAttempt attempt: Int, now: Date) -> Date {
        let delay = delay(afterAttempt: attempt)
        return now.addingTimeInterval(delay.timeInterval)
    }
}
