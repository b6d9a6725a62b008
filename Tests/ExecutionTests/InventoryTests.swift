import Execution
import Foundation
import RemediatorCore
import Testing

@Suite("Inventory")
struct InventoryTests {
    static let hostKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBzCtM+2TxURCo+DkyhcO+De4TMH9kvLW0976TAft7D0"

    static let yaml = """
        defaults:
          executor: ssh
          user: remediator
        groups:
          web:
            hosts: [web-1]
            tags: [web]
            defaults:
              credential: web-ssh-key
          windows:
            defaults:
              platform: windows
              user: CORP\\svc-remediator
            hosts: [win-1]
        hosts:
          - name: web-1
            address: 10.0.0.11
            host_key: \(hostKey)
            tags: [web, prod]
          - name: web-2
            address: web-2.internal.example
            port: 2222
            host_key: \(hostKey)
            tags: [web]
          - name: db-1
            private_key_file: /etc/remediator/db_ed25519
            known_hosts_file: /etc/remediator/known_hosts
          - name: win-1
            address: 10.0.0.30
            credential: win-password
            host_key: \(hostKey)
          - name: build-1
            executor: ssm
            instance_id: i-0123456789abcdef0
            region: eu-west-1
          - name: lab-1
            executor: dry-run
        """

    @Test("hosts get their group's and the file's defaults, and groups their members by name and by tag")
    func loads() throws {
        let inventory = try InventoryLoader.load(yaml: Self.yaml, origin: "inventory.yaml")
        #expect(inventory.hosts.map(\.name) == ["web-1", "web-2", "db-1", "win-1", "build-1", "lab-1"])
        #expect(inventory.groups["web"] == ["web-1", "web-2"])
        #expect(inventory.members(of: "windows")?.map(\.name) == ["win-1"])
        #expect(inventory.members(of: "nope") == nil)
        let web2 = try #require(inventory.hosts.first { $0.name == "web-2" })
        #expect(web2.executor == .ssh)
        #expect(web2.user == "remediator")
        #expect(web2.credential == "web-ssh-key")
        #expect(web2.port == 2222)
        #expect(web2.groups == ["web"])
        let win = try #require(inventory.hosts.first { $0.name == "win-1" })
        #expect(win.platform == .windows)
        #expect(win.user == #"CORP\svc-remediator"#)
        #expect(win.credential == "win-password")
        let db = try #require(inventory.hosts.first { $0.name == "db-1" })
        #expect(db.address == "db-1")
        #expect(db.credential == nil)
        #expect(db.privateKeyFile == "/etc/remediator/db_ed25519")
        let build = try #require(inventory.hosts.first { $0.name == "build-1" })
        #expect(build.executor == .ssm)
        #expect(build.instanceID == "i-0123456789abcdef0")
        #expect(inventory.hosts.first { $0.name == "lab-1" }?.executor == .dryRun)
    }

    @Test("an alert's host is found by name, by instance without port, or by address; unknown and ambiguous hosts are not")
    func matching() throws {
        let inventory = try InventoryLoader.load(yaml: Self.yaml + """

              - name: 10.0.0.12
                executor: dry-run
              - name: shadow
                address: web-1
                executor: dry-run
            """, origin: "inventory.yaml")
        func name(_ alertHost: String) -> String? {
            if case .found(let host) = inventory.host(matching: alertHost) { return host.name }
            return nil
        }
        #expect(name("web-1") == nil, "web-1 is one host's name and another's address")
        #expect(inventory.host(matching: "web-1") == .ambiguous(["web-1", "shadow"]))
        #expect(name("WEB-2") == "web-2")
        #expect(name("web-2:9100") == "web-2")
        #expect(name("10.0.0.30:9182") == "win-1")
        #expect(name("web-2.internal.example") == "web-2")
        #expect(name("http://web-2.internal.example:9100/metrics") == "web-2")
        #expect(name("10.0.0.12") == "10.0.0.12")
        #expect(inventory.host(matching: "web-9") == .unknown)
        #expect(inventory.host(matching: "") == .unknown)
        #expect(inventory.host(matching: "web-2.internal") == .unknown)
    }

    @Test("anything doubtful is refused with the line and the host", arguments: [
        ("hosts:\n  - name: a\n    executor: ssh\n    user: r\n    credential: k\n", "line 2: host 'a': an ssh host needs host_key or known_hosts_file"),
        ("hosts:\n  - name: a\n    executor: ssh\n    user: r\n    hostkey: \(hostKey)\n    credential: k\n", "line 5: unknown key 'hostkey' in a host"),
        ("hosts:\n  - name: a\n    executor: ssh\n    credential: k\n    host_key: \(hostKey)\n", "host 'a': an ssh host needs a user"),
        ("hosts:\n  - name: a\n    executor: ssh\n    user: r\n    host_key: \(hostKey)\n", "needs exactly one of credential"),
        ("hosts:\n  - name: a\n    executor: ssh\n    user: r\n    credential: k\n    private_key_file: /k\n    host_key: \(hostKey)\n", "needs exactly one of credential"),
        ("hosts:\n  - name: a\n    host_key: ssh-rsa \(hostKey.split(separator: " ")[1])\n", "key data is not a ssh-rsa key"),
        ("hosts:\n  - name: a\n    host_key: ssh-dss AAAA\n", "host_key type 'ssh-dss' is not one of"),
        ("hosts:\n  - name: a\n    host_key: nonsense\n", "host_key must be 'TYPE BASE64'"),
        ("hosts:\n  - name: a\n    address: -oProxyCommand=evil\n", "is not a DNS name or IP address"),
        ("hosts:\n  - name: a\n    user: -oProxyCommand=evil\n", "is not a user name"),
        ("hosts:\n  - name: a\n    port: 70000\n", "port must be a number from 1 to 65535"),
        ("hosts:\n  - name: a\n    executor: telnet\n", "executor must be one of ssh, ssm, local, dry-run"),
        ("hosts:\n  - name: a\n    platform: macos\n", "platform must be linux or windows"),
        ("hosts:\n  - name: a\n    executor: ssm\n", "an ssm host needs instance_id"),
        ("hosts:\n  - name: a\n    executor: ssm\n    instance_id: i-xyz\n", "is not an EC2"),
        ("hosts:\n  - name: a\n    private_key_file: keys/a\n", "must be an absolute path"),
        ("hosts:\n  - name: a\n  - name: A\n", "line 3: host 'A' is listed twice (first at line 2)"),
        ("hosts:\n  - address: 10.0.0.1\n", "a host needs a name"),
        ("hosts:\n  - name: a b\n", "is not a host name"),
        ("groups:\n  web:\n    hosts: [nope]\nhosts:\n  - name: a\n", "group 'web' names host 'nope', which is not in the inventory"),
        ("defaults:\n  name: x\n", "unknown key 'name' in defaults"),
        ("groups:\n  a:\n    hosts: [h]\n    defaults: {user: one}\n  b:\n    hosts: [h]\n    defaults: {user: two}\nhosts:\n  - name: h\n", "gets different 'user' values from groups 'a' and 'b'"),
        ("hosts:\n  - name: a\n    credential: ../x\n", "credential names a secret"),
        ("hosts: [\n", "is not valid YAML"),
        ("- a\n", "the inventory must be a mapping"),
    ])
    func refuses(yaml: String, expected: String) {
        #expect {
            _ = try InventoryLoader.load(yaml: yaml, origin: "inv.yaml")
        } throws: { error in
            let message = (error as? InventoryError)?.description ?? "\(error)"
            let matched = message.contains(expected) && message.hasPrefix("inv.yaml")
            if !matched { Issue.record("got: \(message)") }
            return matched
        }
    }

    @Test("an empty document is an empty inventory, and nothing matches it")
    func empty() throws {
        let inventory = try InventoryLoader.load(yaml: "", origin: "inv.yaml")
        #expect(inventory == .empty)
        #expect(inventory.host(matching: "web-1") == .unknown)
    }
}
