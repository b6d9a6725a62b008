/// Accumulates a word's parts, merging runs of plain bytes into one text part.
///
/// Plain text is nearly always a contiguous run of the script, so a run is kept as a range
/// of the source and decoded once; only text interrupted by an escape is copied byte by byte.
struct WordPartsBuilder {
    /// What plain text is: unquoted (glob characters active) or quoted.
    enum PlainText {
        case literal
        case quoted
    }

    private let plainText: PlainText
    private let source: [UInt8]
    private var parts: [BashWordPart] = []
    /// The plain text so far when it is one run of `source`.
    private var run: Range<Int>?
    /// The plain text so far when it is not one run of `source`.
    private var copied: [UInt8] = []

    init(plainText: PlainText, source: [UInt8]) {
        self.plainText = plainText
        self.source = source
    }

    /// The last plain byte not yet closed into a part.
    var lastPlainByte: UInt8? {
        if let run { return source[run.upperBound - 1] }
        return copied.last
    }

    /// Whether everything so far is unquoted text read straight from `range` of the source.
    func isOnlyRun(_ range: Range<Int>) -> Bool {
        plainText == .literal && parts.isEmpty && copied.isEmpty && run == range
    }

    /// Adds the byte of the source at `position` to the plain text.
    mutating func append(sourceByteAt position: Int) {
        append(sourceRange: position..<(position + 1))
    }

    /// Adds `range` of the source to the plain text.
    mutating func append(sourceRange range: Range<Int>) {
        if copied.isEmpty {
            guard let current = run else {
                run = range
                return
            }
            if current.upperBound == range.lowerBound {
                run = current.lowerBound..<range.upperBound
                return
            }
            copied.append(contentsOf: source[current])
            run = nil
        }
        copied.append(contentsOf: source[range])
    }

    mutating func append(bytes more: [UInt8]) {
        if let current = run {
            copied.append(contentsOf: source[current])
            run = nil
        }
        copied.append(contentsOf: more)
    }

    mutating func append(_ part: BashWordPart) {
        flush()
        parts.append(part)
    }

    mutating func build() -> [BashWordPart] {
        flush()
        return parts
    }

    private mutating func flush() {
        let text: String
        if let current = run {
            text = String(decoding: source[current], as: UTF8.self)
            run = nil
        } else if !copied.isEmpty {
            text = String(decoding: copied, as: UTF8.self)
            copied.removeAll(keepingCapacity: true)
        } else {
            return
        }
        parts.append(plainText == .literal ? .literal(text) : .quoted(text))
    }
}
