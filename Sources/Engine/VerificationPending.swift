public import Foundation

/// The verification has not passed yet, and the source may still resolve the alert: the
/// job is due again at `until`, without counting an attempt.
public struct VerificationPending: Error, CustomStringConvertible {
    public let until: Date
    public let reason: String

    public var description: String { "\(reason); waiting for the source to resolve the alert (next look \(until.formatted(.iso8601)))" }
}
