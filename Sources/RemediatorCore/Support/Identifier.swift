public import Foundation

/// Generates time-ordered identifiers (UUID version 7, RFC 9562).
///
/// Identifiers sort by creation time as plain strings, which keeps cursor pagination and
/// "most recent first" queries on an index without a separate sequence column, and they
/// can be generated on any node without coordination.
public enum Identifier {
    /// A new lower-case UUIDv7 string for the given instant.
    public static func make(at date: Date = Date()) -> String {
        var generator = SystemRandomNumberGenerator()
        return make(at: date, using: &generator)
    }

    /// A new lower-case UUIDv7 string, drawing randomness from `generator`.
    public static func make(at date: Date, using generator: inout some RandomNumberGenerator) -> String {
        let milliseconds = UInt64(max(0, date.timeIntervalSince1970 * 1000))
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<6 {
            bytes[index] = UInt8(truncatingIfNeeded: milliseconds >> UInt64(8 * (5 - index)))
        }
        let high = generator.next() as UInt64
        let low = generator.next() as UInt64
        for index in 6..<16 {
            let source = index < 14 ? high : low
            bytes[index] = UInt8(truncatingIfNeeded: source >> UInt64(8 * (index % 8)))
        }
        bytes[6] = 0x70 | (bytes[6] & 0x0F)  // version 7
        bytes[8] = 0x80 | (bytes[8] & 0x3F)  // variant 10
        let uuid = UUID(uuid: (
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
            bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
        ))
        return uuid.uuidString.lowercased()
    }
}
