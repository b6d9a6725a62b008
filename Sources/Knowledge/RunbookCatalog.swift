import Foundation
public import RemediatorCore

/// The runbooks Remediator knows, and the ranking that picks one for an incident.
///
/// Built once at start-up from the starter set and the configured directories (a file
/// with the same id as a starter runbook replaces it). Immutable afterwards, so it is
/// shared freely between workers.
public struct RunbookCatalog: Sendable {
    public let runbooks: [Runbook]
    /// Files that could not be loaded; shown by the API and logged at start-up.
    public let problems: [RunbookError]
    private let byID: [String: Int]
    private let index: BM25Index

    public init(runbooks: [Runbook], problems: [RunbookError] = []) {
        var unique: [String: Runbook] = [:]
        var order: [String] = []
        for runbook in runbooks {
            if unique[runbook.id] == nil { order.append(runbook.id) }
            unique[runbook.id] = runbook
        }
        self.runbooks = order.compactMap { unique[$0] }
        self.problems = problems
        self.byID = Dictionary(uniqueKeysWithValues: self.runbooks.enumerated().map { ($1.id, $0) })
        self.index = BM25Index(documents: self.runbooks.map { runbook in
            TextTokenizer.tokens([runbook.title, runbook.match.keywords.joined(separator: " "), runbook.tags.joined(separator: " "), runbook.prose].joined(separator: " "))
        })
    }

    /// The starter runbooks plus every `*.md` file in `directories`.
    public static func load(directories: [String], includeStarter: Bool = true) -> RunbookCatalog {
        var runbooks: [Runbook] = []
        var problems: [RunbookError] = []
        if includeStarter {
            let starter = StarterRunbooks.load()
            runbooks += starter.runbooks
            problems += starter.problems
        }
        for directory in directories {
            let url = URL(fileURLWithPath: directory)
            let files: [URL]
            do {
                files = try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)
                    .filter { $0.pathExtension.lowercased() == "md" }
                    .sorted { $0.lastPathComponent < $1.lastPathComponent }
            } catch {
                problems.append(RunbookError(origin: directory, message: "cannot read the runbook directory: \(error.localizedDescription)"))
                continue
            }
            for file in files {
                do {
                    let data = try Data(contentsOf: file)
                    guard data.count <= 1 << 20 else {
                        problems.append(RunbookError(origin: file.path, message: "larger than 1 MiB"))
                        continue
                    }
                    guard let text = String(data: data, encoding: .utf8) else {
                        problems.append(RunbookError(origin: file.path, message: "not valid UTF-8"))
                        continue
                    }
                    runbooks.append(try RunbookParser.parse(text, origin: file.path))
                } catch let error as RunbookError {
                    problems.append(error)
                } catch {
                    problems.append(RunbookError(origin: file.path, message: "cannot read: \(error.localizedDescription)"))
                }
            }
        }
        return RunbookCatalog(runbooks: runbooks, problems: problems)
    }

    public func runbook(id: String) -> Runbook? {
        byID[id].map { runbooks[$0] }
    }

    /// Runbooks that apply to the incident, best first (see `docs/RUNBOOKS.md`).
    public func matches(for incident: Incident, limit: Int = 5) -> [IncidentContext.RunbookMatch] {
        let platform = Self.platform(of: incident.labels)
        let alertText = [incident.alertName, incident.title, incident.description, incident.service, incident.labels.values.joined(separator: " ")]
        let alertTokens = Set(TextTokenizer.tokens(alertText.joined(separator: " ")))
        let textScores = index.scores(for: Array(alertTokens))
        var matches: [IncidentContext.RunbookMatch] = []
        for (position, runbook) in runbooks.enumerated() {
            let rules = runbook.match
            if !rules.sources.isEmpty, !rules.sources.contains(incident.source.lowercased()) { continue }
            if let platform, platform != runbook.platform { continue }
            var reasons: [String] = []
            var score = 0
            var labelsMatch = true
            for (name, pattern) in rules.labels.sorted(by: { $0.key < $1.key }) {
                guard let value = incident.labels[name], Glob.matches(pattern, value) else {
                    labelsMatch = false
                    break
                }
                score += 10
                reasons.append("label \(name) matches '\(pattern)'")
            }
            guard labelsMatch else { continue }
            let nameMatch = rules.alertNames.first { Glob.matches($0, incident.alertName) || Glob.matches($0, incident.title) }
            if let nameMatch {
                score += 100
                reasons.insert("alert name matches '\(nameMatch)'", at: 0)
            }
            let hits = rules.keywords.filter { alertTokens.contains($0) }
            if !hits.isEmpty {
                score += 5 * hits.count
                reasons.append("keywords: \(hits.joined(separator: ", "))")
            }
            guard nameMatch != nil || hits.count >= 2 else { continue }
            matches.append(IncidentContext.RunbookMatch(
                id: runbook.id, title: runbook.title, version: runbook.version,
                ruleScore: score, textScore: (textScores[position] * 1000).rounded() / 1000, reasons: reasons
            ))
        }
        matches.sort { lhs, rhs in
            if lhs.ruleScore != rhs.ruleScore { return lhs.ruleScore > rhs.ruleScore }
            if lhs.textScore != rhs.textScore { return lhs.textScore > rhs.textScore }
            return lhs.id < rhs.id
        }
        return Array(matches.prefix(limit))
    }

    /// The platform an alert's labels name (`os`, `platform`, `os_type`, ...), if any.
    static func platform(of labels: [String: String]) -> Runbook.Platform? {
        for key in ["os", "platform", "os_type", "ostype", "os_family", "kernel", "system"] {
            guard let value = labels[key]?.lowercased() else { continue }
            if value.contains("windows") { return .windows }
            if value.contains("linux") { return .linux }
        }
        return nil
    }
}
