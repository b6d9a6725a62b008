/// Everything the engine and the server need from persistence, implemented by the SQLite
/// store (and later PostgreSQL) so the rest of the code does not know which one runs.
public typealias Store = IngestStore & JobQueue & IncidentStore & AuditLog & APIKeyStore & SecretStore & ExecutionControlStore
