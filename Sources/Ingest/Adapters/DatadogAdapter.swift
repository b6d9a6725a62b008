public import Foundation
public import RemediatorCore

/// Datadog's Webhooks integration.
///
/// The payload is a template the Datadog user writes, so field names are looked up
/// under the keys the default template and common additions use: the default
/// (`id`, `title`, `body`, `event_type`, `date`, `last_updated`, `org`) plus
/// `alert_id` ($ALERT_ID), `alert_transition` ($ALERT_TRANSITION), `hostname`
/// ($HOSTNAME), `priority` / `alert_priority` ($PRIORITY / $ALERT_PRIORITY),
/// `tags` ($TAGS), `alert_type`, `alert_title`, `alert_scope`, `alert_metric`,
/// `alert_cycle_key` and `aggreg_key`. Keys are matched case-insensitively and with
/// or without underscores. A body may hold one event or an array of events.
public struct DatadogAdapter: AlertAdapter {
    public let source = "datadog"

    public init() {}

    public func normalize(_ body: Data, receivedAt: Date) throws(IngestError) -> [NormalizedAlert] {
        let value = try PayloadDecoder.decode(JSONValue.self, from: body)
        switch value {
        case .object(let object):
            return [try normalize(Fields(object), path: "the body")]
        case .array(let items):
            guard !items.isEmpty else { throw .invalidPayload("the body is an empty array; expected at least one event") }
            var alerts: [NormalizedAlert] = []
            for (index, item) in items.enumerated() {
                guard let object = item.objectValue else {
                    throw .invalidPayload("[\(index)] must be an object, not \(item.typeName)")
                }
                alerts.append(try normalize(Fields(object), path: "[\(index)]"))
            }
            return alerts
        default:
            throw .invalidPayload("the body must be a JSON object (a Datadog webhook payload), not \(value.typeName)")
        }
    }

    /// Template fields, looked up loosely; unexpanded `$VARIABLES` count as absent.
    struct Fields {
        private var values: [String: JSONValue] = [:]

        init(_ object: [String: JSONValue]) {
            for (key, value) in object {
                values[Self.canonical(key)] = value
            }
        }

        static func canonical(_ key: String) -> String {
            key.lowercased().filter { $0 != "_" && $0 != "-" }
        }

        func text(_ keys: String...) -> String? {
            for key in keys {
                if let text = values[Self.canonical(key)]?.scalarText?.trimmingCharacters(in: .whitespacesAndNewlines),
                   !text.isEmpty, !text.hasPrefix("$") {
                    return text
                }
            }
            return nil
        }

        func raw(_ key: String) -> JSONValue? {
            values[Self.canonical(key)]
        }
    }

    private func normalize(_ fields: Fields, path: String) throws(IngestError) -> NormalizedAlert {
        let rawTitle = fields.text("title", "event_title") ?? ""
        let alertTitle = fields.text("alert_title")
        let title = Self.stripPrefixes(alertTitle ?? rawTitle)
        guard !title.isEmpty else {
            throw .invalidPayload("\(path): a Datadog payload needs a title ($EVENT_TITLE as \"title\" or $ALERT_TITLE as \"alert_title\")")
        }
        let tags = try parseTags(fields.raw("tags"), path: path)
        let scope = parseTagList(fields.text("alert_scope") ?? "")
        var labels: [String: String] = [:]
        for (key, value) in scope + tags {
            labels[key] = value
        }
        let monitorID = fields.text("alert_id")
        if let monitorID { labels["monitor_id"] = monitorID }
        if let metric = fields.text("alert_metric") { labels["metric"] = metric }
        if let eventType = fields.text("event_type") { labels["event_type"] = eventType }
        if let org = fields.raw("org")?.objectValue {
            if let id = org["id"]?.scalarText, !id.hasPrefix("$") { labels["org_id"] = id }
            if let name = org["name"]?.scalarText, !name.hasPrefix("$") { labels["org_name"] = name }
        }
        let host = HostName.normalize(fields.text("hostname", "host") ?? labels["host"] ?? "")
        let service = labels["service"] ?? ""
        let prefixes = Self.bracketedPrefixes(rawTitle) + Self.bracketedPrefixes(alertTitle ?? "")
        let status = Self.status(transition: fields.text("alert_transition", "transition"), alertType: fields.text("alert_type"), prefixes: prefixes)
        var annotations: [String: String] = [:]
        if let link = fields.text("link") { annotations["link"] = link }
        if let query = fields.text("alert_query") { annotations["query"] = query }
        if let statusText = fields.text("alert_status") { annotations["status"] = statusText }
        if let transition = fields.text("alert_transition", "transition") { annotations["transition"] = transition }
        let startsAt = (fields.text("date", "date_posix", "last_updated")).flatMap(Timestamp.parse)
        return NormalizedAlert(
            source: source,
            status: status,
            severity: Self.severity(fields, prefixes: prefixes),
            alertName: title,
            title: title,
            description: fields.text("body", "text_only_msg", "event_msg") ?? "",
            host: host,
            service: service,
            externalID: fields.text("alert_cycle_key", "aggreg_key", "id") ?? "",
            fingerprint: Fingerprint.make([source, monitorID ?? title, host, service, fields.text("alert_scope") ?? ""]),
            labels: labels,
            annotations: annotations,
            startsAt: startsAt
        )
    }

    /// `Recovered` resolves; every other transition (Triggered, Re-Triggered, Warn,
    /// Renotify, No Data) is firing. Without a transition, a `success` alert type or a
    /// `[Recovered...]` group among the title's leading brackets resolves.
    static func status(transition: String?, alertType: String?, prefixes: [String]) -> AlertStatus {
        if let transition {
            return transition.lowercased().hasPrefix("recovered") ? .resolved : .firing
        }
        if alertType?.lowercased() == "success" {
            return .resolved
        }
        return prefixes.contains { $0.lowercased().hasPrefix("recovered") } ? .resolved : .firing
    }

    /// The contents of a title's leading `[...]` groups: `[P1] [Triggered on {host:a}] x` → `["P1", "Triggered on {host:a}"]`.
    static func bracketedPrefixes(_ title: String) -> [String] {
        var groups: [String] = []
        var rest = Substring(title.trimmingCharacters(in: .whitespaces))
        while rest.first == "[", let close = rest.firstIndex(of: "]") {
            groups.append(String(rest[rest.index(after: rest.startIndex)..<close]))
            rest = rest[rest.index(after: close)...].drop { $0 == " " }
        }
        return groups
    }

    /// $ALERT_PRIORITY (P1–P5) first, then $PRIORITY when it holds a P-level, then the
    /// alert type (error, warning, info, success), then a `[P1]` title prefix.
    static func severity(_ fields: Fields, prefixes: [String]) -> Severity {
        for candidate in [fields.text("alert_priority"), fields.text("priority")] {
            if let candidate, candidate.lowercased().hasPrefix("p"), let severity = SeverityMapping.severity(for: candidate) {
                return severity
            }
        }
        if let type = fields.text("alert_type") {
            switch type.lowercased() {
            case "error": return .high
            case "warning": return .medium
            case "info", "success": return .info
            default: break
            }
        }
        if let level = prefixes.first(where: { $0.range(of: "^P[1-5]$", options: .regularExpression) != nil }),
           let severity = SeverityMapping.severity(for: level) {
            return severity
        }
        if let priority = fields.text("priority"), priority.lowercased() == "low" {
            return .low
        }
        return .medium
    }

    /// Removes Datadog's bracketed prefixes: `[Triggered on {host:web-1}] [P2] Disk full` → `Disk full`.
    static func stripPrefixes(_ title: String) -> String {
        var rest = Substring(title.trimmingCharacters(in: .whitespaces))
        while rest.first == "[", let close = rest.firstIndex(of: "]") {
            rest = rest[rest.index(after: close)...].drop { $0 == " " }
        }
        return String(rest)
    }

    private func parseTags(_ value: JSONValue?, path: String) throws(IngestError) -> [(String, String)] {
        switch value {
        case nil, .null?:
            return []
        case .string(let text)?:
            return text.hasPrefix("$") ? [] : parseTagList(text)
        case .array(let items)?:
            var tags: [(String, String)] = []
            for item in items {
                guard let text = item.scalarText else {
                    throw .invalidPayload("\(path).tags must be a comma-separated string or an array of strings")
                }
                tags += parseTagList(text)
            }
            return tags
        case let other?:
            throw .invalidPayload("\(path).tags must be a comma-separated string or an array of strings, not \(other.typeName)")
        }
    }

    /// `env:prod, role:web, canary` → `[("env","prod"), ("role","web"), ("canary","")]`.
    private func parseTagList(_ text: String) -> [(String, String)] {
        text.split(separator: ",").compactMap { item in
            let tag = item.trimmingCharacters(in: .whitespaces)
            guard !tag.isEmpty else { return nil }
            guard let colon = tag.firstIndex(of: ":") else { return (tag, "") }
            return (String(tag[..<colon]), String(tag[tag.index(after: colon)...]))
        }
    }
}
