public import Foundation
public import Safety
import RemediatorCore
import Yams

/// Reads a safety policy file:
///
/// ```yaml
/// default:                 # every environment starts from this
///   families:
///     block: [change]      # raise: consequential changes are refused
///     review: [availability]
///   commands: { allow: [apt-get], deny: [nc, socat] }
///   paths:    { allow: [/var/lib/myapp, /tmp], deny: [/srv/payments] }
///   services: { allow: [nginx], deny: [postgresql] }
/// environments:
///   staging:
///     families: { allow: [change] }
/// ```
///
/// Strict like the server configuration: an unknown key, an unknown family or a family
/// listed twice is an error naming the file and the place, never a silently ignored rule.
public struct SafetyPolicyLoader: Sendable {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    public init() {}

    public func load(file path: String) throws(Failure) -> SafetyPolicySet {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw Failure(description: "cannot read the safety policy \(path): \(error.localizedDescription)")
        }
        return try parse(text, source: path)
    }

    public func parse(_ text: String, source: String) throws(Failure) -> SafetyPolicySet {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            let position = String(describing: error).firstMatch(of: /line (\d+)/).map { " at line \($0.1)" } ?? ""
            throw Failure(description: "\(source) is not valid YAML\(position)")
        }
        guard let node else { return .standard }
        let top = try mapping(node, at: source, keys: ["default", "environments"])
        let base = try top["default"].map { node throws(Failure) in try policy(node, at: "\(source): default") } ?? .standard
        var environments: [String: SafetyPolicy] = [:]
        if let environmentsNode = top["environments"] {
            guard let entries = environmentsNode.mapping else {
                throw Failure(description: "\(source): environments must map environment names to policies")
            }
            for (nameNode, policyNode) in entries {
                guard let name = nameNode.string, name.range(of: "^[A-Za-z0-9._-]{1,64}$", options: .regularExpression) != nil else {
                    throw Failure(description: "\(source): environment names are 1–64 letters, digits, '.', '_' or '-'")
                }
                environments[name] = try policy(policyNode, at: "\(source): environments.\(name)")
            }
        }
        return SafetyPolicySet(base: base, environments: environments)
    }

    private func policy(_ node: Node, at place: String) throws(Failure) -> SafetyPolicy {
        if node.null != nil { return .standard }
        let sections = try mapping(node, at: place, keys: ["families", "commands", "paths", "services"])
        var verdicts: [Rule.Family: Verdict] = [:]
        if let families = sections["families"] {
            let lists = try accessLists(families, at: "\(place).families", keys: ["block", "review", "allow"])
            for verdict in [Verdict.block, .review, .allow] {
                for name in lists[verdict.rawValue] ?? [] {
                    guard let family = Rule.Family(rawValue: name) else {
                        let known = Rule.Family.allCases.map(\.rawValue).joined(separator: ", ")
                        throw Failure(description: "\(place).families: unknown family '\(name)'; families are \(known)")
                    }
                    if let earlier = verdicts[family] {
                        throw Failure(description: "\(place).families: '\(name)' is listed under both \(earlier.rawValue) and \(verdict.rawValue)")
                    }
                    verdicts[family] = verdict
                }
            }
        }
        func list(_ key: String) throws(Failure) -> SafetyPolicy.AccessList {
            guard let node = sections[key] else { return SafetyPolicy.AccessList() }
            let lists = try accessLists(node, at: "\(place).\(key)", keys: ["allow", "deny"])
            return SafetyPolicy.AccessList(allow: lists["allow"] ?? [], deny: lists["deny"] ?? [])
        }
        do {
            return try SafetyPolicy(verdicts: verdicts, commands: list("commands"), paths: list("paths"), services: list("services"))
        } catch let invalid as SafetyPolicy.Invalid {
            throw Failure(description: "\(place): \(invalid.description)")
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "\(place): \(error)")
        }
    }

    /// A mapping of `keys` to lists of strings.
    private func accessLists(_ node: Node, at place: String, keys: Set<String>) throws(Failure) -> [String: [String]] {
        var lists: [String: [String]] = [:]
        for (key, value) in try mapping(node, at: place, keys: keys) {
            if value.null != nil {
                lists[key] = []
                continue
            }
            guard let sequence = value.sequence else {
                throw Failure(description: "\(place).\(key) must be a list, e.g. [a, b]")
            }
            var names: [String] = []
            for item in sequence {
                guard let name = item.string, !name.isEmpty else {
                    throw Failure(description: "\(place).\(key) must list names as strings")
                }
                names.append(name)
            }
            lists[key] = names
        }
        return lists
    }

    private func mapping(_ node: Node, at place: String, keys: Set<String>) throws(Failure) -> [String: Node] {
        guard let pairs = node.mapping else {
            throw Failure(description: "\(place) must be a mapping with keys \(keys.sorted().joined(separator: ", "))")
        }
        var result: [String: Node] = [:]
        for (keyNode, value) in pairs {
            guard let key = keyNode.string, keys.contains(key) else {
                throw Failure(description: "\(place): unknown key '\(keyNode.string ?? "?")'; expected \(keys.sorted().joined(separator: ", "))")
            }
            result[key] = value
        }
        return result
    }
}
