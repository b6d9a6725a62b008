import Execution
import Foundation
import Hummingbird
import Server
import Testing

@Suite("Inventory API")
struct InventoryRoutesTests {
    @Test("GET /v1/inventory lists hosts, how they are reached and their groups; credentials by name only")
    func lists() async throws {
        let inventory = try InventoryLoader.load(yaml: """
            groups:
              web: {tags: [web]}
            hosts:
              - name: web-1
                address: 10.0.0.11
                executor: ssh
                user: remediator
                credential: web-ssh-key
                host_key: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBzCtM+2TxURCo+DkyhcO+De4TMH9kvLW0976TAft7D0
                tags: [web]
            """, origin: "test")
        try await ServerHarness { $0.inventory = inventory }.run { client in
            let answer = try await client.call(.get, "/v1/inventory")
            #expect(answer.status == .ok, "\(answer.text)")
            let hosts = try #require(answer.json["hosts"] as? [[String: Any]])
            #expect(hosts.count == 1)
            #expect(hosts.first?["name"] as? String == "web-1")
            #expect(hosts.first?["credential"] as? String == "web-ssh-key")
            #expect(hosts.first?["executor"] as? String == "ssh")
            #expect(hosts.first?["port"] as? Int == 22)
            #expect(hosts.first?["groups"] as? [String] == ["web"])
            #expect((answer.json["groups"] as? [String: [String]])?["web"] == ["web-1"])
            #expect(try await client.call(.get, "/v1/inventory", key: nil).status == .unauthorized)
        }
    }
}
