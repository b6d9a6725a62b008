import Foundation
import RemediatorCore

/// An incident read inside a write transaction with its details still in their stored
/// JSON text: decoding them (the context holds whole runbooks) is CPU that a writer, and
/// every transaction queued behind it, need not wait for.
struct StoredIncident: Sendable {
    /// The incident without details.
    var incident: Incident
    var context: String?
    var plan: String?
    var safety: String?

    init(_ row: some StoredRow, details: IncidentDetails) throws {
        incident = try StoredRows.incident(row, details: [])
        context = details.contains(.context) ? try row.optionalText("context") : nil
        plan = details.contains(.plan) ? try row.optionalText("plan") : nil
        safety = details.contains(.safety) ? try row.optionalText("safety") : nil
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
