import Foundation
import RemediatorCore

/// Conversions between domain values and column values shared by the stores.
enum Columns {
    /// Times are stored as integer milliseconds since 1970: exact, sortable and the same
    /// in SQLite and PostgreSQL.
    /// Clamped to ±292 million years so no date can trap the conversion.
    static func milliseconds(_ date: Date) -> Int64 {
        Int64(exactly: (date.timeIntervalSince1970 * 1000).rounded()) ?? (date.timeIntervalSince1970 < 0 ? Int64.min / 2 : Int64.max / 2)
    }

    static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    static func date(_ milliseconds: Int64?) -> Date? {
        milliseconds.map(date)
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .millisecondsSince1970
        return encoder
    }()

    static func json(_ value: some Encodable) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// A string map as JSON with sorted keys. Labels and audit details are written on
    /// every ingest, so this skips the general encoder; the output is the same.
    static func json(_ map: [String: String]) -> String {
        guard !map.isEmpty else { return "{}" }
        var output = "{"
        for (index, key) in map.keys.sorted().enumerated() {
            if index > 0 { output += "," }
            appendQuoted(key, to: &output)
            output += ":"
            appendQuoted(map[key] ?? "", to: &output)
        }
        output += "}"
        return output
    }

    private static func appendQuoted(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                output += "\\u00" + Hex.string([UInt8(scalar.value)])
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }

    /// `nil` stays SQL NULL instead of becoming the JSON text `null`.
    static func optionalJSON(_ value: (some Encodable)?) throws -> String? {
        guard let value else { return nil }
        return try json(value)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String?) throws -> T? {
        guard let text else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        return try decoder.decode(T.self, from: Data(text.utf8))
    }
}
