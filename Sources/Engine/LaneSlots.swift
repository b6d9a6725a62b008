import Synchronization

/// Counts a lane's stage runs in flight, and wakes its dispatcher when one ends.
final class LaneSlots: Sendable {
    let capacity: Int
    private let running = Mutex(0)
    /// Notified whenever a run ends.
    let freed = WorkSignal()

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Runs that may start now.
    var free: Int {
        running.withLock { capacity - $0 }
    }

    func take(_ count: Int) {
        running.withLock { $0 += count }
    }

    func give() {
        running.withLock { $0 -= 1 }
        freed.notify()
    }
}
