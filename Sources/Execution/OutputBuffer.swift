import RemediatorCore
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

    var isEmpty: Bool {
        state.withLock { $0.bytes.isEmpty }
    }

    var truncated: Bool {
        state.withLock { $0.truncated }
    }

    /// The output as text. A byte that is not part of valid UTF-8 is kept as `\xNN`
    /// (binary output, a Latin-1 log line) rather than lost or failing the record; a cut
    /// is marked.
    var text: String {
        state.withLock { state in
            var text = Self.decode(state.bytes)
            if state.truncated {
                text += "\n[output truncated at \(limit) bytes]"
            }
            return text
        }
    }

    static func decode(_ bytes: [UInt8]) -> String {
        if let valid = String(validating: bytes, as: UTF8.self) { return valid }
        var text = ""
        text.reserveCapacity(bytes.count + 16)
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                text.unicodeScalars.append(Unicode.UTF8.decode(encoded))
                offset += encoded.count
            case .error(let length):
                for byte in bytes[offset..<(offset + length)] {
                    text += "\\x" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
                }
                offset += length
            case .emptyInput:
                return text
            }
        }
    }
}

extension ExecutionOutcome {
    /// The outcome of a command that exited (0 is success) or was stopped at its timeout.
    init(_ ending: ChildProcess.Ending, command: String, timeoutSeconds: Int, stdout: OutputBuffer, stderr: OutputBuffer) {
        switch ending {
        case .exited(let code):
            self.init(
                status: code == 0 ? .succeeded : .failed, command: command, exitCode: code,
                stdout: stdout.text, stderr: stderr.text, truncated: stdout.truncated || stderr.truncated
            )
        case .timedOut:
            self.init(
                status: .timedOut, command: command, exitCode: nil, stdout: stdout.text,
                stderr: stderr.text + "\n[timed out after \(timeoutSeconds)s; the command was terminated]",
                truncated: stdout.truncated || stderr.truncated
            )
        }
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
