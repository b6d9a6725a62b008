import Crypto
import Foundation
public import RemediatorCore

/// Computes the hash an approval binds to.
public enum PlanHasher {
    public static func hash(_ plan: Plan) -> String {
        Hex.string(SHA256.hash(data: plan.hashInput))
    }

    /// The plan with its hash filled in.
    public static func sealed(_ plan: Plan) -> Plan {
        var sealed = plan
        sealed.hash = hash(plan)
        return sealed
    }
}
