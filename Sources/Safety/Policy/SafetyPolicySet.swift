/// The policies of every environment: a base every environment starts from, and what
/// each named environment adds.
public struct SafetyPolicySet: Sendable, Equatable {
    /// The name of the base policy, which is also an environment of its own.
    public static let defaultEnvironment = "default"

    public let base: SafetyPolicy
    /// Each environment's own settings, before the base is applied under them.
    public let environments: [String: SafetyPolicy]

    /// The rules as they are, in one `default` environment.
    public static let standard = SafetyPolicySet(base: .standard, environments: [:])

    public init(base: SafetyPolicy, environments: [String: SafetyPolicy]) {
        self.base = base
        self.environments = environments
    }

    /// Every environment name, `default` included, sorted.
    public var names: [String] {
        ([Self.defaultEnvironment] + environments.keys.filter { $0 != Self.defaultEnvironment }).sorted()
    }

    /// The effective policy of `environment`, or `nil` when no policy names it.
    public func policy(for environment: String) -> SafetyPolicy? {
        if let own = environments[environment] { return base.overlaid(with: own) }
        return environment == Self.defaultEnvironment ? base : nil
    }
}
