import GRDB

/// The SQLite schema, as named migrations. A migration is never edited once released:
/// changes are new migrations appended here.
enum SQLiteMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-core") { db in
            try db.execute(sql: """
                CREATE TABLE tenants (
                    id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    created_at INTEGER NOT NULL
                );
                INSERT INTO tenants (id, name, created_at) VALUES ('default', 'Default tenant', CAST(strftime('%s','now') AS INTEGER) * 1000);

                CREATE TABLE api_keys (
                    id TEXT PRIMARY KEY NOT NULL,
                    tenant_id TEXT NOT NULL REFERENCES tenants(id),
                    name TEXT NOT NULL,
                    role TEXT NOT NULL,
                    secret_hash TEXT NOT NULL UNIQUE,
                    created_at INTEGER NOT NULL
                );

                CREATE TABLE incidents (
                    id TEXT PRIMARY KEY NOT NULL,
                    tenant_id TEXT NOT NULL REFERENCES tenants(id),
                    fingerprint TEXT NOT NULL,
                    state TEXT NOT NULL,
                    state_reason TEXT NOT NULL DEFAULT '',
                    is_open INTEGER NOT NULL,
                    source TEXT NOT NULL,
                    alert_name TEXT NOT NULL,
                    title TEXT NOT NULL,
                    description TEXT NOT NULL,
                    severity TEXT NOT NULL,
                    host TEXT NOT NULL,
                    service TEXT NOT NULL,
                    labels TEXT NOT NULL,
                    alert_count INTEGER NOT NULL,
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL,
                    resolved_at INTEGER,
                    source_resolved_at INTEGER,
                    context TEXT,
                    plan TEXT,
                    plan_hash TEXT,
                    safety TEXT
                );
                -- One open incident per fingerprint: dedup holds even under concurrent writers.
                CREATE UNIQUE INDEX incidents_open_fingerprint ON incidents(tenant_id, fingerprint) WHERE is_open = 1;
                CREATE INDEX incidents_tenant_recent ON incidents(tenant_id, id);
                CREATE INDEX incidents_tenant_state ON incidents(tenant_id, state, id);
                CREATE INDEX incidents_tenant_host ON incidents(tenant_id, host, id);

                CREATE TABLE alerts (
                    id TEXT PRIMARY KEY NOT NULL,
                    tenant_id TEXT NOT NULL REFERENCES tenants(id),
                    incident_id TEXT REFERENCES incidents(id),
                    received_at INTEGER NOT NULL,
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
                    starts_at INTEGER,
                    ends_at INTEGER
                );
                CREATE INDEX alerts_incident ON alerts(incident_id, id);
                CREATE INDEX alerts_tenant_host ON alerts(tenant_id, host, id);

                CREATE TABLE jobs (
                    id TEXT PRIMARY KEY NOT NULL,
                    tenant_id TEXT NOT NULL REFERENCES tenants(id),
                    incident_id TEXT NOT NULL REFERENCES incidents(id),
                    stage TEXT NOT NULL,
                    state TEXT NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    max_attempts INTEGER NOT NULL,
                    lease_owner TEXT,
                    lease_token TEXT,
                    lease_expires_at INTEGER,
                    next_run_at INTEGER NOT NULL,
                    last_error TEXT,
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL
                );
                CREATE INDEX jobs_due ON jobs(next_run_at) WHERE state = 'queued';
                CREATE INDEX jobs_leased ON jobs(lease_expires_at) WHERE state = 'running';
                CREATE INDEX jobs_incident ON jobs(incident_id, created_at);
                -- A stage is pending at most once per incident.
                CREATE UNIQUE INDEX jobs_active_stage ON jobs(incident_id, stage) WHERE state IN ('queued', 'running');

                CREATE TABLE approvals (
                    id TEXT PRIMARY KEY NOT NULL,
                    tenant_id TEXT NOT NULL REFERENCES tenants(id),
                    incident_id TEXT NOT NULL REFERENCES incidents(id),
                    plan_hash TEXT NOT NULL,
                    decision TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    comment TEXT NOT NULL,
                    created_at INTEGER NOT NULL
                );
                CREATE INDEX approvals_incident ON approvals(incident_id, created_at);

                CREATE TABLE executions (
                    id TEXT PRIMARY KEY NOT NULL,
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
                    exit_code INTEGER,
                    stdout TEXT NOT NULL,
                    stderr TEXT NOT NULL,
                    truncated INTEGER NOT NULL,
                    started_at INTEGER NOT NULL,
                    finished_at INTEGER
                );
                CREATE INDEX executions_incident ON executions(incident_id, started_at);

                CREATE TABLE audit_events (
                    sequence INTEGER PRIMARY KEY NOT NULL,
                    tenant_id TEXT NOT NULL,
                    at INTEGER NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    details TEXT NOT NULL,
                    previous_hash TEXT NOT NULL,
                    hash TEXT NOT NULL
                );
                CREATE INDEX audit_subject ON audit_events(tenant_id, subject, sequence);
                """)
        }
        migrator.registerMigration("v2-audit-head") { db in
            // The chain's newest entry, written with every append: deleting the newest
            // entries (which leaves a valid but shorter chain) no longer goes unnoticed.
            try db.execute(sql: """
                CREATE TABLE audit_head (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    sequence INTEGER NOT NULL,
                    hash TEXT NOT NULL
                );
                INSERT INTO audit_head (id, sequence, hash)
                    SELECT 1, COALESCE(MAX(sequence), 0), COALESCE((SELECT hash FROM audit_events ORDER BY sequence DESC LIMIT 1), '\(AuditChain.genesis)')
                    FROM audit_events;
                """)
        }
        migrator.registerMigration("v3-jobs-due-by-stage") { db in
            // Workers claim by lane (a set of stages): due jobs indexed by stage first.
            try db.execute(sql: """
                DROP INDEX jobs_due;
                CREATE INDEX jobs_due ON jobs(stage, next_run_at) WHERE state = 'queued';
                """)
        }
        migrator.registerMigration("v4-secrets") { db in
            // Sealed (AES-GCM) values only; the key never touches the database.
            try db.execute(sql: """
                CREATE TABLE secrets (
                    tenant_id TEXT NOT NULL REFERENCES tenants(id),
                    name TEXT NOT NULL,
                    sealed BLOB NOT NULL,
                    key_id TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL,
                    PRIMARY KEY (tenant_id, name)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v5-execution-pause") { db in
            // The kill switch: at most one row; present means paused.
            try db.execute(sql: """
                CREATE TABLE execution_pause (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    reason TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    since INTEGER NOT NULL
                );
                """)
        }
        migrator.registerMigration("v6-execution-runs") { db in
            // Rate limits count recent runs per host and per runbook.
            try db.execute(sql: """
                CREATE INDEX executions_host ON executions(tenant_id, host, started_at);
                CREATE INDEX executions_started ON executions(tenant_id, started_at);
                """)
        }
        migrator.registerMigration("v7-shadow-mode") { db in
            // Why an incident was planned in shadow mode, and how it left it.
            try db.execute(sql: """
                ALTER TABLE incidents ADD COLUMN shadow TEXT;
                ALTER TABLE incidents ADD COLUMN shadow_outcome TEXT;
                CREATE INDEX incidents_shadow ON incidents(tenant_id, created_at) WHERE shadow IS NOT NULL;
                """)
        }
        return migrator
    }
}
