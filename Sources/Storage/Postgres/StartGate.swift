import Synchronization

/// Holds queries back until the connection pool runs: the server's services start
/// together, and a worker's first claim must wait for the pool instead of finding it
/// not yet started.
final class StartGate: Sendable {
    private enum State {
        case waiting([CheckedContinuation<Void, Never>])
        case open
    }

    private let state = Mutex(State.waiting([]))

    func open() {
        let waiting: [CheckedContinuation<Void, Never>] = state.withLock { state in
            guard case .waiting(let continuations) = state else { return [] }
            state = .open
            return continuations
        }
        for continuation in waiting { continuation.resume() }
    }

    func wait() async {
        await withCheckedContinuation { continuation in
            let opened = state.withLock { state in
                guard case .waiting(var continuations) = state else { return true }
                continuations.append(continuation)
                state = .waiting(continuations)
                return false
            }
            if opened { continuation.resume() }
        }
    }
}
