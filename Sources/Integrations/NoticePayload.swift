import Foundation
import RemediatorCore

/// The JSON body the generic webhook sends: the same bytes for every delivery of one
/// notice (no send time in it), so a receiver may compare redeliveries byte for byte.
struct NoticePayload: Encodable {
    struct Incident: Encodable {
        let id: String
        let tenantID: String
        let state: String
        let reason: String
        let title: String
        let severity: String
        let host: String
        let service: String
        let source: String
        let runbookID: String?
        let planSummary: String?
        let openedAt: Date
        let resolvedAt: Date?
        let steps: [Step]

        enum CodingKeys: String, CodingKey {
            case id, state, reason, title, severity, host, service, source, steps
            case tenantID = "tenant_id"
            case runbookID = "runbook_id"
            case planSummary = "plan_summary"
            case openedAt = "opened_at"
            case resolvedAt = "resolved_at"
        }
    }

    struct Step: Encodable {
        let name: String
        let host: String
        let status: String
        let exitCode: Int32?

        enum CodingKeys: String, CodingKey {
            case name, host, status
            case exitCode = "exit_code"
        }
    }

    let event: String
    let idempotencyKey: String
    let incident: Incident

    enum CodingKeys: String, CodingKey {
        case event, incident
        case idempotencyKey = "idempotency_key"
    }

    init(_ notice: IncidentNotice) {
        event = "incident.\(notice.state.rawValue)"
        idempotencyKey = notice.idempotencyKey
        incident = Incident(
            id: notice.incidentID, tenantID: notice.tenantID.rawValue, state: notice.state.rawValue, reason: notice.reason,
            title: notice.title, severity: notice.severity.rawValue, host: notice.host, service: notice.service, source: notice.source,
            runbookID: notice.runbookID, planSummary: notice.planSummary, openedAt: notice.openedAt, resolvedAt: notice.resolvedAt,
            steps: notice.steps.map { Step(name: $0.name, host: $0.host, status: $0.status, exitCode: $0.exitCode) }
        )
    }

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
