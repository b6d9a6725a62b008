import Foundation
import RemediatorCore
import Yams

/// Reads a runbook from Markdown with YAML front matter (see `docs/RUNBOOKS.md`).
///
/// Strict: a runbook the parser accepts has an id, a platform, a remediate and a verify
/// script in the platform's language, and sane limits. Anything else is an error that
/// names the file and the problem, so a broken runbook is refused at load time rather
/// than producing a broken plan at 3 a.m.
public enum RunbookParser {
    public static let maximumTimeoutSeconds = 3600
    public static let defaultTimeoutSeconds = 300

    public static func parse(_ text: String, origin: String) throws(RunbookError) -> Runbook {
        func fail(_ message: String) -> RunbookError { RunbookError(origin: origin, message: message) }

        // The standard library's replacing, not Foundation's: it bridges nothing to NSString.
        let normalized = text.replacing("\r\n", with: "\n").drop { $0 == "\u{FEFF}" }
        guard normalized.hasPrefix("---\n") else {
            throw fail("a runbook must start with YAML front matter between '---' lines")
        }
        let afterOpening = normalized.dropFirst(4)
        guard let closing = afterOpening.range(of: "\n---\n") ?? (afterOpening.hasSuffix("\n---") ? afterOpening.range(of: "\n---", options: .backwards) : nil) else {
            throw fail("the front matter is not closed with a '---' line")
        }
        let yaml = String(afterOpening[..<closing.lowerBound])
        let body = String(afterOpening[closing.upperBound...])

        let front: FrontMatter
        do {
            front = try YAMLDecoder().decode(FrontMatter.self, from: yaml)
        } catch let error as DecodingError {
            throw fail("front matter: \(describe(error))")
        } catch {
            throw fail("front matter is not valid YAML: \(error)")
        }

        guard front.id.range(of: "^[a-z0-9][a-z0-9-]{0,99}$", options: .regularExpression) != nil else {
            throw fail("id '\(front.id)' must be lower-case letters, digits and '-'")
        }
        guard !front.title.trimmingCharacters(in: .whitespaces).isEmpty else { throw fail("title is empty") }
        let version = front.version ?? 1
        guard version >= 1 else { throw fail("version must be 1 or more") }
        let timeout = front.timeoutSeconds ?? defaultTimeoutSeconds
        guard (1...maximumTimeoutSeconds).contains(timeout) else {
            throw fail("timeout_seconds must be between 1 and \(maximumTimeoutSeconds)")
        }

        if let group = front.group, group.range(of: "^[A-Za-z0-9._-]{1,64}$", options: .regularExpression) == nil {
            throw fail("group '\(group)' must be an inventory group name: 1–64 letters, digits, '.', '_' or '-'")
        }

        let (prose, scripts) = try extractScripts(from: body, platform: front.platform, fail: fail)
        for required in [StepRole.remediate, .verify] where scripts[required] == nil {
            throw fail("a '\(front.platform.language.rawValue) \(required.rawValue)' block is required")
        }
        let match = front.match ?? .init()
        return Runbook(
            id: front.id,
            title: front.title,
            version: version,
            platform: front.platform,
            risk: front.risk ?? .medium,
            timeoutSeconds: timeout,
            match: Runbook.MatchRules(
                sources: (match.sources ?? []).map { $0.value.lowercased() },
                alertNames: (match.alertNames ?? []).map(\.value),
                labels: match.labels ?? [:],
                keywords: (match.keywords ?? []).map { $0.value.lowercased() }
            ),
            tags: (front.tags ?? []).map(\.value),
            group: front.group,
            prose: prose,
            scripts: scripts,
            origin: origin
        )
    }

    /// Splits the body into prose and role scripts (fences with `LANGUAGE ROLE`).
    private static func extractScripts(
        from body: String, platform: Runbook.Platform, fail: (String) -> RunbookError
    ) throws(RunbookError) -> (String, [StepRole: Runbook.Script]) {
        var prose: [Substring] = []
        var scripts: [StepRole: Runbook.Script] = [:]
        var lines = body.split(separator: "\n", omittingEmptySubsequences: false)[...]
        var lineNumber = 0
        while let line = lines.popFirst() {
            lineNumber += 1
            let trimmed = line.drop { $0 == " " }
            guard let fence = Fence(opening: trimmed) else {
                prose.append(line)
                continue
            }
            var content: [Substring] = []
            var closed = false
            while let inner = lines.popFirst() {
                lineNumber += 1
                if fence.isClosed(by: inner.drop { $0 == " " }) {
                    closed = true
                    break
                }
                content.append(inner)
            }
            guard closed else { throw fail("a code block opened in the body is never closed") }
            let words = fence.info.split(separator: " ", omittingEmptySubsequences: true)
            guard words.count >= 2, let language = scriptLanguage(String(words[0])) else {
                prose.append(line)
                prose.append(contentsOf: content)
                prose.append(Substring(String(repeating: fence.character, count: fence.length)))
                continue
            }
            guard let role = StepRole(rawValue: String(words[1]).lowercased()) else {
                throw fail("code block '\(fence.info)': the role must be diagnose, remediate, verify or rollback")
            }
            guard language == platform.language else {
                throw fail("a \(platform.rawValue) runbook's \(role.rawValue) block must be \(platform.language.rawValue), not \(language.rawValue)")
            }
            guard scripts[role] == nil else { throw fail("there are two '\(role.rawValue)' blocks") }
            let code = content.joined(separator: "\n")
            guard !code.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw fail("the '\(role.rawValue)' block is empty")
            }
            scripts[role] = Runbook.Script(language: language, code: code + "\n")
        }
        return (prose.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines), scripts)
    }

    static func scriptLanguage(_ word: String) -> ScriptLanguage? {
        switch word.lowercased() {
        case "bash", "sh", "shell": .bash
        case "powershell", "ps1", "pwsh", "ps": .powershell
        default: nil
        }
    }

    private struct Fence {
        let character: Character
        let length: Int
        let info: String

        init?(opening line: Substring) {
            guard let first = line.first, first == "`" || first == "~" else { return nil }
            let run = line.prefix { $0 == first }
            guard run.count >= 3 else { return nil }
            character = first
            length = run.count
            info = line.dropFirst(run.count).trimmingCharacters(in: .whitespaces)
        }

        func isClosed(by line: Substring) -> Bool {
            let run = line.prefix { $0 == character }
            return run.count >= length && line.dropFirst(run.count).trimmingCharacters(in: .whitespaces).isEmpty
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context): return "'\(path(context.codingPath + [key]))' is required"
        case .typeMismatch(_, let context): return "'\(path(context.codingPath))' has the wrong type"
        case .valueNotFound(_, let context): return "'\(path(context.codingPath))' is empty"
        case .dataCorrupted(let context): return context.codingPath.isEmpty ? context.debugDescription : "'\(path(context.codingPath))': \(context.debugDescription)"
        @unknown default: return "invalid"
        }
    }
}

/// The YAML front matter as written.
struct FrontMatter: Decodable {
    struct Match: Decodable {
        var sources: [LenientString]?
        var alertNames: [LenientString]?
        var labels: [String: String]?
        var keywords: [LenientString]?

        init() {}

        enum CodingKeys: String, CodingKey {
            case sources, labels, keywords
            case alertNames = "alert_names"
        }
    }

    var id: String
    var title: String
    var version: Int?
    var platform: Runbook.Platform
    var risk: Runbook.Risk?
    var timeoutSeconds: Int?
    var match: Match?
    var tags: [LenientString]?
    var group: String?

    enum CodingKeys: String, CodingKey {
        case id, title, version, platform, risk, match, tags, group
        case timeoutSeconds = "timeout_seconds"
    }
}

/// A YAML scalar taken as text: an unquoted `502` in a keyword list is still the word "502".
struct LenientString: Decodable {
    var value: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            value = text
        } else if let number = try? container.decode(Int.self) {
            value = String(number)
        } else if let number = try? container.decode(Double.self) {
            value = String(number)
        } else {
            value = String(try container.decode(Bool.self))
        }
    }
}
