public import Foundation

/// A row of the durable job queue: one stage to run for one incident.
public struct Job: Sendable, Equatable, Codable, Identifiable {
    public enum State: String, Codable, Sendable {
        case queued
        case running
        case done
        /// Superseded: the incident moved on without it (resolved, cancelled).
        case cancelled
        /// Gave up after ``Job/maxAttempts``.
        case dead
    }

    public var id: String
    public var tenantID: TenantID
    public var incidentID: String
    public var stage: Stage
    public var state: State
    /// Claims so far, including the current one.
    public var attempts: Int
    public var maxAttempts: Int
    /// The worker holding the lease, and a token that changes with every claim so a worker
    /// whose lease expired cannot complete the job after another worker took it.
    public var leaseOwner: String?
    public var leaseToken: String?
    public var leaseExpiresAt: Date?
    public var nextRunAt: Date
    public var lastError: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, tenantID: TenantID, incidentID: String, stage: Stage, state: State, attempts: Int,
        maxAttempts: Int, leaseOwner: String? = nil, leaseToken: String? = nil, leaseExpiresAt: Date? = nil,
        nextRunAt: Date, lastError: String? = nil, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.tenantID = tenantID
        self.incidentID = incidentID
        self.stage = stage
        self.state = state
        self.attempts = attempts
        self.maxAttempts = maxAttempts
        self.leaseOwner = leaseOwner
        self.leaseToken = leaseToken
        self.leaseExpiresAt = leaseExpiresAt
        self.nextRunAt = nextRunAt
        self.lastError = lastError
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, stage, state, attempts
        case tenantID = "tenant_id"
        case incidentID = "incident_id"
        case maxAttempts = "max_attempts"
        case leaseOwner = "lease_owner"
        case leaseToken = "lease_token"
        case leaseExpiresAt = "lease_expires_at"
        case nextRunAt = "next_run_at"
        case lastError = "last_error"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}
