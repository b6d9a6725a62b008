/// A fixed table from names (commands, cmdlets, aliases) to what is known about them, for
/// the lookups the validator makes for every command it reads.
///
/// `Dictionary` hashes a `String` with SipHash, which for a ten-byte command name costs
/// more than everything else in the lookup; this table hashes the name's bytes with
/// FNV-1a. It is built once from fixed lists and never changes, so the longest probe
/// sequence is set when it is built: no name a script uses can make lookups slow.
struct NameTable<Value: Sendable>: Sendable {
    private let names: [String?]
    private let values: [Value?]
    private let mask: Int

    init(_ entries: [String: Value]) {
        // At most a quarter full: probe sequences stay short.
        var capacity = 16
        while capacity < entries.count * 4 { capacity <<= 1 }
        var names = [String?](repeating: nil, count: capacity)
        var values = [Value?](repeating: nil, count: capacity)
        for (name, value) in entries {
            var slot = Self.hash(name) & (capacity - 1)
            while names[slot] != nil { slot = (slot + 1) & (capacity - 1) }
            names[slot] = name
            values[slot] = value
        }
        self.names = names
        self.values = values
        self.mask = capacity - 1
    }

    subscript(name: String) -> Value? {
        var slot = Self.hash(name) & mask
        while let candidate = names[slot] {
            if candidate == name { return values[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    private static func hash(_ name: String) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var name = name
        name.withUTF8 { bytes in
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }
}

extension NameTable where Value == Bool {
    /// A fixed set of names, for membership tests made for every command or parameter.
    init(names: some Sequence<String>) {
        self.init(Dictionary(names.map { ($0, true) }, uniquingKeysWith: { first, _ in first }))
    }

    func contains(_ name: String) -> Bool {
        self[name] != nil
    }
}
