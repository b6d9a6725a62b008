import Hummingbird
import Knowledge
import RemediatorCore

/// `GET /v1/runbooks` and `GET /v1/runbooks/{id}`.
struct RunbookRoutes {
    let catalog: RunbookCatalog

    struct Summary: Encodable {
        let id: String
        let title: String
        let version: Int
        let platform: String
        let risk: String
        let timeoutSeconds: Int
        let match: Match
        let tags: [String]
        let origin: String
        let steps: [String]
        let scripts: [String: Script]?

        struct Match: Encodable {
            let sources: [String]
            let alertNames: [String]
            let labels: [String: String]
            let keywords: [String]

            enum CodingKeys: String, CodingKey {
                case sources, labels, keywords
                case alertNames = "alert_names"
            }
        }

        struct Script: Encodable {
            let language: ScriptLanguage
            let code: String
        }

        enum CodingKeys: String, CodingKey {
            case id, title, version, platform, risk, match, tags, origin, steps, scripts
            case timeoutSeconds = "timeout_seconds"
        }

        init(_ runbook: Runbook, withScripts: Bool) {
            id = runbook.id
            title = runbook.title
            version = runbook.version
            platform = runbook.platform.rawValue
            risk = runbook.risk.rawValue
            timeoutSeconds = runbook.timeoutSeconds
            match = Match(sources: runbook.match.sources, alertNames: runbook.match.alertNames, labels: runbook.match.labels, keywords: runbook.match.keywords)
            tags = runbook.tags
            origin = runbook.origin
            steps = StepRole.allCases.filter { runbook.scripts[$0] != nil }.map(\.rawValue)
            scripts = withScripts ? Dictionary(uniqueKeysWithValues: runbook.scripts.map { ($0.key.rawValue, Script(language: $0.value.language, code: $0.value.code)) }) : nil
        }
    }

    struct Listing: ResponseEncodable {
        struct Problem: Encodable {
            let origin: String
            let message: String
        }

        let runbooks: [Summary]
        let problems: [Problem]
    }

    struct Detail: ResponseEncodable {
        let runbook: Summary
        let prose: String

        func encode(to encoder: any Encoder) throws {
            try runbook.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(prose, forKey: .prose)
        }

        enum CodingKeys: String, CodingKey {
            case prose
        }
    }

    func register(on group: RouterGroup<RemediatorRequestContext>) {
        group.get("runbooks", use: list)
        group.get("runbooks/:id", use: show)
    }

    @Sendable func list(_ request: Request, context: RemediatorRequestContext) async throws -> Listing {
        _ = try context.requireKey()
        return Listing(
            runbooks: catalog.runbooks.map { Summary($0, withScripts: false) },
            problems: catalog.problems.map { .init(origin: $0.origin, message: $0.message) }
        )
    }

    @Sendable func show(_ request: Request, context: RemediatorRequestContext) async throws -> Detail {
        _ = try context.requireKey()
        let id = try context.parameters.require("id")
        guard let runbook = catalog.runbook(id: id) else {
            throw APIError.notFound("runbook \(id.prefix(100)) does not exist")
        }
        return Detail(runbook: Summary(runbook, withScripts: true), prose: runbook.prose)
    }
}
