import RemediatorCore
import Safety
import Testing

@Suite("Safety policy")
struct PolicyTests {
    static let policies = SafetyPolicySet(
        base: try! SafetyPolicy(
            commands: .init(deny: ["socat"]),
            paths: .init(allow: ["/var/lib/myapp", "/tmp", "C:\\inetpub\\logs"], deny: ["/srv/payments"]),
            services: .init(allow: ["nginx", "W3SVC"], deny: ["postgresql"])
        ),
        environments: [
            "production": try! SafetyPolicy(verdicts: [.change: .block]),
            "staging": try! SafetyPolicy(verdicts: [.change: .allow, .availability: .review], commands: .init(allow: ["apt-get"])),
        ]
    )

    func report(_ script: String, _ environment: String, language: ScriptLanguage = .bash) throws -> SafetyReport {
        let validator = try #require(SafetyValidator(policies: Self.policies, environment: environment))
        return validator.validate(script, language: language)
    }

    @Test("an environment's family settings replace the default verdicts")
    func familyVerdicts() throws {
        #expect(try report("systemctl restart php-fpm", "default").verdict == .review)
        let production = try report("systemctl restart php-fpm", "production")
        #expect(production.verdict == .block)
        #expect(production.environment == "production")
        #expect(production.findings.first?.severity == .block)
        #expect(try report("systemctl restart php-fpm", "staging").verdict == .allow)
        // Lowered, not allowed: a reboot in staging needs a human.
        let reboot = try report("shutdown -r now", "staging")
        #expect(reboot.verdict == .review)
        #expect(reboot.findings.contains { $0.rule == "availability.shutdown" && $0.severity == .review })
        // What the validator could not see stays review even where change is allowed.
        #expect(try report("eval \"$X\"", "staging").verdict == .review)
        #expect(try report("rm -rf /", "staging").verdict == .block)
    }

    @Test("allow lists pre-approve ordinary changes to named services, paths and commands")
    func allowLists() throws {
        #expect(try report("systemctl restart nginx", "default").verdict == .allow)
        #expect(try report("systemctl restart nginx.service", "default").verdict == .allow)
        #expect(try report("Restart-Service -Name W3SVC -Force", "default", language: .powershell).verdict == .allow)
        #expect(try report("rm -rf /tmp/*", "default").verdict == .allow)
        #expect(try report("apt-get install -y --only-upgrade openssl", "staging").verdict == .allow)
        // One service outside the list keeps the finding.
        #expect(try report("systemctl restart nginx php-fpm", "default").verdict == .review)
        // Unknown arguments are never pre-approved.
        #expect(try report("systemctl restart nginx \"$UNIT\"", "default").verdict == .review)
        // A path that leaves the allowed tree through `..` is not inside it.
        #expect(try report("sed -i 's/a/b/' /tmp/../etc/hosts", "default").verdict == .review)
        // Allow lists never touch findings outside the change family.
        #expect(try report("rm -rf /tmp/../etc", "default").verdict == .block)
        #expect(try report("systemctl stop nginx; systemctl stop sshd", "default").verdict == .block)
    }

    @Test("deny lists block commands, paths and services however they are reached")
    func denyLists() throws {
        let command = try report("sudo socat TCP-LISTEN:8080 TCP:127.0.0.1:80", "default")
        #expect(command.verdict == .block)
        #expect(command.findings.contains { $0.rule == "policy.denied-command" && $0.line == 1 && $0.column == 1 })
        #expect(try report("c=socat; $c -V", "default").findings.contains { $0.rule == "policy.denied-command" })
        #expect(try report("bash -c 'socat -V'", "default").verdict == .block)
        let path = try report("echo start\ntar czf /tmp/x.tgz /srv/payments/ledger", "production")
        #expect(path.findings.contains { $0.rule == "policy.denied-path" && $0.line == 2 })
        #expect(try report("echo x > /srv/payments/flag", "default").findings.contains { $0.rule == "policy.denied-path" })
        #expect(try report("cat /srv/payments/../payments/keys", "default").verdict == .block)
        let service = try report("systemctl restart postgresql", "staging")
        #expect(service.verdict == .block)
        #expect(service.findings.first?.rule == "policy.denied-service")
        #expect(try report("Restart-Service postgresql", "default", language: .powershell).verdict == .block)
        #expect(try report("systemctl stop postgresql.service", "default").verdict == .block)
        #expect(try report("sc.exe stop postgresql", "default", language: .powershell).verdict == .block)
        // Looking is not acting.
        #expect(try report("systemctl status postgresql", "default").verdict == .allow)
        #expect(try report("sc.exe query postgresql", "default", language: .powershell).verdict == .allow)
        // Deny wins over allow.
        let both = SafetyPolicySet(base: try SafetyPolicy(services: .init(allow: ["nginx"], deny: ["nginx"])), environments: [:])
        let validator = try #require(SafetyValidator(policies: both, environment: "default"))
        #expect(validator.validate("systemctl restart nginx", language: .bash).verdict == .block)
    }

    @Test("environments add to the default policy")
    func inheritance() throws {
        let production = try #require(Self.policies.policy(for: "production"))
        #expect(production.services.deny == ["postgresql"])
        #expect(production.verdict(for: RuleCatalog.serviceChange) == .block)
        #expect(Self.policies.policy(for: "qa") == nil)
        #expect(SafetyValidator(policies: Self.policies, environment: "qa") == nil)
        #expect(Self.policies.names == ["default", "production", "staging"])
        let validator = try #require(SafetyValidator(policies: Self.policies, environment: "default"))
        #expect(validator.forEnvironment("production") != nil)
        #expect(validator.forEnvironment("qa") == nil)
    }

    @Test("a policy cannot make the validator trust what it could not check", arguments: [
        Rule.Family.destruction, .forkBomb, .reverseShell, .parsing, .execution, .policy,
    ])
    func cannotAllow(family: Rule.Family) {
        #expect(throws: SafetyPolicy.Invalid.self) { try SafetyPolicy(verdicts: [family: .allow]) }
    }

    @Test("policy paths must be absolute and names single words")
    func invalidLists() {
        #expect(throws: SafetyPolicy.Invalid.self) { try SafetyPolicy(paths: .init(allow: ["var/lib"])) }
        #expect(throws: SafetyPolicy.Invalid.self) { try SafetyPolicy(commands: .init(deny: ["rm -rf"])) }
        #expect(throws: SafetyPolicy.Invalid.self) { try SafetyPolicy(services: .init(allow: [""])) }
    }
}
