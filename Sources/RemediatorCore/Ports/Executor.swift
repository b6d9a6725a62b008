/// Runs one approved step on one host.
public protocol Executor: Sendable {
    /// Short name recorded on every execution, e.g. `dry-run`, `local`.
    var name: String { get }

    func run(_ request: ExecutionRequest) async throws -> ExecutionOutcome
}

/// What to run, where, and with which bounds.
public struct ExecutionRequest: Sendable, Equatable {
    public var step: PlanStep
    public var host: String
    /// Whose secrets (keys, passwords) the executor may use.
    public var tenantID: TenantID
    /// The host's inventory entry: how to reach it. `nil` when no inventory is configured
    /// (only the dry-run and local executors run then).
    public var target: InventoryHost?
    /// Alert facts for the script; the only way alert text reaches it.
    public var environment: [String: String]
    /// Bytes of stdout and of stderr kept; the rest is dropped and the result marked truncated.
    public var maxOutputBytes: Int

    public init(
        step: PlanStep, host: String, tenantID: TenantID = .default, target: InventoryHost? = nil, environment: [String: String], maxOutputBytes: Int
    ) {
        self.step = step
        self.host = host
        self.tenantID = tenantID
        self.target = target
        self.environment = environment
        self.maxOutputBytes = maxOutputBytes
    }
}

/// What running a step produced.
public struct ExecutionOutcome: Sendable, Equatable {
    public var status: Execution.Status
    /// The interpreter invocation actually used, e.g. `/bin/bash -s`.
    public var command: String
    public var exitCode: Int32?
    public var stdout: String
    public var stderr: String
    public var truncated: Bool

    public init(status: Execution.Status, command: String, exitCode: Int32? = nil, stdout: String = "", stderr: String = "", truncated: Bool = false) {
        self.status = status
        self.command = command
        self.exitCode = exitCode
        self.stdout = stdout
        self.stderr = stderr
        self.truncated = truncated
    }
}
