import Foundation
import RemediatorCore

/// Keeps one SSH connection per host open between steps and bounds how many steps run at
/// once, per host and in all.
///
/// Steps on the same host share the connection (each gets a session channel of its own),
/// so a plan's remediate, verify and rollback steps pay for one handshake. A connection
/// that went away is replaced on next use; one idle for longer than `idleTimeout` is
/// closed. Two steps asking for a new host at once wait for the same handshake.
actor SSHSessionPool {
    struct Limits: Sendable {
        var perHost: Int
        var total: Int
        var idleTimeout: Duration
    }

    /// What identifies a connection: the same host reached as the same user with the same
    /// credential. A changed inventory entry or credential gets a new connection.
    struct Key: Hashable, Sendable {
        var address: String
        var port: Int
        var user: String
        var credential: String
    }

    private struct Entry {
        var connecting: Task<SSHConnection, any Error>
        var lastUsed: ContinuousClock.Instant
        var inUse: Int
    }

    private let limits: Limits
    private let total: ConcurrencyLimiter
    private var perHost: [String: ConcurrencyLimiter] = [:]
    private var entries: [Key: Entry] = [:]

    init(limits: Limits) {
        self.limits = limits
        self.total = ConcurrencyLimiter(limit: limits.total)
    }

    /// Runs `body` on a connection for `key` once the host and the node have a free slot.
    func withSession<Value: Sendable>(
        host: String, key: Key, connect: @escaping @Sendable () async throws -> SSHConnection,
        _ body: @Sendable (SSHConnection) async throws -> Value
    ) async throws -> Value {
        let hostLimit = perHost[host] ?? ConcurrencyLimiter(limit: limits.perHost)
        perHost[host] = hostLimit
        guard await total.acquire() else { throw CancellationError() }
        guard await hostLimit.acquire() else {
            await total.release()
            throw CancellationError()
        }
        let result: Result<Value, any Error>
        do {
            closeIdle()
            let connection = try await connection(for: key, connect: connect)
            do {
                result = .success(try await body(connection))
            } catch {
                result = .failure(error)
            }
            finished(key)
        } catch {
            result = .failure(error)
        }
        await hostLimit.release()
        await total.release()
        return try result.get()
    }

    /// Closes every connection (at shutdown).
    func closeAll() async {
        let all = entries.values.map(\.connecting)
        entries.removeAll()
        for task in all {
            if let connection = try? await task.value { await connection.close() }
        }
    }

    private func connection(for key: Key, connect: @escaping @Sendable () async throws -> SSHConnection) async throws -> SSHConnection {
        if let entry = entries[key] {
            let connection: SSHConnection
            do {
                connection = try await entry.connecting.value
            } catch {
                // Everyone who waited for this handshake gets its error.
                if entries[key]?.connecting == entry.connecting { entries[key] = nil }
                throw error
            }
            if connection.isActive {
                entries[key]?.inUse += 1
                return connection
            }
            if entries[key]?.connecting == entry.connecting {
                entries[key] = nil
            } else if entries[key] != nil {
                // Someone else is already connecting afresh.
                return try await self.connection(for: key, connect: connect)
            }
        }
        let task = Task { try await connect() }
        entries[key] = Entry(connecting: task, lastUsed: .now, inUse: 1)
        do {
            return try await task.value
        } catch {
            if entries[key]?.connecting == task { entries[key] = nil }
            throw error
        }
    }

    private func finished(_ key: Key) {
        entries[key]?.inUse -= 1
        entries[key]?.lastUsed = .now
    }

    private func closeIdle() {
        let now = ContinuousClock.now
        for (key, entry) in entries where entry.inUse <= 0 && now - entry.lastUsed > limits.idleTimeout {
            entries[key] = nil
            Task { try? await entry.connecting.value.close() }
        }
    }
}
