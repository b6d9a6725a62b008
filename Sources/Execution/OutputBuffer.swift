import Synchronization

/// Collects a process's output up to a bound, dropping the rest but remembering that it
/// did. Shared between the reading task and the timeout path, hence the lock.
final class OutputBuffer: Sendable {
    private struct State {
        var bytes: [UInt8] = []
        var truncated = false
    }

    private let limit: Int
    private let state = Mutex(State())

    init(limit: Int) {
        self.limit = max(0, limit)
    }

    func append(_ chunk: some Collection<UInt8>) {
        state.withLock { state in
            let room = limit - state.bytes.count
            if chunk.count > room {
                state.bytes.append(contentsOf: chunk.prefix(max(0, room)))
                state.truncated = true
            } else {
                state.bytes.append(contentsOf: chunk)
            }
        }
    }

    var truncated: Bool {
        state.withLock { $0.truncated }
    }

    /// The output as text; bytes that are not UTF-8 become U+FFFD rather than being lost
    /// silently or failing the record, and a cut is marked.
    var text: String {
        state.withLock { state in
            var text = String(decoding: state.bytes, as: UTF8.self)
            if state.truncated {
                text += "\n[output truncated at \(limit) bytes]"
            }
            return text
        }
    }
}
