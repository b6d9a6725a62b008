/// Accumulates a word's parts, merging runs of plain bytes into one text part.
struct WordPartsBuilder {
    /// What plain text is: unquoted (glob characters active) or quoted.
    enum PlainText {
        case literal
        case quoted
    }

    private let plainText: PlainText
    private var parts: [BashWordPart] = []
    private var bytes: [UInt8] = []

    init(plainText: PlainText) {
        self.plainText = plainText
    }

    /// The last plain byte not yet closed into a part.
    var lastPlainByte: UInt8? { bytes.last }

    mutating func append(byte: UInt8) {
        bytes.append(byte)
    }

    mutating func append(bytes more: [UInt8]) {
        bytes.append(contentsOf: more)
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
        guard !bytes.isEmpty else { return }
        let text = String(decoding: bytes, as: UTF8.self)
        parts.append(plainText == .literal ? .literal(text) : .quoted(text))
        bytes.removeAll(keepingCapacity: true)
    }
}
