import Execution
import Foundation
import Hummingbird
import Planning
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

    @Test("SSM hosts need AWS credentials and a region at start: without them the server refuses to start")
    func ssmNeedsCredentials() async throws {
        let inventory = try InventoryLoader.load(yaml: """
            hosts:
              - name: build-1
                executor: ssm
                instance_id: i-0123456789abcdef0
            """, origin: "test")
        let withoutCredentials = ServerHarness {
            $0.inventory = inventory
            $0.planner.awsEnvironment = [:]
            $0.planner.homeDirectory = "/nonexistent"
        }
        let error = await #expect(throws: (any Error).self) { try await withoutCredentials.run { _ in } }
        #expect("\(error.map { String(describing: $0) } ?? "")".contains("SSM hosts (build-1)"))
        let withoutRegion = ServerHarness {
            $0.inventory = inventory
            $0.planner.awsEnvironment = ["AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret"]
            $0.planner.homeDirectory = "/nonexistent"
        }
        let regionError = await #expect(throws: (any Error).self) { try await withoutRegion.run { _ in } }
        #expect("\(regionError.map { String(describing: $0) } ?? "")".contains("has no region"))
        try await ServerHarness {
            $0.inventory = inventory
            $0.planner.awsEnvironment = ["AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_REGION": "eu-west-1"]
            $0.planner.homeDirectory = "/nonexistent"
        }.run { client in
            let answer = try await client.call(.get, "/v1/inventory")
            #expect(answer.status == .ok)
        }
    }
}
