/// Converts byte offsets of a script into 1-based lines and columns and extracts snippets.
public struct SourceText: Sendable {
    public let bytes: [UInt8]
    private let lineStarts: [Int]

    public init(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(index + 1)
        }
        self.lineStarts = starts
    }

    /// 1-based line and column (in characters) of a byte offset.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        let clamped = min(max(offset, 0), bytes.count)
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
        }
        let start = lineStarts[low]
        // Count UTF-8 scalar starts, not bytes, so non-ASCII text does not skew columns.
        let column = bytes[start..<clamped].reduce(0) { count, byte in byte & 0xC0 == 0x80 ? count : count + 1 }
        return (low + 1, column + 1)
    }

    /// The line containing `offset`, trimmed and cut to `limit` characters.
    public func snippet(at offset: Int, limit: Int = 160) -> String {
        let clamped = min(max(offset, 0), bytes.count)
        var start = clamped
        while start > 0, bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
        var end = clamped
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
        let line = String(decoding: bytes[start..<end], as: UTF8.self)
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        return trimmed.count > limit ? String(trimmed.prefix(limit)) + "…" : String(trimmed)
    }
}
