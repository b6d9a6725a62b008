import Foundation

/// Reads the SSH wire encoding (RFC 4251 §5: big-endian `uint32`, length-prefixed
/// `string`) from key files and key blobs, returning nil instead of reading past the end.
struct SSHWireReader {
    private let bytes: Data
    private var offset: Int

    init(_ bytes: Data) {
        self.bytes = Data(bytes)
        self.offset = 0
    }

    var isAtEnd: Bool { offset >= bytes.count }

    mutating func readMagic(_ magic: String) -> Bool {
        let expected = Array(magic.utf8)
        guard bytes.count - offset >= expected.count,
              bytes[offset..<(offset + expected.count)].elementsEqual(expected) else { return false }
        offset += expected.count
        return true
    }

    mutating func readUInt32() -> UInt32? {
        guard bytes.count - offset >= 4 else { return nil }
        let value = bytes[offset..<(offset + 4)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        offset += 4
        return value
    }

    mutating func readString() -> Data? {
        guard let length = readUInt32(), Int(length) <= bytes.count - offset else { return nil }
        let value = bytes[offset..<(offset + Int(length))]
        offset += Int(length)
        return Data(value)
    }
}
