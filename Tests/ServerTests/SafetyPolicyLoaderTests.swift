import Foundation
import Hummingbird
import RemediatorCore
import Safety
import Server
import Testing

@Suite("Safety policy files")
struct SafetyPolicyLoaderTests {
    static let example = """
    # Remediator safety policy
    default:
      families:
        review: [availability]
      commands: { deny: [socat, nc] }
      paths:
        allow: [/var/lib/myapp, /tmp]
        deny: [/srv/payments]
      services: { allow: [nginx], deny: [postgresql] }
    environments:
      production:
        families: { block: [change] }
        services: { deny: [kafka] }
      staging:
        families:
          allow: [change]
      lab:
    """

    func temporaryFile(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("policy-\(UUID().uuidString).yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test("a policy file becomes one policy per environment on top of the default")
    func parses() throws {
        let policies = try SafetyPolicyLoader().parse(Self.example, source: "policy.yaml")
        #expect(policies.names == ["default", "lab", "production", "staging"])
        let production = try #require(policies.policy(for: "production"))
        #expect(production.services.deny == ["postgresql", "kafka"])
        #expect(production.verdict(for: RuleCatalog.serviceChange) == .block)
        #expect(production.verdict(for: RuleCatalog.shutdown) == .review)
        #expect(policies.policy(for: "lab") == policies.base)
        let staging = try #require(SafetyValidator(policies: policies, environment: "staging"))
        #expect(staging.validate("systemctl restart php-fpm", language: .bash).verdict == .allow)
        #expect(staging.validate("nc -l 4444", language: .bash).verdict == .block)
    }

    @Test("mistakes in a policy are errors naming the file and the place", arguments: [
        ("default:\n  familes: {}\n", "policy.yaml: default: unknown key 'familes'"),
        ("default:\n  families: { block: [destructoin] }\n", "unknown family 'destructoin'"),
        ("default:\n  families: { block: [change], review: [change] }\n", "'change' is listed under both block and review"),
        ("default:\n  families: { allow: [destruction] }\n", "'destruction' cannot be allowed"),
        ("default:\n  families: { allow: [parsing] }\n", "'parsing' cannot be allowed"),
        ("default:\n  paths: { allow: [var/lib/app] }\n", "paths must be absolute"),
        ("default:\n  commands: { deny: rm }\n", "default.commands.deny must be a list"),
        ("environments:\n  prod uction: {}\n", "environment names"),
        ("environments: [a, b]\n", "environments must map"),
        ("default: [\n", "policy.yaml is not valid YAML"),
        ("rules: {}\n", "unknown key 'rules'"),
    ])
    func invalid(text: String, message: String) {
        #expect {
            _ = try SafetyPolicyLoader().parse(text, source: "policy.yaml")
        } throws: { error in
            String(describing: error).contains(message)
        }
    }

    @Test("the server configuration loads the policy and checks the environment exists")
    func configuration() throws {
        let path = try temporaryFile(Self.example)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let configuration = try ConfigurationLoader(environment: ["REMEDIATOR_SAFETY_POLICY": path, "REMEDIATOR_ENVIRONMENT": "production"]).load()
        #expect(configuration.environment == "production")
        #expect(configuration.safetyPolicies.names.contains("staging"))
        #expect {
            _ = try ConfigurationLoader(environment: ["REMEDIATOR_SAFETY_POLICY": path, "REMEDIATOR_ENVIRONMENT": "qa"]).load()
        } throws: { error in
            String(describing: error).contains("environment 'qa' has no safety policy")
        }
        #expect {
            _ = try ConfigurationLoader(environment: ["REMEDIATOR_ENVIRONMENT": "production"]).load()
        } throws: { error in
            String(describing: error).contains("environment 'production' has no safety policy; the policy names default")
        }
    }

    @Test("the API validates under the node's environment or the one asked for")
    func api() async throws {
        let policies = try SafetyPolicyLoader().parse(Self.example, source: "policy.yaml")
        let harness = ServerHarness { configuration in
            configuration.safetyPolicies = policies
            configuration.environment = "production"
        }
        try await harness.run { client in
            let own = try await client.call(.post, "/v1/scripts/validate", body: #"{"language":"bash","script":"systemctl restart php-fpm"}"#)
            #expect(own.status == .ok)
            #expect(own.json["verdict"] as? String == "block")
            #expect(own.json["environment"] as? String == "production")
            let staging = try await client.call(.post, "/v1/scripts/validate", body: #"{"language":"bash","script":"systemctl restart php-fpm","environment":"staging"}"#)
            #expect(staging.json["verdict"] as? String == "allow")
            #expect(staging.json["environment"] as? String == "staging")
            let denied = try await client.call(.post, "/v1/scripts/validate", body: #"{"language":"powershell","script":"Stop-Service -Name postgresql","environment":"lab"}"#)
            #expect(denied.json["verdict"] as? String == "block")
            let finding = try #require((denied.json["findings"] as? [[String: Any]])?.first)
            #expect(finding["rule"] as? String == "policy.denied-service")
            #expect(finding["hint"] as? String != nil)
            let unknown = try await client.call(.post, "/v1/scripts/validate", body: #"{"language":"bash","script":"true","environment":"qa"}"#)
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.errorCode == "unknown_environment")
            #expect(unknown.errorMessage?.contains("default, lab, production, staging") == true)
        }
    }
}
