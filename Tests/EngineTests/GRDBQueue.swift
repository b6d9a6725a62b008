import Foundation
import GRDB

/// Direct database access for tests that simulate corruption or tampering.
struct GRDBQueue {
    let queue: DatabaseQueue

    init(path: String) throws {
        queue = try DatabaseQueue(path: path)
    }

    /// Changes the stored plan's remediate script without updating its hash.
    func tamperPlanScript(incidentID: String) async throws {
        try await queue.write { db in
            guard let plan = try String.fetchOne(db, sql: "SELECT plan FROM incidents WHERE id = ?", arguments: [incidentID]) else { return }
            let tampered = plan.replacingOccurrences(of: "set -euo pipefail", with: "set -euo pipefail; echo tampered")
            try db.execute(sql: "UPDATE incidents SET plan = ? WHERE id = ?", arguments: [tampered, incidentID])
        }
    }
}
