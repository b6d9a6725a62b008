public import RemediatorCore

/// Chooses the executor that reaches a step's host, or refuses to run there.
///
/// Without an inventory every host goes to the configured executor (dry-run unless told
/// otherwise; the local executor acts only on this machine). With one, a host must be in
/// it, unambiguously, and its entry names the executor; an unknown host, or one whose
/// executor this build does not have, is never run on.
public struct ExecutorRouter: Sendable {
    public let inventory: Inventory
    let standalone: any Executor
    let executors: [InventoryHost.ExecutorKind: any Executor]

    public enum Route: Sendable {
        case run(any Executor, InventoryHost?)
        case refuse(String)
    }

    public init(inventory: Inventory = .empty, standalone: any Executor, executors: [InventoryHost.ExecutorKind: any Executor] = [:]) {
        self.inventory = inventory
        self.standalone = standalone
        self.executors = executors
    }

    public func route(_ host: String) -> Route {
        guard !inventory.hosts.isEmpty else { return .run(standalone, nil) }
        switch inventory.host(matching: host) {
        case .unknown:
            return .refuse("host '\(host)' is not in the inventory; nothing runs on a host Remediator does not know")
        case .ambiguous(let names):
            return .refuse("host '\(host)' matches several inventory entries (\(names.joined(separator: ", "))); make it unambiguous")
        case .found(let entry):
            guard let executor = executors[entry.executor] else {
                return .refuse("host '\(entry.name)' is reached by the \(entry.executor.rawValue) executor, which this node does not have")
            }
            return .run(executor, entry)
        }
    }
}
