import Foundation

extension StringProtocol {
    /// Whether `other` occurs in the text, comparing UTF-8 bytes.
    ///
    /// Shadows the generic `contains(_:)` of `_StringProcessing`, which builds a search
    /// table on every call and was most of the validator's time: the rules ask this of
    /// every argument of every command. The markers searched for are ASCII, for which a
    /// byte comparison finds exactly what a character comparison finds, and on other text
    /// it finds a superset, which is the safe direction for a validator.
    func contains(_ other: String) -> Bool {
        if other.utf8.count == 1, let byte = other.utf8.first {
            return utf8.withContiguousStorageIfAvailable { bytes in
                bytes.baseAddress.map { memchr($0, Int32(byte), bytes.count) != nil } ?? false
            } ?? utf8.contains(byte)
        }
        var needle = other
        return needle.withUTF8 { needle in
            if let found = utf8.withContiguousStorageIfAvailable({ Self.search(needle, in: $0) }) {
                return found
            }
            return Array(utf8).withUnsafeBufferPointer { Self.search(needle, in: $0) }
        }
    }

    private static func search(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        guard needle.count <= haystack.count else { return false }
        var start = 0
        let last = haystack.count - needle.count
        while start <= last {
            if haystack[start] == first {
                var matched = 1
                while matched < needle.count, haystack[start + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return true }
            }
            start += 1
        }
        return false
    }
}

extension String {
    /// The text lower-cased, without a copy when it has no upper-case letter: command and
    /// cmdlet names are nearly always written in lower case already, and `lowercased()`
    /// allocates every time.
    func asciiLowercased() -> String {
        let alreadyLower = utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.contains { $0 >= 0x80 || ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) }
        }
        return alreadyLower == true ? self : lowercased()
    }
}

/// Searches in paths the way Windows and case-insensitive file systems compare them.
enum PathText {
    /// Whether `needle` (lower-case ASCII, `/` as separator) occurs in `haystack` at `start`,
    /// ignoring ASCII case and reading `\\` as `/`, without copying either.
    static func matches(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard start + needle.count <= haystack.count else { return false }
        for offset in needle.indices where folded(haystack[start + offset]) != needle[offset] {
            return false
        }
        return true
    }

    /// `byte` as compared: ASCII letters in lower case, `\\` as `/`.
    @inline(__always)
    static func folded(_ byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte | 0x20
        case UInt8(ascii: "\\"): UInt8(ascii: "/")
        default: byte
        }
    }
}

extension [UInt8] {
    /// The index of the first newline at or after `start`, or the end: where a comment
    /// that starts at `start` stops, found with `memchr` rather than byte by byte.
    func endOfLine(from start: Int) -> Int {
        guard start < count else { return count }
        return withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let found = memchr(base + start, Int32(UInt8(ascii: "\n")), count - start) else {
                return count
            }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }
}
