import Foundation
public import RemediatorCore
public import Yams

/// Why an inventory was refused; the message names the file, the line and the host.
public struct InventoryError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Reads an inventory from YAML and checks every entry; anything doubtful is an error, so
/// that a typo (`hostkey:`) can never quietly turn host-key pinning off.
///
/// ```yaml
/// defaults:               # every host, unless its group or itself says otherwise
///   executor: ssh
///   user: remediator
/// groups:
///   web:
///     hosts: [web-1]      # named members …
///     tags: [web]         # … and every host with all these tags
///     defaults: {credential: web-ssh-key}
/// hosts:
///   - name: web-1
///     address: 10.0.0.11
///     host_key: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI…
///     tags: [web, prod]
/// ```
public enum InventoryLoader {
    /// Host fields that defaults (top level or a group's) may set.
    static let defaultable: Set<String> = [
        "port", "platform", "executor", "user", "credential", "private_key_file", "known_hosts_file", "region",
    ]
    static let hostFields: Set<String> = defaultable.union(["name", "address", "host_key", "instance_id", "tags"])

    public static func load(file path: String) throws(InventoryError) -> Inventory {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw InventoryError("cannot read the inventory \(path): \(error.localizedDescription)")
        }
        return try load(yaml: text, origin: path)
    }

    public static func load(yaml text: String, origin: String) throws(InventoryError) -> Inventory {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            let position = String(describing: error).firstMatch(of: /line (\d+)/).map { " at line \($0.1)" } ?? ""
            throw InventoryError("\(origin) is not valid YAML\(position)")
        }
        guard let root else { return .empty }
        return try load(node: root, origin: origin)
    }

    /// An inventory already parsed as YAML (the config file's `inventory:` block).
    public static func load(node root: Node, origin: String) throws(InventoryError) -> Inventory {
        let reader = NodeReader(origin: origin)
        let top = try reader.mapping(root, "the inventory", allowed: ["defaults", "groups", "hosts"])
        let defaults = try top["defaults"].map { node throws(InventoryError) in try reader.mapping(node, "defaults", allowed: defaultable) } ?? [:]

        // Hosts as written.
        var written: [(fields: [String: Node], node: Node)] = []
        for node in try top["hosts"].map({ node throws(InventoryError) in try reader.sequence(node, "hosts") }) ?? [] {
            written.append((try reader.mapping(node, "a host", allowed: hostFields), node))
        }
        var names: [String: Node] = [:]
        var hostNames: [String] = []
        var hostTags: [[String]] = []
        for (fields, node) in written {
            guard let nameNode = fields["name"] else { throw reader.error(node, "a host needs a name") }
            let name = try reader.string(nameNode, "name")
            guard Self.isHostName(name) else { throw reader.error(nameNode, "'\(name)' is not a host name (letters, digits, '.', '_', '-')") }
            if let earlier = names[name.lowercased()] {
                throw reader.error(nameNode, "host '\(name)' is listed twice (first at line \(earlier.mark.map { "\($0.line)" } ?? "?"))")
            }
            names[name.lowercased()] = nameNode
            hostNames.append(name)
            hostTags.append(try fields["tags"].map { node throws(InventoryError) in try reader.tags(node, host: name) } ?? [])
        }

        // Groups: named members and members by tag, and their defaults.
        var groups: [String: [String]] = [:]
        var groupOrder: [String] = []
        var groupDefaults: [String: [String: Node]] = [:]
        if let node = top["groups"] {
            guard let mapping = node.mapping else { throw reader.error(node, "groups must be a mapping of group names") }
            for (keyNode, valueNode) in mapping {
                let group = try reader.string(keyNode, "a group name")
                guard Self.isHostName(group) else { throw reader.error(keyNode, "'\(group)' is not a group name (letters, digits, '.', '_', '-')") }
                let fields = try reader.mapping(valueNode, "group '\(group)'", allowed: ["hosts", "tags", "defaults"])
                var members: [String] = []
                for memberNode in try fields["hosts"].map({ node throws(InventoryError) in try reader.sequence(node, "group '\(group)' hosts") }) ?? [] {
                    let member = try reader.string(memberNode, "a member of group '\(group)'")
                    guard let index = hostNames.firstIndex(where: { $0.lowercased() == member.lowercased() }) else {
                        throw reader.error(memberNode, "group '\(group)' names host '\(member)', which is not in the inventory")
                    }
                    if !members.contains(hostNames[index]) { members.append(hostNames[index]) }
                }
                if let tagsNode = fields["tags"] {
                    let wanted = try reader.tags(tagsNode, host: "group '\(group)'")
                    for (index, tags) in hostTags.enumerated() where !wanted.isEmpty && Set(wanted).isSubset(of: tags) && !members.contains(hostNames[index]) {
                        members.append(hostNames[index])
                    }
                }
                groups[group] = members
                groupOrder.append(group)
                groupDefaults[group] = try fields["defaults"].map { node throws(InventoryError) in
                    try reader.mapping(node, "group '\(group)' defaults", allowed: defaultable)
                } ?? [:]
            }
        }

        var hosts: [InventoryHost] = []
        for (index, (fields, node)) in written.enumerated() {
            let name = hostNames[index]
            let memberOf = groupOrder.filter { groups[$0]?.contains(name) == true }
            var effective = fields
            for field in defaultable where fields[field] == nil {
                let fromGroups = memberOf.compactMap { group in groupDefaults[group]?[field].map { (group, $0) } }
                if let (first, value) = fromGroups.first {
                    if let (other, _) = fromGroups.dropFirst().first(where: { (try? reader.string($0.1, field)) != (try? reader.string(value, field)) }) {
                        throw reader.error(node, "host '\(name)' gets different '\(field)' values from groups '\(first)' and '\(other)'; set it on the host")
                    }
                    effective[field] = value
                } else if let value = defaults[field] {
                    effective[field] = value
                }
            }
            hosts.append(try host(name: name, fields: effective, node: node, tags: hostTags[index], groups: memberOf, reader: reader))
        }
        return Inventory(hosts: hosts, groups: groups)
    }

    private static func host(name: String, fields: [String: Node], node: Node, tags: [String], groups: [String], reader: NodeReader) throws(InventoryError) -> InventoryHost {
        func text(_ field: String) throws(InventoryError) -> String? {
            try fields[field].map { node throws(InventoryError) in try reader.string(node, field) }
        }
        func fail(_ field: String, _ message: String) -> InventoryError {
            reader.error(fields[field] ?? node, "host '\(name)': \(message)")
        }
        let platform = try text("platform").map { value throws(InventoryError) in
            guard let platform = InventoryHost.Platform(rawValue: value) else { throw fail("platform", "platform must be linux or windows, not '\(value)'") }
            return platform
        } ?? .linux
        let executor = try text("executor").map { value throws(InventoryError) in
            guard let kind = InventoryHost.ExecutorKind(rawValue: value) else {
                throw fail("executor", "executor must be one of ssh, ssm, local, dry-run, not '\(value)'")
            }
            return kind
        } ?? .dryRun
        let address = try text("address") ?? name
        guard Self.isAddress(address) else { throw fail("address", "'\(address)' is not a DNS name or IP address") }
        var port = 22
        if let value = try text("port") {
            guard let number = Int(value), (1...65535).contains(number) else { throw fail("port", "port must be a number from 1 to 65535, not '\(value)'") }
            port = number
        }
        let user = try text("user")
        if let user, user.range(of: #"^[A-Za-z0-9_][A-Za-z0-9._@\\-]{0,63}$"#, options: .regularExpression) == nil {
            throw fail("user", "'\(user)' is not a user name")
        }
        let credential = try text("credential")
        if let credential {
            do {
                try SecretVault.validate(name: credential)
            } catch {
                throw fail("credential", "credential names a secret: \(error.message)")
            }
        }
        let privateKeyFile = try text("private_key_file")
        let knownHostsFile = try text("known_hosts_file")
        for (field, path) in [("private_key_file", privateKeyFile), ("known_hosts_file", knownHostsFile)] {
            if let path, !path.hasPrefix("/") { throw fail(field, "\(field) must be an absolute path, not '\(path)'") }
        }
        let hostKey = try text("host_key")
        if let hostKey {
            if let problem = Self.hostKeyProblem(hostKey) { throw fail("host_key", problem) }
        }
        let instanceID = try text("instance_id")
        if let instanceID, instanceID.range(of: "^(i|mi)-[0-9a-f]{8,17}$", options: .regularExpression) == nil {
            throw fail("instance_id", "'\(instanceID)' is not an EC2 (i-…) or managed (mi-…) instance id")
        }
        let region = try text("region")
        if let region, region.range(of: "^[a-z]{2}(-[a-z]+)+-[0-9]+$", options: .regularExpression) == nil {
            throw fail("region", "'\(region)' is not an AWS region")
        }
        switch executor {
        case .ssh:
            guard user != nil else { throw fail("user", "an ssh host needs a user") }
            guard (credential == nil) != (privateKeyFile == nil) else {
                throw fail("credential", "an ssh host needs exactly one of credential (a secret: key or password) and private_key_file")
            }
            guard hostKey != nil || knownHostsFile != nil else {
                throw fail("host_key", "an ssh host needs host_key or known_hosts_file: an unpinned server key is never trusted")
            }
        case .ssm:
            guard instanceID != nil else { throw fail("instance_id", "an ssm host needs instance_id") }
        case .local, .dryRun:
            break
        }
        return InventoryHost(
            name: name, address: address, port: port, platform: platform, executor: executor, user: user, credential: credential,
            privateKeyFile: privateKeyFile, hostKey: hostKey, knownHostsFile: knownHostsFile, instanceID: instanceID, region: region,
            tags: tags, groups: groups
        )
    }

    static func isHostName(_ text: String) -> Bool {
        text.range(of: "^[A-Za-z0-9][A-Za-z0-9._-]{0,252}$", options: .regularExpression) != nil
    }

    /// A DNS name, IPv4 or IPv6 address; never anything that starts like an option.
    static func isAddress(_ text: String) -> Bool {
        text.range(of: "^[A-Za-z0-9:][A-Za-z0-9.:_-]{0,252}$", options: .regularExpression) != nil
    }

    static let hostKeyTypes: Set<String> = ["ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "ssh-rsa"]

    /// Checks `TYPE BASE64`: a known type, and a key blob whose own type name agrees.
    static func hostKeyProblem(_ text: String) -> String? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2 || parts.count == 3 else {
            return "host_key must be 'TYPE BASE64' (a known_hosts entry without the host name)"
        }
        let type = String(parts[0])
        guard hostKeyTypes.contains(type) else {
            return "host_key type '\(type)' is not one of \(hostKeyTypes.sorted().joined(separator: ", "))"
        }
        guard let blob = Data(base64Encoded: String(parts[1])), blob.count > 4 else { return "host_key is not valid base64" }
        let length = blob.prefix(4).reduce(0) { $0 << 8 | Int($1) }
        guard length == type.utf8.count, blob.count >= 4 + length, blob.dropFirst(4).prefix(length).elementsEqual(type.utf8) else {
            return "host_key's key data is not a \(type) key"
        }
        return nil
    }
}

/// Reads YAML nodes with errors that give the line.
struct NodeReader {
    let origin: String

    func error(_ node: Node, _ message: String) -> InventoryError {
        InventoryError("\(origin)\(node.mark.map { " line \($0.line)" } ?? ""): \(message)")
    }

    func mapping(_ node: Node, _ what: String, allowed: Set<String>) throws(InventoryError) -> [String: Node] {
        guard let mapping = node.mapping else { throw error(node, "\(what) must be a mapping") }
        var fields: [String: Node] = [:]
        for (keyNode, value) in mapping {
            let key = try string(keyNode, "a key")
            guard allowed.contains(key) else {
                throw error(keyNode, "unknown key '\(key)' in \(what); known keys: \(allowed.sorted().joined(separator: ", "))")
            }
            fields[key] = value
        }
        return fields
    }

    func sequence(_ node: Node, _ what: String) throws(InventoryError) -> [Node] {
        guard let sequence = node.sequence else { throw error(node, "\(what) must be a list") }
        return Array(sequence)
    }

    func string(_ node: Node, _ what: String) throws(InventoryError) -> String {
        guard let scalar = node.scalar else { throw error(node, "\(what) must be a single value") }
        return scalar.string
    }

    func tags(_ node: Node, host: String) throws(InventoryError) -> [String] {
        try sequence(node, "tags of \(host)").map { node throws(InventoryError) in
            let tag = try string(node, "a tag")
            guard tag.range(of: "^[A-Za-z0-9._:-]{1,64}$", options: .regularExpression) != nil else {
                throw error(node, "'\(tag)' is not a tag (1–64 letters, digits, '.', '_', ':', '-')")
            }
            return tag
        }
    }
}
