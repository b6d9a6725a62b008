import Foundation
import RemediatorCore

/// Row → domain value decoding, the same for both stores (they share the schema's column
/// names and types). A value that does not decode means the database holds something
/// this version did not write: that is reported, not guessed.
enum StoredRows {
    struct Corrupt: Error, CustomStringConvertible {
        var description: String
    }

    static func incident(_ row: some StoredRow, details: IncidentDetails = .all) throws -> Incident {
        func value<T: RawRepresentable>(_ type: T.Type, _ column: String) throws -> T where T.RawValue == String {
            let raw = try row.text(column)
            guard let value = T(rawValue: raw) else { throw Corrupt(description: "incidents.\(column) holds unknown value '\(raw)'") }
            return value
        }
        return Incident(
            id: try row.text("id"),
            tenantID: TenantID(try row.text("tenant_id")),
            fingerprint: try row.text("fingerprint"),
            state: try value(IncidentState.self, "state"),
            stateReason: try row.text("state_reason"),
            source: try row.text("source"),
            alertName: try row.text("alert_name"),
            title: try row.text("title"),
            description: try row.text("description"),
            severity: try value(Severity.self, "severity"),
            host: try row.text("host"),
            service: try row.text("service"),
            labels: try Columns.decode([String: String].self, from: try row.text("labels")) ?? [:],
            alertCount: Int(try row.integer("alert_count")),
            createdAt: Columns.date(try row.integer("created_at")),
            updatedAt: Columns.date(try row.integer("updated_at")),
            resolvedAt: Columns.date(try row.optionalInteger("resolved_at")),
            sourceResolvedAt: Columns.date(try row.optionalInteger("source_resolved_at")),
            shadow: try row.optionalText("shadow"),
            shadowOutcome: (try row.optionalText("shadow_outcome")).flatMap(ShadowReport.Outcome.init(rawValue:)),
            context: details.contains(.context) ? try Columns.decode(IncidentContext.self, from: try row.optionalText("context")) : nil,
            plan: details.contains(.plan) ? try Columns.decode(Plan.self, from: try row.optionalText("plan")) : nil,
            safety: details.contains(.safety) ? try Columns.decode(PlanSafetyReport.self, from: try row.optionalText("safety")) : nil
        )
    }

    static func alert(_ row: some StoredRow) throws -> Alert {
        let statusText = try row.text("status")
        let severityText = try row.text("severity")
        guard let status = AlertStatus(rawValue: statusText), let severity = Severity(rawValue: severityText) else {
            throw Corrupt(description: "alert \(try row.text("id")) has an unknown status or severity")
        }
        let content = NormalizedAlert(
            source: try row.text("source"),
            status: status,
            severity: severity,
            alertName: try row.text("alert_name"),
            title: try row.text("title"),
            description: try row.text("description"),
            host: try row.text("host"),
            service: try row.text("service"),
            externalID: try row.text("external_id"),
            fingerprint: try row.text("fingerprint"),
            labels: try Columns.decode([String: String].self, from: try row.text("labels")) ?? [:],
            annotations: try Columns.decode([String: String].self, from: try row.text("annotations")) ?? [:],
            startsAt: Columns.date(try row.optionalInteger("starts_at")),
            endsAt: Columns.date(try row.optionalInteger("ends_at"))
        )
        return Alert(
            id: try row.text("id"), tenantID: TenantID(try row.text("tenant_id")), incidentID: try row.optionalText("incident_id"),
            receivedAt: Columns.date(try row.integer("received_at")), content: content
        )
    }

    static func job(_ row: some StoredRow) throws -> Job {
        let stageText = try row.text("stage")
        let stateText = try row.text("state")
        guard let stage = Stage(rawValue: stageText), let state = Job.State(rawValue: stateText) else {
            throw Corrupt(description: "job \(try row.text("id")) has an unknown stage or state")
        }
        return Job(
            id: try row.text("id"), tenantID: TenantID(try row.text("tenant_id")), incidentID: try row.text("incident_id"),
            stage: stage, state: state, attempts: Int(try row.integer("attempts")), maxAttempts: Int(try row.integer("max_attempts")),
            leaseOwner: try row.optionalText("lease_owner"), leaseToken: try row.optionalText("lease_token"),
            leaseExpiresAt: Columns.date(try row.optionalInteger("lease_expires_at")),
            nextRunAt: Columns.date(try row.integer("next_run_at")), lastError: try row.optionalText("last_error"),
            createdAt: Columns.date(try row.integer("created_at")), updatedAt: Columns.date(try row.integer("updated_at"))
        )
    }

    static func approval(_ row: some StoredRow) throws -> Approval {
        let decisionText = try row.text("decision")
        guard let decision = Approval.Decision(rawValue: decisionText) else {
            throw Corrupt(description: "approval \(try row.text("id")) has an unknown decision")
        }
        return Approval(
            id: try row.text("id"), tenantID: TenantID(try row.text("tenant_id")), incidentID: try row.text("incident_id"),
            planHash: try row.text("plan_hash"), decision: decision, actor: try row.text("actor"), comment: try row.text("comment"),
            createdAt: Columns.date(try row.integer("created_at"))
        )
    }

    static func execution(_ row: some StoredRow) throws -> Execution {
        let stageText = try row.text("stage")
        let roleText = try row.text("role")
        let statusText = try row.text("status")
        guard let stage = Stage(rawValue: stageText), let role = StepRole(rawValue: roleText),
              let status = Execution.Status(rawValue: statusText) else {
            throw Corrupt(description: "execution \(try row.text("id")) has an unknown stage, role or status")
        }
        return Execution(
            id: try row.text("id"), tenantID: TenantID(try row.text("tenant_id")), incidentID: try row.text("incident_id"),
            idempotencyKey: try row.text("idempotency_key"), stage: stage, step: try row.text("step"), role: role,
            executor: try row.text("executor"), host: try row.text("host"), command: try row.text("command"), status: status,
            exitCode: (try row.optionalInteger("exit_code")).map { Int32(truncatingIfNeeded: $0) },
            stdout: try row.text("stdout"), stderr: try row.text("stderr"), truncated: try row.flag("truncated"),
            startedAt: Columns.date(try row.integer("started_at")), finishedAt: Columns.date(try row.optionalInteger("finished_at"))
        )
    }

    static func auditEvent(_ row: some StoredRow) throws -> AuditEvent {
        AuditEvent(
            sequence: try row.integer("sequence"), tenantID: TenantID(try row.text("tenant_id")),
            at: Columns.date(try row.integer("at")), actor: try row.text("actor"), action: try row.text("action"),
            subject: try row.text("subject"), details: try Columns.decode([String: String].self, from: try row.text("details")) ?? [:],
            previousHash: try row.text("previous_hash"), hash: try row.text("hash")
        )
    }
}
