import Foundation
import GRDB
import RemediatorCore

/// An incident read inside a write transaction with its details still in their stored
/// JSON text: decoding them (the context holds whole runbooks) is CPU that the single
/// writer, and every transaction queued behind it, need not wait for.
struct StoredIncident: Sendable {
    /// The incident without details.
    var incident: Incident
    var context: String?
    var plan: String?
    var safety: String?

    init(_ row: Row, details: IncidentDetails) throws {
        incident = try SQLiteRows.incident(row, details: [])
        context = details.contains(.context) ? row["context"] : nil
        plan = details.contains(.plan) ? row["plan"] : nil
        safety = details.contains(.safety) ? row["safety"] : nil
    }

    /// The incident with its details decoded; call it after the transaction.
    func decoded() throws -> Incident {
        var incident = incident
        incident.context = try Columns.decode(IncidentContext.self, from: context)
        incident.plan = try Columns.decode(Plan.self, from: plan)
        incident.safety = try Columns.decode(PlanSafetyReport.self, from: safety)
        return incident
    }
}
