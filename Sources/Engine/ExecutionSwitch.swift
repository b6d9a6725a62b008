public import Foundation
public import RemediatorCore

/// The global kill switch (`remediator pause` / `POST /v1/execution/pause`).
///
/// While paused, no node claims execute or verify jobs, a stage about to start a step gives
/// its job back untouched, and a step already running is stopped within
/// ``EngineConfiguration/pauseCheckInterval`` and recorded as interrupted (its effect on
/// the host is unknown, so no rollback runs: a human looks). Approved incidents wait and
/// go on after `resume`.
public struct ExecutionSwitch: Sendable {
    let store: any Store
    let signal: WorkSignal

    public init(store: any Store, signal: WorkSignal) {
        self.store = store
        self.signal = signal
    }

    public func state() async throws -> ExecutionPause? {
        try await store.executionPause()
    }

    public func pause(reason: String, actor: String, at now: Date = Date()) async throws -> ExecutionPause {
        let pause = ExecutionPause(reason: reason, actor: actor, since: now)
        try await store.setExecutionPause(pause, actor: actor, at: now)
        return pause
    }

    public func resume(actor: String, at now: Date = Date()) async throws {
        try await store.setExecutionPause(nil, actor: actor, at: now)
        signal.notify()
    }
}

/// Thrown by a stage that was about to start a step while execution is paused: its job is
/// given back without counting an attempt, to run after `resume`.
struct ExecutionPaused: Error, CustomStringConvertible {
    let pause: ExecutionPause

    var description: String { "execution is paused by \(pause.actor): \(pause.reason)" }
}
