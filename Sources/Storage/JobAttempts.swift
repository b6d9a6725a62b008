import RemediatorCore

/// How many attempts a job gets before it is dead-lettered, the same for both stores.
enum JobAttempts {
    /// Five attempts for pure stages; the stages that touch hosts retry less, since a retry
    /// after an unknown outcome is refused anyway. Closing retries more: its failures are
    /// ticket systems and webhooks refusing or failing, and ten attempts with the default
    /// backoff span about eight minutes; an integration whose breaker is open (it is down)
    /// does not count attempts at all. A
    /// configured value wins (at least 1).
    static func limit(for stage: Stage, configured: [Stage: Int]) -> Int {
        if let value = configured[stage] { return max(1, value) }
        if stage == .close { return 10 }
        return stage.hasExternalEffects ? 3 : 5
    }
}
