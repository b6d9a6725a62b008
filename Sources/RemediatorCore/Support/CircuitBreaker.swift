import Synchronization

/// Stops calling a dependency that keeps failing (an LLM provider, an ITSM API), so an
/// outage costs one fast failure per incident instead of a timeout per incident.
///
/// Closed: calls go through and consecutive failures are counted. After
/// ``failureThreshold`` of them it opens for ``cooldown``: calls fail at once. Then it lets
/// one trial call through (half-open); its success closes the breaker, its failure opens
/// it again.
public final class CircuitBreaker: Sendable {
    public let failureThreshold: Int
    public let cooldown: Duration

    private struct State {
        var consecutiveFailures = 0
        var openUntil: ContinuousClock.Instant?
        var trialInFlight = false
    }

    private let state = Mutex(State())

    public init(failureThreshold: Int = 5, cooldown: Duration = .seconds(30)) {
        self.failureThreshold = max(1, failureThreshold)
        self.cooldown = cooldown
    }

    /// Whether a call may go out now; in the half-open state only one may.
    public func allowsCall(now: ContinuousClock.Instant = .now) -> Bool {
        state.withLock { state in
            guard let openUntil = state.openUntil else { return true }
            guard now >= openUntil, !state.trialInFlight else { return false }
            state.trialInFlight = true
            return true
        }
    }

    public func recordSuccess() {
        state.withLock { $0 = State() }
    }

    public func recordFailure(now: ContinuousClock.Instant = .now) {
        state.withLock { state in
            state.consecutiveFailures += 1
            state.trialInFlight = false
            if state.openUntil != nil || state.consecutiveFailures >= failureThreshold {
                state.openUntil = now + cooldown
            }
        }
    }

    /// A call that ended without saying anything about the provider's health (the request
    /// itself was rejected): a half-open trial slot is given back.
    public func recordNeutral() {
        state.withLock { $0.trialInFlight = false }
    }

    public var isOpen: Bool {
        state.withLock { $0.openUntil != nil }
    }

    /// How long until the open breaker lets a trial call through; `nil` when closed. While
    /// a trial is out, its outcome decides: a full cooldown is the honest wait.
    public func timeUntilTrial(now: ContinuousClock.Instant = .now) -> Duration? {
        state.withLock { state in
            guard let openUntil = state.openUntil else { return nil }
            return state.trialInFlight ? cooldown : max(.zero, now.duration(to: openUntil))
        }
    }
}
