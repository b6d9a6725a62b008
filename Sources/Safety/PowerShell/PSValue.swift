/// What the analyzer knows about a PowerShell value before the script runs.
enum PSValue: Equatable {
    case string(String)
    case number(Double)
    case boolean(Bool)
    case array([PSValue])
    case bytes([UInt8])
    case table([String: PSValue])
    case scriptBlock(PSScript)
    /// An object of a known kind: `webclient`, `tcpclient`, `encoding:unicode`, `type:...`.
    case object(String)
    /// Content fetched from the network (`DownloadString`, `Invoke-WebRequest`).
    case downloaded
    /// What `Get-ChildItem PATH` lists, kept in a variable; `narrowed` once a filter or
    /// `Where-Object` picks only some of it.
    indirect case listing(PSValue, narrowed: Bool)
    case unknown

    /// The value as PowerShell turns it into text: arrays joined with spaces.
    var text: String? {
        switch self {
        case .string(let value): return value
        case .number(let value): return value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .boolean(let value): return value ? "True" : "False"
        case .array(let items):
            let texts = items.map(\.text)
            guard texts.allSatisfy({ $0 != nil }) else { return nil }
            return texts.compactMap { $0 }.joined(separator: " ")
        default: return nil
        }
    }

    var isKnownText: Bool { text != nil }

    /// The elements of an array, or the value itself as the only element.
    var elements: [PSValue] {
        if case .array(let items) = self { return items }
        return [self]
    }

    var number: Double? {
        switch self {
        case .number(let value): return value
        case .string(let value): return Double(value)
        default: return nil
        }
    }
}
