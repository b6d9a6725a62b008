public import RemediatorCore

/// What one environment lets scripts do, on top of the rules.
///
/// A policy can move whole rule families between `block` and `review`, let a human
/// pre-approve ordinary changes to named commands, paths and services, and forbid commands,
/// paths and services outright. It cannot make the validator trust what it could not see:
/// parse failures and unresolvable code stay at least `review`, a family that blocks by
/// default can be lowered to `review` but never allowed, and allow lists only waive
/// findings of the `change` family. Deny always wins over allow.
public struct SafetyPolicy: Sendable, Equatable {
    /// Names to allow and to deny.
    public struct AccessList: Sendable, Equatable {
        public var allow: [String]
        public var deny: [String]

        public init(allow: [String] = [], deny: [String] = []) {
            self.allow = allow
            self.deny = deny
        }

        /// This list with `other`'s names added.
        func adding(_ other: AccessList) -> AccessList {
            AccessList(allow: allow + other.allow.filter { !allow.contains($0) }, deny: deny + other.deny.filter { !deny.contains($0) })
        }

        var isEmpty: Bool { allow.isEmpty && deny.isEmpty }
    }

    /// A policy that cannot be enforced as written.
    public struct Invalid: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// Verdicts that replace a family's default.
    public private(set) var verdicts: [Rule.Family: Verdict]
    public private(set) var commands: AccessList
    public private(set) var paths: AccessList
    public private(set) var services: AccessList

    /// The rules as they are, with no lists.
    public static let standard = SafetyPolicy(checked: [:], commands: AccessList(), paths: AccessList(), services: AccessList())

    public init(
        verdicts: [Rule.Family: Verdict] = [:], commands: AccessList = AccessList(), paths: AccessList = AccessList(),
        services: AccessList = AccessList()
    ) throws(Invalid) {
        for (family, verdict) in verdicts.sorted(by: { $0.key.rawValue < $1.key.rawValue }) where verdict == .allow {
            guard family == .change else {
                throw Invalid(description: family.defaultVerdict == .block
                    ? "'\(family.rawValue)' cannot be allowed; list it under review to let a human approve it"
                    : "'\(family.rawValue)' cannot be allowed: it is what the validator could not check")
            }
        }
        for path in paths.allow + paths.deny where !PolicyPaths.isAbsolute(path) {
            throw Invalid(description: "paths must be absolute, not '\(path)'")
        }
        for name in commands.allow + commands.deny + services.allow + services.deny where name.isEmpty || name.contains(where: \.isWhitespace) {
            throw Invalid(description: "command and service names are single words, not '\(name)'")
        }
        self.init(checked: verdicts, commands: commands, paths: paths, services: services)
    }

    private init(checked verdicts: [Rule.Family: Verdict], commands: AccessList, paths: AccessList, services: AccessList) {
        self.verdicts = verdicts
        self.commands = commands
        self.paths = paths
        self.services = services
    }

    /// This policy with an environment's settings on top: its family verdicts replace
    /// these, its names are added to these lists.
    public func overlaid(with other: SafetyPolicy) -> SafetyPolicy {
        SafetyPolicy(
            checked: verdicts.merging(other.verdicts) { _, new in new },
            commands: commands.adding(other.commands), paths: paths.adding(other.paths), services: services.adding(other.services)
        )
    }

    /// The verdict a finding of `rule` gets. Rules that report what the validator could
    /// not resolve (a review rule in a blocking family) stay at review whatever the family
    /// is set to, unless the family is raised to block.
    public func verdict(for rule: Rule) -> Verdict {
        guard let verdict = verdicts[rule.family] else { return rule.verdict }
        if rule.verdict != rule.family.defaultVerdict {
            return verdict == .block ? .block : rule.verdict
        }
        return verdict
    }

    /// Whether any invocation must be checked against deny lists.
    var hasDenyLists: Bool { !commands.deny.isEmpty || !paths.deny.isEmpty || !services.deny.isEmpty }
    /// Whether findings need to know the command they were raised on.
    var hasLists: Bool { !commands.isEmpty || !paths.isEmpty || !services.isEmpty }
}
