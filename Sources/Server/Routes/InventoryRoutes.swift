import Execution
import RemediatorCore
import Hummingbird

/// `GET /v1/inventory`: the hosts plans may run on and how they are reached. Credentials
/// appear by secret name only; host keys are public keys.
struct InventoryRoutes {
    let inventory: Inventory

    struct Listing: ResponseEncodable {
        let hosts: [InventoryHost]
        let groups: [String: [String]]
    }

    func register(on group: RouterGroup<RemediatorRequestContext>) {
        group.get("inventory", use: list)
    }

    @Sendable func list(_ request: Request, context: RemediatorRequestContext) async throws -> Listing {
        _ = try context.requireKey()
        return Listing(hosts: inventory.hosts, groups: inventory.groups)
    }
}
