import Foundation

/// Parses the time formats webhook senders use.
enum Timestamp {
    /// RFC 3339 with any number of fractional digits (`2024-05-01T10:00:00.123456789Z`,
    /// `+02:00` offsets), epoch seconds or epoch milliseconds (as number or string).
    /// Go's zero time (`0001-01-01T00:00:00Z`), which Alertmanager sends for "no end",
    /// is `nil`.
    static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !trimmed.hasPrefix("0001-01-01") else { return nil }
        if let number = Double(trimmed) {
            return fromEpoch(number)
        }
        return parseRFC3339(trimmed)
    }

    /// The latest time accepted: 9999-12-31T23:59:59Z. Anything later is not a real alert
    /// time and would overflow the millisecond columns.
    static let latest = 253_402_300_799.0

    static func fromEpoch(_ number: Double) -> Date? {
        guard number.isFinite, number > 0 else { return nil }
        // Values past 1e11 seconds (year 5138) are milliseconds.
        let seconds = number > 1e11 ? number / 1000 : number
        guard seconds <= latest else { return nil }
        return Date(timeIntervalSince1970: seconds)
    }

    private static func parseRFC3339(_ text: String) -> Date? {
        let scalars = Array(text.utf8)
        func number(_ start: Int, _ length: Int) -> Int? {
            guard start + length <= scalars.count else { return nil }
            var value = 0
            for byte in scalars[start..<(start + length)] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard scalars.count >= 19,
              let year = number(0, 4), scalars[4] == UInt8(ascii: "-"),
              let month = number(5, 2), scalars[7] == UInt8(ascii: "-"),
              let day = number(8, 2), scalars[10] == UInt8(ascii: "T") || scalars[10] == UInt8(ascii: "t") || scalars[10] == UInt8(ascii: " "),
              let hour = number(11, 2), scalars[13] == UInt8(ascii: ":"),
              let minute = number(14, 2), scalars[16] == UInt8(ascii: ":"),
              let second = number(17, 2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second <= 60
        else { return nil }
        var index = 19
        var fraction = 0.0
        if index < scalars.count, scalars[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            while index < scalars.count, scalars[index] >= 48, scalars[index] <= 57 {
                fraction += Double(scalars[index] - 48) * scale
                scale /= 10
                index += 1
            }
        }
        var offsetSeconds = 0
        if index < scalars.count {
            switch scalars[index] {
            case UInt8(ascii: "Z"), UInt8(ascii: "z"):
                index += 1
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard let offsetHour = number(index + 1, 2), scalars.count > index + 3, scalars[index + 3] == UInt8(ascii: ":"),
                      let offsetMinute = number(index + 4, 2) else { return nil }
                offsetSeconds = (offsetHour * 3600 + offsetMinute * 60) * (scalars[index] == UInt8(ascii: "+") ? 1 : -1)
                index += 6
            default:
                return nil
            }
        }
        guard index == scalars.count else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = Double(days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds)
        return Date(timeIntervalSince1970: seconds + fraction)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
