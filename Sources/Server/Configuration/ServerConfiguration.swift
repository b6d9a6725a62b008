public import Engine
import Execution
public import Integrations
public import Planning
public import RemediatorCore
public import Safety
public import Storage

/// Every setting of `remediator serve`, with the embedded single-node defaults.
///
/// Built once by ``ConfigurationLoader`` from defaults, the YAML file, `REMEDIATOR_*`
/// variables and flags (later sources win), then passed down; nothing below reads the
/// environment on its own.
public struct ServerConfiguration: Sendable, Equatable {
    public enum ExecutorKind: String, Sendable, CaseIterable {
        /// Records what would run; the default until targets are configured.
        case dryRun = "dry-run"
        /// Runs steps on this host.
        case local
    }

    public var host = "127.0.0.1"
    public var port = 8080
    public var dataDirectory = "./remediator-data"
    /// The shared PostgreSQL database (`database_url`, `postgres://...`); without one the
    /// node keeps its own SQLite database in the data directory.
    public var databaseURL: PostgresDatabaseURL?
    /// Connections this node keeps to PostgreSQL at most (`database_pool_size`).
    public var databasePoolSize = 16
    /// Largest accepted request body.
    public var maxBodyBytes = 1 << 20
    /// Sets the first admin API key on an empty store.
    public var bootstrapToken: String?
    /// The key that seals secrets at rest, base64 of 32 bytes. Never printed.
    public var secretKey: String?
    /// A file holding that key (mode 0600). Without either, `secret.key` in the data
    /// directory, created on first start.
    public var secretKeyFile: String?
    /// The hosts plans may run on (`REMEDIATOR_INVENTORY`, a YAML file, or `inventory:` in
    /// the config file); empty by default, and an alert for a host not in it never runs.
    public var inventory = Inventory.empty
    /// Directories of extra runbooks (`*.md`); same-id files replace starter runbooks.
    public var runbookDirectories: [String] = []
    public var executor = ExecutorKind.dryRun
    public var approvalMode = EngineConfiguration.ApprovalMode.human
    public var workers = 4
    /// How long a claimed job is leased (`lease_seconds`); a live worker renews it at a
    /// third of that, and another node takes the job over once it expires.
    public var leaseSeconds = 60
    /// Pending jobs past which ingest answers 429 with `Retry-After` (`max_queue_depth`);
    /// 0 never refuses.
    public var maxQueueDepth = 100_000
    /// Concurrent plan stages, in a lane of their own; 0 plans with the other workers.
    public var planWorkers = 16
    /// Concurrent execute and verify stages, in a lane of their own; 0 runs them with the
    /// other workers.
    public var executionWorkers = 8
    /// Most executions per host, and per runbook, in a window (`N/WINDOW`).
    public var hostRateLimit = RateLimit(maxRuns: 5, window: .seconds(3600))
    public var runbookRateLimit = RateLimit(maxRuns: 100, window: .seconds(3600))
    /// Seconds after a remediation during which the source's "resolved" alert counts as
    /// verification (`verify_window`).
    public var verifyWindowSeconds = 300
    /// Runbooks, host groups and tenants whose plans are shown but never run
    /// (`shadow_runbooks`, `shadow_groups`, `shadow_tenants`).
    public var shadow = ShadowMode.off
    public var nodeID = "node-1"
    public var logLevel = "info"
    /// The safety policy file the policies below came from, if any.
    public var safetyPolicyFile: String?
    /// Every environment's safety policy; the rules as they are when no file is given.
    public var safetyPolicies = SafetyPolicySet.standard
    /// The environment this node validates plans for; its policy applies.
    public var environment = SafetyPolicySet.defaultEnvironment
    /// The runbook planner (the default: no network needed) or an LLM planner.
    public var planner = PlannerConfiguration()
    /// Ticket systems and webhooks told when an incident closes.
    public var integrations = IntegrationsConfiguration()

    public init() {}

    /// The SQLite database inside the data directory.
    public var databasePath: String { dataDirectory + "/remediator.sqlite" }
}
