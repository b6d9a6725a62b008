/// The hosts and groups plans may run on (`REMEDIATOR_INVENTORY` or `inventory:` in the
/// config file), loaded by ``InventoryLoader``.
///
/// An alert's host is found by name, by its instance without the port, or by address. A
/// host that is not in the inventory, or that matches two entries, is never run on.
public struct Inventory: Sendable, Equatable {
    public let hosts: [InventoryHost]
    /// Group name → member host names, in the file's order.
    public let groups: [String: [String]]

    public init(hosts: [InventoryHost], groups: [String: [String]]) {
        self.hosts = hosts
        self.groups = groups
    }

    public static let empty = Inventory(hosts: [], groups: [:])

    public enum Match: Sendable, Equatable {
        case found(InventoryHost)
        case unknown
        /// The name matches more than one entry (one's name, another's address): refused.
        case ambiguous([String])
    }

    /// The inventory entry an alert's host names.
    public func host(matching alertHost: String) -> Match {
        for candidate in [alertHost, HostName.normalize(alertHost)] {
            let key = candidate.lowercased()
            guard !key.isEmpty else { continue }
            let byName = hosts.filter { $0.name.lowercased() == key }
            let byAddress = hosts.filter { $0.address.lowercased() == key && $0.name.lowercased() != key }
            let matches = byName + byAddress
            if matches.count == 1 { return .found(matches[0]) }
            if matches.count > 1 { return .ambiguous(matches.map(\.name)) }
        }
        return .unknown
    }

    /// The hosts a plan for an incident on `incidentHost` may touch: that host, and, when
    /// the plan's runbook names `group` and the host is one of its members, the group's
    /// other members (by inventory name), in the group's order.
    public func blastRadius(of incidentHost: String, group: String?) -> [String] {
        guard let group, let members = members(of: group), case .found(let entry) = host(matching: incidentHost),
              members.contains(where: { $0.name == entry.name }) else { return [incidentHost] }
        return [incidentHost] + members.map(\.name).filter { $0 != entry.name }
    }

    /// The hosts of a group, or nil when there is no such group.
    public func members(of group: String) -> [InventoryHost]? {
        groups[group].map { names in names.compactMap { name in hosts.first { $0.name == name } } }
    }
}
