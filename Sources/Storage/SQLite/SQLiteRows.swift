import Foundation
import GRDB
import RemediatorCore

/// Row → domain value decoding for the SQLite store. A value that does not decode means
/// the database holds something this version did not write: that is reported, not guessed.
enum SQLiteRows {
    struct Corrupt: Error, CustomStringConvertible {
        var description: String
    }

    static func incident(_ row: Row, details: IncidentDetails = .all) throws -> Incident {
        func value<T: RawRepresentable>(_ type: T.Type, _ column: String) throws -> T where T.RawValue == String {
            let raw: String = row[column]
            guard let value = T(rawValue: raw) else { throw Corrupt(description: "incidents.\(column) holds unknown value '\(raw)'") }
            return value
        }
        return Incident(
            id: row["id"],
            tenantID: TenantID(row["tenant_id"] as String),
            fingerprint: row["fingerprint"],
            state: try value(IncidentState.self, "state"),
            stateReason: row["state_reason"],
            source: row["source"],
            alertName: row["alert_name"],
            title: row["title"],
            description: row["description"],
            severity: try value(Severity.self, "severity"),
            host: row["host"],
            service: row["service"],
            labels: try Columns.decode([String: String].self, from: row["labels"]) ?? [:],
            alertCount: row["alert_count"],
            createdAt: Columns.date(row["created_at"] as Int64),
            updatedAt: Columns.date(row["updated_at"] as Int64),
            resolvedAt: Columns.date(row["resolved_at"] as Int64?),
            sourceResolvedAt: Columns.date(row["source_resolved_at"] as Int64?),
            shadow: row["shadow"],
            shadowOutcome: (row["shadow_outcome"] as String?).flatMap(ShadowReport.Outcome.init(rawValue:)),
            context: details.contains(.context) ? try Columns.decode(IncidentContext.self, from: row["context"]) : nil,
            plan: details.contains(.plan) ? try Columns.decode(Plan.self, from: row["plan"]) : nil,
            safety: details.contains(.safety) ? try Columns.decode(PlanSafetyReport.self, from: row["safety"]) : nil
        )
    }

    static func alert(_ row: Row) throws -> Alert {
        let statusText: String = row["status"]
        let severityText: String = row["severity"]
        guard let status = AlertStatus(rawValue: statusText), let severity = Severity(rawValue: severityText) else {
            throw Corrupt(description: "alert \(row["id"] as String) has an unknown status or severity")
        }
        let content = NormalizedAlert(
            source: row["source"],
            status: status,
            severity: severity,
            alertName: row["alert_name"],
            title: row["title"],
            description: row["description"],
            host: row["host"],
            service: row["service"],
            externalID: row["external_id"],
            fingerprint: row["fingerprint"],
            labels: try Columns.decode([String: String].self, from: row["labels"]) ?? [:],
            annotations: try Columns.decode([String: String].self, from: row["annotations"]) ?? [:],
            startsAt: Columns.date(row["starts_at"] as Int64?),
            endsAt: Columns.date(row["ends_at"] as Int64?)
        )
        return Alert(
            id: row["id"], tenantID: TenantID(row["tenant_id"] as String), incidentID: row["incident_id"],
            receivedAt: Columns.date(row["received_at"] as Int64), content: content
        )
    }

    static func job(_ row: Row) throws -> Job {
        let stageText: String = row["stage"]
        let stateText: String = row["state"]
        guard let stage = Stage(rawValue: stageText), let state = Job.State(rawValue: stateText) else {
            throw Corrupt(description: "job \(row["id"] as String) has an unknown stage or state")
        }
        return Job(
            id: row["id"], tenantID: TenantID(row["tenant_id"] as String), incidentID: row["incident_id"],
            stage: stage, state: state, attempts: row["attempts"], maxAttempts: row["max_attempts"],
            leaseOwner: row["lease_owner"], leaseToken: row["lease_token"],
            leaseExpiresAt: Columns.date(row["lease_expires_at"] as Int64?),
            nextRunAt: Columns.date(row["next_run_at"] as Int64), lastError: row["last_error"],
            createdAt: Columns.date(row["created_at"] as Int64), updatedAt: Columns.date(row["updated_at"] as Int64)
        )
    }

    static func approval(_ row: Row) throws -> Approval {
        let decisionText: String = row["decision"]
        guard let decision = Approval.Decision(rawValue: decisionText) else {
            throw Corrupt(description: "approval \(row["id"] as String) has an unknown decision")
        }
        return Approval(
            id: row["id"], tenantID: TenantID(row["tenant_id"] as String), incidentID: row["incident_id"],
            planHash: row["plan_hash"], decision: decision, actor: row["actor"], comment: row["comment"],
            createdAt: Columns.date(row["created_at"] as Int64)
        )
    }

    static func execution(_ row: Row) throws -> Execution {
        let stageText: String = row["stage"]
        let roleText: String = row["role"]
        let statusText: String = row["status"]
        guard let stage = Stage(rawValue: stageText), let role = StepRole(rawValue: roleText),
              let status = Execution.Status(rawValue: statusText) else {
            throw Corrupt(description: "execution \(row["id"] as String) has an unknown stage, role or status")
        }
        return Execution(
            id: row["id"], tenantID: TenantID(row["tenant_id"] as String), incidentID: row["incident_id"],
            idempotencyKey: row["idempotency_key"], stage: stage, step: row["step"], role: role,
            executor: row["executor"], host: row["host"], command: row["command"], status: status,
            exitCode: (row["exit_code"] as Int64?).map { Int32(truncatingIfNeeded: $0) },
            stdout: row["stdout"], stderr: row["stderr"], truncated: row["truncated"],
            startedAt: Columns.date(row["started_at"] as Int64), finishedAt: Columns.date(row["finished_at"] as Int64?)
        )
    }

    static func auditEvent(_ row: Row) throws -> AuditEvent {
        AuditEvent(
            sequence: row["sequence"], tenantID: TenantID(row["tenant_id"] as String),
            at: Columns.date(row["at"] as Int64), actor: row["actor"], action: row["action"],
            subject: row["subject"], details: try Columns.decode([String: String].self, from: row["details"]) ?? [:],
            previousHash: row["previous_hash"], hash: row["hash"]
        )
    }
}
