import Synchronization

/// Wakes idle dispatchers when work was enqueued on this node, so a new alert does not
/// wait for the next poll.
///
/// Each notification advances a generation. A waiter passes the generation it saw before
/// it last looked for work and returns at once if a notification came since: nothing
/// announced while it was busy is missed, however many waiters there are.
public final class WorkSignal: Sendable {
    private struct State {
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
        var nextID = 0
        var generation: UInt64 = 0
    }

    private let state = Mutex(State())

    public init() {}

    /// The number of notifications so far; read it before looking for work.
    public var generation: UInt64 {
        state.withLock { $0.generation }
    }

    /// Wakes every waiter.
    public func notify() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.generation &+= 1
            let waiters = Array(state.waiters.values)
            state.waiters.removeAll()
            return waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns when a notification came after `seen` (at once if one already has) or
    /// after `timeout`, whichever comes first.
    func wait(after seen: UInt64, timeout: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.waitForNotification(after: seen) }
            group.addTask { try? await Task.sleep(for: timeout) }
            await group.next()
            group.cancelAll()
        }
    }

    private func waitForNotification(after seen: UInt64) async {
        let id = state.withLock { state -> Int in
            state.nextID += 1
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLock { state -> Bool in
                    if state.generation != seen || Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
        }
    }
}
