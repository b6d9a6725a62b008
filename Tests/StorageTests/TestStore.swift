import Foundation
import RemediatorCore
import Storage

/// A store in a fresh temporary directory, removed when the test ends.
struct TestStore {
    let directory: URL
    let store: SQLiteStore

    init(maxAttempts: [Stage: Int] = [:]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("remediator-store-\(UUID().uuidString)")
        store = try SQLiteStore(configuration: .init(path: directory.appendingPathComponent("db.sqlite").path, maxAttempts: maxAttempts))
    }

    var path: String { directory.appendingPathComponent("db.sqlite").path }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    static func alert(
        _ status: AlertStatus = .firing, fingerprint: String = "fp-1", severity: Severity = .high, host: String = "web-1"
    ) -> NormalizedAlert {
        NormalizedAlert(
            source: "generic", status: status, severity: severity, alertName: "DiskFull", title: "Disk full on \(host)",
            host: host, fingerprint: fingerprint, labels: ["mountpoint": "/var"]
        )
    }

    @discardableResult
    func ingest(_ alerts: [NormalizedAlert], tenant: TenantID = .default, at date: Date = Date()) async throws -> [IngestedAlert] {
        try await store.ingest([IngestRequest(tenantID: tenant, alerts: alerts, receivedAt: date)])[0]
    }
}
