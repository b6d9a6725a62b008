public import Foundation
public import RemediatorCore

/// Remediator's own format, for scripts and tools without a native adapter.
///
/// ```json
/// {"alert_name": "DiskFull", "title": "Disk almost full on web-1", "status": "firing",
///  "severity": "high", "host": "web-1", "service": "nginx", "description": "...",
///  "labels": {"mountpoint": "/var"}, "annotations": {}, "external_id": "abc-1",
///  "fingerprint": "optional: your own dedup key", "starts_at": "2026-01-01T00:00:00Z"}
/// ```
///
/// The body is one such object, an array of them, or `{"alerts": [...]}`. `alert_name`
/// or `title` is required; `status` defaults to firing, `severity` to medium. Without a
/// `fingerprint`, alerts deduplicate on `external_id`, else on alert name, host and service.
public struct GenericAdapter: AlertAdapter {
    public let source = "generic"

    public init() {}

    public func normalize(_ body: Data, receivedAt: Date) throws(IngestError) -> [NormalizedAlert] {
        let value = try PayloadDecoder.decode(JSONValue.self, from: body)
        let items: [JSONValue]
        let prefix: String
        switch value {
        case .object(let object) where object["alerts"] != nil:
            guard let array = object["alerts"]?.arrayValue else {
                throw .invalidPayload("alerts must be an array, not \(object["alerts"]?.typeName ?? "missing")")
            }
            items = array
            prefix = "alerts"
        case .object:
            items = [value]
            prefix = ""
        case .array(let array):
            items = array
            prefix = ""
        default:
            throw .invalidPayload("the body must be an alert object, an array of alerts or {\"alerts\": [...]}, not \(value.typeName)")
        }
        guard !items.isEmpty else {
            throw .invalidPayload("the body holds no alerts")
        }
        var alerts: [NormalizedAlert] = []
        alerts.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            let path = items.count == 1 && prefix.isEmpty && value.objectValue != nil ? "" : "\(prefix)[\(index)]"
            guard let object = item.objectValue else {
                throw .invalidPayload("\(path.isEmpty ? "the body" : path) must be an object, not \(item.typeName)")
            }
            alerts.append(try normalize(Reader(object: object, path: path)))
        }
        return alerts
    }

    /// Typed access to one alert object with path-qualified errors.
    struct Reader {
        let object: [String: JSONValue]
        let path: String

        func field(_ key: String) -> String {
            path.isEmpty ? key : "\(path).\(key)"
        }

        func string(_ key: String) throws(IngestError) -> String? {
            switch object[key] {
            case nil, .null?: return nil
            // An empty string is no value, so fallbacks (labels, alert_name) apply.
            case .string(let text)?: return text.isEmpty ? nil : text
            case let other?: throw .invalidPayload("\(field(key)) must be a string, not \(other.typeName)")
            }
        }

        func firstString(_ keys: String...) throws(IngestError) -> String? {
            for key in keys {
                if let value = try string(key) {
                    return value
                }
            }
            return nil
        }

        func scalarMap(_ key: String) throws(IngestError) -> [String: String] {
            switch object[key] {
            case nil, .null?: return [:]
            case .object(let map)?:
                var result: [String: String] = [:]
                for (name, value) in map {
                    guard let text = value.scalarText else {
                        throw .invalidPayload("\(field(key)).\(name) must be a string, number or boolean, not \(value.typeName)")
                    }
                    result[name] = text
                }
                return result
            case let other?: throw .invalidPayload("\(field(key)) must be an object, not \(other.typeName)")
            }
        }

        func time(_ key: String) throws(IngestError) -> Date? {
            switch object[key] {
            case nil, .null?: return nil
            case .number(let number)?:
                guard let date = Timestamp.fromEpoch(number) else {
                    throw .invalidPayload("\(field(key)) is not a time between 1970 and 9999")
                }
                return date
            case .integer(let number)?:
                guard let date = Timestamp.fromEpoch(Double(number)) else {
                    throw .invalidPayload("\(field(key)) is not a time between 1970 and 9999")
                }
                return date
            case .string(let text)?:
                guard let date = Timestamp.parse(text) else {
                    throw .invalidPayload("\(field(key)) must be an RFC 3339 time or epoch seconds, not \"\(text.prefix(40))\"")
                }
                return date
            case let other?: throw .invalidPayload("\(field(key)) must be a time, not \(other.typeName)")
            }
        }
    }

    private func normalize(_ reader: Reader) throws(IngestError) -> NormalizedAlert {
        let alertName = try reader.firstString("alert_name", "alertname") ?? ""
        let title = try reader.firstString("title", "summary") ?? alertName
        guard !title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw .invalidPayload("\(reader.field("title")) is required (or alert_name)")
        }
        let status: AlertStatus
        switch try reader.string("status")?.lowercased() {
        case nil, "firing", "triggered", "open", "problem", "alerting": status = .firing
        case "resolved", "ok", "recovered", "closed": status = .resolved
        case let other?:
            throw .invalidPayload("\(reader.field("status")) must be \"firing\" or \"resolved\", not \"\(other.prefix(32))\"")
        }
        var severity = Severity.medium
        if let word = try reader.string("severity") {
            guard let mapped = SeverityMapping.severity(for: word) else {
                throw .invalidPayload("\(reader.field("severity")) \"\(word.prefix(32))\" is not a known severity; use critical, high, medium, low or info")
            }
            severity = mapped
        }
        let labels = try reader.scalarMap("labels")
        let host = HostName.normalize(try reader.string("host") ?? [labels["host"], labels["instance"]].compactMap { $0 }.first { !$0.isEmpty } ?? "")
        let service = try reader.string("service") ?? labels["service"] ?? ""
        let externalID = try reader.firstString("external_id", "id") ?? ""
        let name = alertName.isEmpty ? title : alertName
        let fingerprint: String
        if let own = try reader.string("fingerprint"), !own.isEmpty {
            fingerprint = Fingerprint.make([source, "own", own])
        } else if !externalID.isEmpty {
            fingerprint = Fingerprint.make([source, "external", externalID])
        } else {
            fingerprint = Fingerprint.make([source, name, host, service])
        }
        return NormalizedAlert(
            source: source,
            status: status,
            severity: severity,
            alertName: name,
            title: title,
            description: try reader.string("description") ?? "",
            host: host,
            service: service,
            externalID: externalID,
            fingerprint: fingerprint,
            labels: labels,
            annotations: try reader.scalarMap("annotations"),
            startsAt: try reader.time("starts_at"),
            endsAt: try reader.time("ends_at")
        )
    }
}
