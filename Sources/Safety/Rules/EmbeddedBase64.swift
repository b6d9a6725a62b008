import Foundation

/// Base64 blobs inside inline programs (`python3 -c "exec(base64.b64decode('...'))"`),
/// decoded so the rules read the program that really runs.
enum EmbeddedBase64 {
    /// Shorter runs are ordinary words; longer ones are worth decoding.
    static let minimumLength = 16
    /// Blobs beyond this many bytes are not decoded.
    static let maximumLength = 1 << 20

    /// The texts of the base64 runs in `code` that decode to UTF-8 text.
    static func decodedTexts(in code: String) -> [String] {
        var texts: [String] = []
        var run: [UInt8] = []
        func flush() {
            defer { run.removeAll(keepingCapacity: true) }
            guard run.count >= minimumLength, run.count <= maximumLength else { return }
            var padded = run.filter { $0 != UInt8(ascii: "=") }
            while padded.count % 4 != 0 { padded.append(UInt8(ascii: "=")) }
            guard let data = Data(base64Encoded: Data(padded)), let text = String(data: data, encoding: .utf8),
                  text.unicodeScalars.allSatisfy({ $0.value >= 0x20 || $0 == "\n" || $0 == "\t" || $0 == "\r" }) else { return }
            texts.append(text)
        }
        for byte in code.utf8 {
            if isBase64(byte) {
                run.append(byte)
            } else {
                flush()
            }
        }
        flush()
        return texts
    }

    private static func isBase64(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=")
    }
}
