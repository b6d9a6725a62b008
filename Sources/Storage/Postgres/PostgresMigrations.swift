import PostgresNIO

/// The PostgreSQL schema, as named migrations applied in order and recorded in
/// `schema_migrations`. A migration is never edited once released: changes are new
/// migrations appended here. The tables mirror the SQLite schema (times are integer
/// milliseconds, JSON is text), so the row decoders are shared.
enum PostgresMigrations {
    static let all: [(name: String, sql: [String])] = [
        ("v1-core", [
            """
            CREATE TABLE tenants (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            "INSERT INTO tenants (id, name, created_at) VALUES ('default', 'Default tenant', (extract(epoch FROM now()) * 1000)::bigint)",
            """
            CREATE TABLE api_keys (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                name TEXT NOT NULL,
                role TEXT NOT NULL,
                secret_hash TEXT NOT NULL UNIQUE,
                created_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE incidents (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                fingerprint TEXT NOT NULL,
                state TEXT NOT NULL,
                state_reason TEXT NOT NULL DEFAULT '',
                is_open BOOLEAN NOT NULL,
                source TEXT NOT NULL,
                alert_name TEXT NOT NULL,
                title TEXT NOT NULL,
                description TEXT NOT NULL,
                severity TEXT NOT NULL,
                host TEXT NOT NULL,
                service TEXT NOT NULL,
                labels TEXT NOT NULL,
                alert_count BIGINT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                resolved_at BIGINT,
                source_resolved_at BIGINT,
                context TEXT,
                plan TEXT,
                plan_hash TEXT,
                safety TEXT,
                shadow TEXT,
                shadow_outcome TEXT
            )
            """,
            // One open incident per fingerprint: dedup holds across nodes.
            "CREATE UNIQUE INDEX incidents_open_fingerprint ON incidents (tenant_id, fingerprint) WHERE is_open",
            "CREATE INDEX incidents_tenant_recent ON incidents (tenant_id, id)",
            "CREATE INDEX incidents_tenant_state ON incidents (tenant_id, state, id)",
            "CREATE INDEX incidents_tenant_host ON incidents (tenant_id, host, id)",
            "CREATE INDEX incidents_shadow ON incidents (tenant_id, created_at) WHERE shadow IS NOT NULL",
            """
            CREATE TABLE alerts (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                incident_id TEXT REFERENCES incidents(id),
                received_at BIGINT NOT NULL,
                source TEXT NOT NULL,
                status TEXT NOT NULL,
                severity TEXT NOT NULL,
                alert_name TEXT NOT NULL,
                title TEXT NOT NULL,
                description TEXT NOT NULL,
                host TEXT NOT NULL,
                service TEXT NOT NULL,
                external_id TEXT NOT NULL,
                fingerprint TEXT NOT NULL,
                labels TEXT NOT NULL,
                annotations TEXT NOT NULL,
                starts_at BIGINT,
                ends_at BIGINT
            )
            """,
            "CREATE INDEX alerts_incident ON alerts (incident_id, id)",
            "CREATE INDEX alerts_tenant_host ON alerts (tenant_id, host, id)",
            """
            CREATE TABLE jobs (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                incident_id TEXT NOT NULL REFERENCES incidents(id),
                stage TEXT NOT NULL,
                state TEXT NOT NULL,
                attempts BIGINT NOT NULL DEFAULT 0,
                max_attempts BIGINT NOT NULL,
                lease_owner TEXT,
                lease_token TEXT,
                lease_expires_at BIGINT,
                next_run_at BIGINT NOT NULL,
                last_error TEXT,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX jobs_due ON jobs (stage, next_run_at) WHERE state = 'queued'",
            "CREATE INDEX jobs_leased ON jobs (lease_expires_at) WHERE state = 'running'",
            "CREATE INDEX jobs_incident ON jobs (incident_id, created_at)",
            // A stage is pending at most once per incident.
            "CREATE UNIQUE INDEX jobs_active_stage ON jobs (incident_id, stage) WHERE state IN ('queued', 'running')",
            """
            CREATE TABLE approvals (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                incident_id TEXT NOT NULL REFERENCES incidents(id),
                plan_hash TEXT NOT NULL,
                decision TEXT NOT NULL,
                actor TEXT NOT NULL,
                comment TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX approvals_incident ON approvals (incident_id, created_at)",
            """
            CREATE TABLE executions (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                incident_id TEXT NOT NULL REFERENCES incidents(id),
                idempotency_key TEXT NOT NULL UNIQUE,
                stage TEXT NOT NULL,
                step TEXT NOT NULL,
                role TEXT NOT NULL,
                executor TEXT NOT NULL,
                host TEXT NOT NULL,
                command TEXT NOT NULL,
                status TEXT NOT NULL,
                exit_code BIGINT,
                stdout TEXT NOT NULL,
                stderr TEXT NOT NULL,
                truncated BOOLEAN NOT NULL,
                started_at BIGINT NOT NULL,
                finished_at BIGINT
            )
            """,
            "CREATE INDEX executions_incident ON executions (incident_id, started_at)",
            "CREATE INDEX executions_host ON executions (tenant_id, host, started_at)",
            "CREATE INDEX executions_started ON executions (tenant_id, started_at)",
            """
            CREATE TABLE audit_events (
                sequence BIGINT PRIMARY KEY,
                tenant_id TEXT NOT NULL,
                at BIGINT NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                subject TEXT NOT NULL,
                details TEXT NOT NULL,
                previous_hash TEXT NOT NULL,
                hash TEXT NOT NULL
            )
            """,
            "CREATE INDEX audit_subject ON audit_events (tenant_id, subject, sequence)",
            // The chain's newest entry; every appending transaction locks this row last, before COMMIT.
            """
            CREATE TABLE audit_head (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                sequence BIGINT NOT NULL,
                hash TEXT NOT NULL
            )
            """,
            "INSERT INTO audit_head (id, sequence, hash) VALUES (1, 0, '\(AuditChain.genesis)')",
            """
            CREATE TABLE secrets (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                name TEXT NOT NULL,
                sealed BYTEA NOT NULL,
                key_id TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                PRIMARY KEY (tenant_id, name)
            )
            """,
            """
            CREATE TABLE execution_pause (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                reason TEXT NOT NULL,
                actor TEXT NOT NULL,
                since BIGINT NOT NULL
            )
            """,
        ]),
    ]

    /// An arbitrary constant: the advisory lock nodes take while migrating.
    private static let lockKey: Int64 = 0x5245_4D45_4449_4154

    /// Applies the migrations not yet recorded, inside the caller's transaction.
    static func apply(on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.run("SELECT pg_advisory_xact_lock(\(lockKey))", logger: logger)
        try await connection.run("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)", logger: logger)
        let applied = Set(try await connection.rows("SELECT name FROM schema_migrations", logger: logger).map { try $0.text("name") })
        for migration in all where !applied.contains(migration.name) {
            for statement in migration.sql {
                try await connection.run(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
            try await connection.run(
                "INSERT INTO schema_migrations (name, applied_at) VALUES (\(migration.name), (extract(epoch FROM now()) * 1000)::bigint)",
                logger: logger
            )
        }
    }
}
