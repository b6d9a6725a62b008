import Foundation
import Knowledge
import RemediatorCore
import Safety
import Testing

@Suite("Starter runbooks")
struct StarterRunbookTests {
    static let catalog = RunbookCatalog.load(directories: [])

    @Test("all twelve load without problems")
    func load() {
        #expect(Self.catalog.problems.isEmpty, "\(Self.catalog.problems)")
        #expect(Self.catalog.runbooks.count >= 12)
        let expected = [
            "linux-disk-full", "linux-cpu-runaway", "linux-service-down", "linux-memory-leak-restart", "nginx-5xx",
            "tls-certificate-expiring", "linux-inode-exhaustion", "linux-ntp-drift", "windows-service-stopped",
            "windows-iis-app-pool", "windows-sqlserver-log-full", "container-crash-loop",
        ]
        for id in expected {
            #expect(Self.catalog.runbook(id: id) != nil, "missing \(id)")
        }
    }

    @Test("the embedded copy matches the Markdown files")
    func embeddedMatchesSources() throws {
        let directory = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/Knowledge/StarterRunbooks")
        let fromFiles = RunbookCatalog.load(directories: [directory.path], includeStarter: false)
        #expect(fromFiles.problems.isEmpty)
        #expect(fromFiles.runbooks.count == Self.catalog.runbooks.count, "run scripts/embed-runbooks.py")
        for runbook in fromFiles.runbooks {
            let embedded = Self.catalog.runbook(id: runbook.id)
            #expect(embedded?.scripts == runbook.scripts, "\(runbook.id) drifted: run scripts/embed-runbooks.py")
            #expect(embedded?.match == runbook.match, "\(runbook.id) drifted: run scripts/embed-runbooks.py")
        }
    }

    @Test("every script has the required roles and no bash script is blocked by the validator")
    func scriptsPassValidation() {
        let validator = SafetyValidator()
        for runbook in Self.catalog.runbooks {
            #expect(runbook.scripts[.remediate] != nil)
            #expect(runbook.scripts[.verify] != nil)
            for (role, script) in runbook.scripts {
                let report = validator.validate(script.code, language: script.language)
                #expect(report.verdict != .block, "\(runbook.id) \(role): \(report.findings)")
                if script.language == .bash {
                    #expect(!report.findings.contains { $0.rule == "parse.error" }, "\(runbook.id) \(role): \(report.findings)")
                }
            }
        }
    }

    @Test("no runbook script evaluates strings as code")
    func scriptsDoNotEvaluateStrings() {
        for runbook in Self.catalog.runbooks {
            for script in runbook.scripts.values {
                #expect(!script.code.contains("eval "), "\(runbook.id) uses eval")
                #expect(!script.code.contains("Invoke-Expression"), "\(runbook.id) uses Invoke-Expression")
            }
        }
    }
}

@Suite("Runbook ranking")
struct RunbookRankingTests {
    let catalog = StarterRunbookTests.catalog

    func incident(source: String = "alertmanager", name: String, title: String, labels: [String: String] = [:], service: String = "") -> Incident {
        Incident(
            id: "i", tenantID: .default, fingerprint: "f", state: .received, source: source, alertName: name,
            title: title, description: "", severity: .high, host: "web-1", service: service, labels: labels,
            alertCount: 1, createdAt: Date(), updatedAt: Date()
        )
    }

    @Test("alert names pick their runbook", arguments: [
        ("NodeFilesystemAlmostOutOfSpace", "Filesystem /var has 3% left", "linux-disk-full"),
        ("NodeFilesystemFilesFillingUp", "Inodes running out", "linux-inode-exhaustion"),
        ("NodeClockSkewDetected", "Clock skew", "linux-ntp-drift"),
        ("HostHighCpuLoad", "CPU load is high", "linux-cpu-runaway"),
        ("BlackboxSslCertificateWillExpireSoon", "TLS certificate expires in 10 days", "tls-certificate-expiring"),
    ])
    func byAlertName(name: String, title: String, expected: String) {
        let matches = catalog.matches(for: incident(name: name, title: title))
        #expect(matches.first?.id == expected, "\(matches.map(\.id))")
        #expect(matches.first?.ruleScore ?? 0 >= 100)
    }

    @Test("plain-English titles match by keywords", arguments: [
        ("Disk space low on web-1", "linux-disk-full"),
        ("nginx returning 502 errors from upstream", "nginx-5xx"),
        ("Windows service Spooler stopped", "windows-service-stopped"),
        ("SQL Server transaction log full for database orders", "windows-sqlserver-log-full"),
    ])
    func byKeywords(title: String, expected: String) {
        let matches = catalog.matches(for: incident(source: "generic", name: title, title: title))
        #expect(matches.first?.id == expected, "\(matches.map { "\($0.id) \($0.ruleScore) \($0.textScore)" })")
    }

    @Test("label rules must hold: a crash loop without namespace and pod labels does not match that runbook")
    func labelRules() {
        let without = catalog.matches(for: incident(name: "KubePodCrashLooping", title: "Pod is crash looping"))
        #expect(!without.contains { $0.id == "container-crash-loop" })
        let with = catalog.matches(for: incident(name: "KubePodCrashLooping", title: "Pod is crash looping", labels: ["namespace": "shop", "pod": "cart-7d9f-abc"]))
        #expect(with.first?.id == "container-crash-loop")
    }

    @Test("an unrelated alert matches nothing")
    func noMatch() {
        #expect(catalog.matches(for: incident(name: "QuarterlyRevenueDip", title: "Revenue below forecast")).isEmpty)
    }

    @Test("a platform label excludes runbooks for the other platform")
    func platformFilter() {
        let matches = catalog.matches(for: incident(name: "ServiceDown", title: "Service down", labels: ["os": "windows"]))
        #expect(!matches.contains { $0.id == "linux-service-down" })
    }
}

enum SampleRunbook {
    static let valid = """
    ---
    id: sample
    title: Sample
    platform: linux
    match:
      alert_names: [Sample]
      keywords: [one, 502]
    ---
    Prose.

    ```bash remediate
    echo fix
    ```

    ```bash verify
    true
    ```

    ```bash
    echo documentation only
    ```
    """
}

@Suite("Runbook parser")
struct RunbookParserTests {
    static let valid = SampleRunbook.valid

    @Test("a valid runbook parses with defaults")
    func valid() throws {
        let runbook = try RunbookParser.parse(Self.valid, origin: "test")
        #expect(runbook.version == 1)
        #expect(runbook.timeoutSeconds == RunbookParser.defaultTimeoutSeconds)
        #expect(runbook.match.keywords == ["one", "502"])
        #expect(runbook.scripts[.remediate]?.code == "echo fix\n")
        #expect(runbook.scripts[.diagnose] == nil)
        #expect(runbook.prose.contains("documentation only"))
    }

    @Test("broken runbooks are refused with a reason", arguments: [
        ("no front matter", "# Title", "front matter"),
        ("unclosed front matter", "---\nid: x\n", "not closed"),
        ("bad id", SampleRunbook.valid.replacingOccurrences(of: "id: sample", with: "id: Bad Id"), "id"),
        ("missing platform", SampleRunbook.valid.replacingOccurrences(of: "platform: linux\n", with: ""), "platform"),
        ("wrong language", SampleRunbook.valid.replacingOccurrences(of: "```bash verify", with: "```powershell verify"), "must be bash"),
        ("unknown role", SampleRunbook.valid.replacingOccurrences(of: "```bash verify", with: "```bash fixit"), "role"),
        ("no verify", SampleRunbook.valid.replacingOccurrences(of: "```bash verify\ntrue\n```", with: ""), "verify"),
        ("timeout too long", SampleRunbook.valid.replacingOccurrences(of: "platform: linux", with: "platform: linux\ntimeout_seconds: 99999"), "timeout"),
        ("unclosed fence", SampleRunbook.valid + "\n```bash rollback\necho", "never closed"),
        ("bad group", SampleRunbook.valid.replacingOccurrences(of: "platform: linux", with: "platform: linux\ngroup: \"web; rm\""), "inventory group name"),
    ])
    func refused(name: String, text: String, expected: String) {
        #expect {
            try RunbookParser.parse(text, origin: "test.md")
        } throws: { error in
            let error = error as? RunbookError
            return error?.origin == "test.md" && error?.message.contains(expected) == true
        }
    }

    @Test("a directory file with the starter's id replaces the starter runbook")
    func overrides() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("runbooks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let override = Self.valid.replacingOccurrences(of: "id: sample", with: "id: linux-disk-full")
        try override.write(to: directory.appendingPathComponent("disk.md"), atomically: true, encoding: .utf8)
        try "not a runbook".write(to: directory.appendingPathComponent("broken.md"), atomically: true, encoding: .utf8)
        let catalog = RunbookCatalog.load(directories: [directory.path])
        #expect(catalog.runbook(id: "linux-disk-full")?.title == "Sample")
        #expect(catalog.problems.count == 1)
        #expect(catalog.problems.first?.origin.hasSuffix("broken.md") == true)
    }
}
