import Crypto
import Foundation
public import RemediatorCore

/// Computes the hash an approval binds to.
public enum PlanHasher {
    public static func hash(_ plan: Plan) -> String {
        SHA256.hash(data: plan.hashInput).map { String(format: "%02x", $0) }.joined()
    }

    /// The plan with its hash filled in.
    public static func sealed(_ plan: Plan) -> Plan {
        var sealed = plan
        sealed.hash = hash(plan)
        return sealed
    }
}
