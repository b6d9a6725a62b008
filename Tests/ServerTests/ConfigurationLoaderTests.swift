import Engine
import Execution
import RemediatorCore
import Foundation
import Integrations
import Logging
import Server
import Storage
import Testing

@Suite("Configuration")
struct ConfigurationLoaderTests {
    @Test("defaults are the embedded single-node mode")
    func defaults() throws {
        let configuration = try ConfigurationLoader(environment: [:]).load()
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 8080)
        #expect(configuration.dataDirectory == "./remediator-data")
        #expect(configuration.executor == .dryRun)
        #expect(configuration.approvalMode == .human)
        #expect(configuration.maxBodyBytes == 1 << 20)
        #expect(configuration.hostRateLimit.description == "5/1h")
        #expect(configuration.runbookRateLimit.description == "100/1h")
        #expect(configuration.executionWorkers == 8)
        #expect(configuration.inventory.hosts.isEmpty)
    }

    @Test("file, then environment, then flags: later sources win")
    func precedence() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("remediator-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try """
        host: 0.0.0.0
        port: 9000
        data_dir: /var/lib/remediator
        runbook_dirs: [/etc/remediator/runbooks, /srv/runbooks]
        workers: 8
        """.write(to: file, atomically: true, encoding: .utf8)
        let environment = ["REMEDIATOR_CONFIG": file.path, "REMEDIATOR_PORT": "9100", "REMEDIATOR_EXECUTOR": "local"]
        let configuration = try ConfigurationLoader(environment: environment).load(.init(port: 9200))
        #expect(configuration.host == "0.0.0.0")
        #expect(configuration.port == 9200)
        #expect(configuration.dataDirectory == "/var/lib/remediator")
        #expect(configuration.runbookDirectories == ["/etc/remediator/runbooks", "/srv/runbooks"])
        #expect(configuration.workers == 8)
        #expect(configuration.executor == .local)
    }

    @Test("bad values are errors that name the setting and its source", arguments: [
        (["REMEDIATOR_PORT": "eighty"], "REMEDIATOR_PORT: 'port'"),
        (["REMEDIATOR_PORT": "70000"], "'port'"),
        (["REMEDIATOR_EXECUTOR": "ssh-ish"], "'executor'"),
        (["REMEDIATOR_APPROVAL": "yolo"], "'approval'"),
        (["REMEDIATOR_BOOTSTRAP_TOKEN": "short"], "at least 16"),
        (["REMEDIATOR_CONFIG": "/nonexistent/remediator.yaml"], "cannot read the config file"),
        (["REMEDIATOR_RATE_LIMIT_HOST": "5/1w"], "REMEDIATOR_RATE_LIMIT_HOST: 'rate_limit_host' must be RUNS/WINDOW"),
        (["REMEDIATOR_RATE_LIMIT_RUNBOOK": "lots"], "'rate_limit_runbook' must be RUNS/WINDOW"),
        (["REMEDIATOR_EXECUTION_WORKERS": "-1"], "'execution_workers'"),
        (["REMEDIATOR_DATABASE_URL": "mysql://u:p@db/remediator"], "'database_url': the database URL must look like postgres://"),
        (["REMEDIATOR_DATABASE_URL": "postgres://db.internal/remediator"], "names no user"),
        (["REMEDIATOR_DATABASE_URL": "postgres://u:p@db.internal/"], "names no database"),
        (["REMEDIATOR_DATABASE_URL": "postgres://u:p@db.internal/r?sslmode=maybe"], "sslmode 'maybe'"),
        (["REMEDIATOR_DATABASE_POOL_SIZE": "0"], "'database_pool_size'"),
        (["REMEDIATOR_NOTIFY_WEBHOOK_URL": "ftp://hooks.example.com/x"], "'notify_webhook_url' must be an http(s) URL"),
        (["REMEDIATOR_NOTIFY_WEBHOOK_SECRET": "short"], "'notify_webhook_secret' must be at least 16"),
        (["REMEDIATOR_SERVICENOW_URL": "https://acme.service-now.com"], "needs 'servicenow_user' and 'servicenow_password'"),
        (["REMEDIATOR_SERVICENOW_URL": "http://acme.service-now.com", "REMEDIATOR_SERVICENOW_USER": "svc", "REMEDIATOR_SERVICENOW_PASSWORD": "pw"], "must be https"),
        (["REMEDIATOR_SERVICENOW_USER": "svc:admin"], "'servicenow_user'"),
        (["REMEDIATOR_INTEGRATION_TIMEOUT_SECONDS": "0"], "'integration_timeout_seconds'"),
    ])
    func invalid(environment: [String: String], message: String) {
        #expect {
            _ = try ConfigurationLoader(environment: environment).load()
        } throws: { error in
            String(describing: error).contains(message)
        }
    }

    @Test("shadow mode and the verification window come from the environment or the config file (lists)")
    func shadowAndVerifyWindow() throws {
        let fromEnvironment = try ConfigurationLoader(environment: [
            "REMEDIATOR_SHADOW_RUNBOOKS": "linux-disk-full, linux-service-down", "REMEDIATOR_SHADOW_GROUPS": "web",
            "REMEDIATOR_SHADOW_TENANTS": "acme", "REMEDIATOR_VERIFY_WINDOW_SECONDS": "120",
        ]).load()
        #expect(fromEnvironment.shadow == ShadowMode(runbooks: ["linux-disk-full", "linux-service-down"], groups: ["web"], tenants: [TenantID("acme")]))
        #expect(fromEnvironment.verifyWindowSeconds == 120)
        #expect(try ConfigurationLoader(environment: [:]).load().shadow == .off)

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("remediator-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try "shadow_runbooks: [linux-disk-full]\nshadow_groups: [web, db]\n".write(to: file, atomically: true, encoding: .utf8)
        let fromFile = try ConfigurationLoader(environment: ["REMEDIATOR_CONFIG": file.path]).load()
        #expect(fromFile.shadow.runbooks == ["linux-disk-full"] && fromFile.shadow.groups == ["web", "db"])

        #expect(throws: (any Error).self) { try ConfigurationLoader(environment: ["REMEDIATOR_SHADOW_RUNBOOKS": "a;rm -rf /"]).load() }
        #expect(throws: (any Error).self) { try ConfigurationLoader(environment: ["REMEDIATOR_VERIFY_WINDOW_SECONDS": "-1"]).load() }
    }

    @Test("a PostgreSQL URL selects the shared store; its password is kept but never shown")
    func databaseURL() throws {
        let environment = ["REMEDIATOR_DATABASE_URL": "postgresql://ops%40acme:s3cr%2Ft@db.internal:6432/remediator?sslmode=verify-full"]
        let url = try #require(try ConfigurationLoader(environment: environment).load().databaseURL)
        #expect(url.host == "db.internal")
        #expect(url.port == 6432)
        #expect(url.username == "ops@acme")
        #expect(url.password == "s3cr/t")
        #expect(url.database == "remediator")
        #expect(url.tls == .verifyFull)
        #expect(url.description == "postgres://ops@acme@db.internal:6432/remediator?sslmode=verify-full")
        #expect(!"\(url)".contains("s3cr"))
        #expect(try ConfigurationLoader(environment: [:]).load().databaseURL == nil)
    }

    @Test("integrations: none by default; the webhook and ServiceNow from the environment; secrets never in errors or descriptions")
    func integrations() throws {
        #expect(try ConfigurationLoader(environment: [:]).load().integrations.names.isEmpty)
        let configuration = try ConfigurationLoader(environment: [
            "REMEDIATOR_NOTIFY_WEBHOOK_URL": "https://hooks.example.com/remediator", "REMEDIATOR_NOTIFY_WEBHOOK_SECRET": "0123456789abcdef-secret",
            "REMEDIATOR_SERVICENOW_URL": "https://acme.service-now.com", "REMEDIATOR_SERVICENOW_USER": "svc.remediator",
            "REMEDIATOR_SERVICENOW_PASSWORD": "pa55-w0rd", "REMEDIATOR_INTEGRATION_TIMEOUT_SECONDS": "20",
            "REMEDIATOR_INTEGRATION_BREAKER_COOLDOWN_SECONDS": "60",
        ]).load()
        let integrations = configuration.integrations
        #expect(integrations.names == ["webhook", "servicenow"])
        #expect(integrations.webhookURL?.absoluteString == "https://hooks.example.com/remediator")
        #expect(integrations.serviceNowUser == "svc.remediator")
        #expect(integrations.timeoutSeconds == 20 && integrations.breakerCooldownSeconds == 60)
        // A failing expectation or a log line printing the configuration shows no secret.
        for text in [String(describing: configuration), String(reflecting: configuration), "\(integrations)"] {
            #expect(!text.contains("pa55-w0rd") && !text.contains("0123456789abcdef-secret"))
            #expect(text.contains("svc.remediator"))
        }
        // A ServiceNow on this machine may be plain http (tests, a local proxy).
        let local = try ConfigurationLoader(environment: [
            "REMEDIATOR_SERVICENOW_URL": "http://127.0.0.1:8443", "REMEDIATOR_SERVICENOW_USER": "svc", "REMEDIATOR_SERVICENOW_PASSWORD": "pw",
        ]).load()
        #expect(local.integrations.names == ["servicenow"])
        #expect {
            _ = try ConfigurationLoader(environment: ["REMEDIATOR_SERVICENOW_PASSWORD": "pa55-w0rd", "REMEDIATOR_SERVICENOW_URL": "https://x"]).load()
        } throws: { error in
            !String(describing: error).contains("pa55-w0rd")
        }
    }

    @Test("several nodes on one database must share the secret key: a node never makes up its own")
    func sharedDatabaseNeedsSecretKey() async throws {
        var configuration = try ConfigurationLoader(environment: ["REMEDIATOR_DATABASE_URL": "postgres://u:p@127.0.0.1:1/r?sslmode=disable"]).load()
        configuration.dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("remediator-\(UUID().uuidString)").path
        await #expect {
            _ = try await RemediatorApplication.build(configuration: configuration, logger: Logger(label: "test"))
        } throws: { error in
            String(describing: error).contains("every node needs the same secret key")
        }
        #expect(!FileManager.default.fileExists(atPath: configuration.dataDirectory + "/secret.key"))
    }

    @Test("an unknown key in the file is an error, not silently ignored")
    func unknownKey() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("remediator-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try "prot: 9000\n".write(to: file, atomically: true, encoding: .utf8)
        #expect {
            _ = try ConfigurationLoader(environment: ["REMEDIATOR_CONFIG": file.path]).load()
        } throws: { error in
            String(describing: error).contains("unknown setting 'prot'")
        }
    }

    @Test("the inventory comes inline from the config file or from REMEDIATOR_INVENTORY, errors naming the file and line")
    func inventory() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("remediator-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("remediator.yaml")
        try """
        port: 9000
        inventory:
          hosts:
            - name: web-1
              executor: dry-run
        """.write(to: config, atomically: true, encoding: .utf8)
        let inline = try ConfigurationLoader(environment: ["REMEDIATOR_CONFIG": config.path]).load()
        #expect(inline.inventory.hosts.map(\.name) == ["web-1"])
        #expect(try ConfigurationLoader(environment: [:]).load().inventory.hosts.isEmpty)

        let file = directory.appendingPathComponent("inventory.yaml")
        try "hosts:\n  - name: db-1\n  - name: db-2\n".write(to: file, atomically: true, encoding: .utf8)
        let fromFile = try ConfigurationLoader(environment: ["REMEDIATOR_CONFIG": config.path, "REMEDIATOR_INVENTORY": file.path]).load()
        #expect(fromFile.inventory.hosts.map(\.name) == ["db-1", "db-2"])

        try "hosts:\n  - name: db-1\n    executor: ssh\n    user: r\n    credential: k\n".write(to: file, atomically: true, encoding: .utf8)
        #expect {
            _ = try ConfigurationLoader(environment: ["REMEDIATOR_INVENTORY": file.path]).load()
        } throws: { error in
            String(describing: error).contains("REMEDIATOR_INVENTORY: \(file.path) line 2: host 'db-1': an ssh host needs host_key")
        }
        try "inventory:\n  hosts:\n    - name: a\n      hostkey: x\n".write(to: config, atomically: true, encoding: .utf8)
        #expect {
            _ = try ConfigurationLoader(environment: ["REMEDIATOR_CONFIG": config.path]).load()
        } throws: { error in
            String(describing: error).contains("\(config.path) (inventory) line 4: unknown key 'hostkey'")
        }
    }
}
