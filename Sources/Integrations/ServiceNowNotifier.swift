import AsyncHTTPClient
public import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
public import RemediatorCore

/// Records a closed incident as a resolved ServiceNow incident, through the Table API.
///
/// ServiceNow has no idempotency header, so the notifier looks before it writes: the
/// ticket carries the Remediator incident id in `correlation_id`, and a delivery first asks
/// for a ticket with that id. None: one is created, already resolved. An open one (opened
/// by a person or an earlier integration): it is resolved with the close notes. None, but
/// the incident's alerts came from ServiceNow itself with a ticket's `sys_id` as their
/// id: that ticket is resolved and given the correlation id. A ticket already resolved,
/// closed or cancelled is left alone. A redelivery after a crash therefore finds its own
/// ticket and writes nothing.
public struct ServiceNowNotifier: IncidentNotifier {
    public struct Credentials: Sendable, CustomStringConvertible {
        public var user: String
        public var password: String

        public init(user: String, password: String) {
            self.user = user
            self.password = password
        }

        public var description: String { "\(user):<redacted>" }
    }

    public let name = "servicenow"
    /// The instance, e.g. `https://example.service-now.com`.
    let instance: URL
    let credentials: Credentials
    /// `close_code` of resolved tickets; "Solution provided" is the out-of-the-box choice.
    let closeCode: String
    let transport: IntegrationTransport

    /// Incident states that mean "done": Resolved, Closed, Canceled.
    static let finishedStates: Set<String> = ["6", "7", "8"]

    public init(instance: URL, credentials: Credentials, closeCode: String = "Solution provided", transport: IntegrationTransport) {
        self.instance = instance
        self.credentials = credentials
        self.closeCode = closeCode
        self.transport = transport
    }

    public func deliver(_ notice: IncidentNotice) async throws {
        if let ticket = try await ticket(correlatedWith: notice.incidentID) {
            guard !Self.finishedStates.contains(ticket.state ?? "") else { return }
            try await write(.PATCH, path: "/api/now/table/incident/\(try Self.checked(ticket.sysID))", fields: resolution(of: notice))
        } else if let origin = try await originatingTicket(of: notice) {
            // The incident came from this ticket, which no other tool has claimed: resolve
            // it and link it to the incident. A redelivery finds it resolved.
            guard !Self.finishedStates.contains(origin.state ?? "") else { return }
            let fields = resolution(of: notice).merging(["correlation_id": notice.incidentID, "correlation_display": "Remediator"]) { $1 }
            try await write(.PATCH, path: "/api/now/table/incident/\(try Self.checked(origin.sysID))", fields: fields)
        } else {
            try await write(.POST, path: "/api/now/table/incident", fields: opening(of: notice).merging(resolution(of: notice)) { $1 })
        }
    }

    /// The ticket that raised the incident, when its alerts came from ServiceNow with the
    /// ticket's `sys_id` as their id, the ticket still exists and no tool has put its own
    /// correlation id on it (a ticket linked elsewhere is not ours to resolve).
    func originatingTicket(of notice: IncidentNotice) async throws -> Ticket? {
        guard notice.source == "servicenow", let sysID = notice.sourceReference, Self.isSysID(sysID) else { return nil }
        let ticket: Ticket
        do {
            ticket = try await read("/api/now/table/incident/\(sysID)", query: [Self.ticketFields], as: Ticket.self)
        } catch let error as IntegrationError where error.kind == .rejected(status: 404) {
            return nil
        }
        guard ticket.sysID == sysID, (ticket.correlationID ?? "").isEmpty else { return nil }
        return ticket
    }

    /// The ticket whose `correlation_id` is the incident's id, if there is one.
    func ticket(correlatedWith incidentID: String) async throws -> Ticket? {
        // Incident ids are generated here (letters, digits, '-'), but the encoded query
        // language treats '^' and ',' specially: refuse anything else outright.
        guard !incidentID.isEmpty, incidentID.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw IntegrationError(integration: name, kind: .invalid, message: "incident id '\(incidentID)' cannot be used in a ServiceNow query")
        }
        let query = [
            URLQueryItem(name: "sysparm_query", value: "correlation_id=\(incidentID)"), Self.ticketFields,
            URLQueryItem(name: "sysparm_limit", value: "1"),
        ]
        // ServiceNow drops a query condition it finds invalid and answers with other
        // records: only a record that really carries the id counts.
        return try await read("/api/now/table/incident", query: query, as: [Ticket].self).first { $0.correlationID == incidentID }
    }

    static let ticketFields = URLQueryItem(name: "sysparm_fields", value: "sys_id,number,state,correlation_id")

    /// A ServiceNow record id: 32 hex digits.
    static func isSysID(_ text: String) -> Bool {
        text.utf8.count == 32 && text.allSatisfy { $0.isASCII && $0.isHexDigit }
    }

    /// The id of a ticket found, before it goes into a path.
    static func checked(_ sysID: String) throws -> String {
        guard isSysID(sysID) else {
            throw IntegrationError(integration: "servicenow", kind: .badResponse, message: "the ticket found has a sys_id that is not 32 hex digits")
        }
        return sysID
    }

    /// GETs a Table API resource and decodes its `result`.
    private func read<Result: Decodable>(_ path: String, query: [URLQueryItem], as type: Result.Type) async throws -> Result {
        var components = URLComponents(url: endpoint(path), resolvingAgainstBaseURL: false)
        components?.queryItems = query
        guard let url = components?.url else {
            throw IntegrationError(integration: name, kind: .invalid, message: "cannot build the URL of \(path)")
        }
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .GET
        addHeaders(to: &request)
        let answer = try await transport.send(request)
        do {
            return try JSONDecoder().decode(TableResult<Result>.self, from: answer.body).result
        } catch {
            throw IntegrationError(integration: name, kind: .badResponse, message: "the answer to GET \(path) is not a Table API result")
        }
    }

    private func write(_ method: HTTPMethod, path: String, fields: [String: String]) async throws {
        var request = HTTPClientRequest(url: endpoint(path).absoluteString)
        request.method = method
        addHeaders(to: &request)
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(data: try JSONEncoder().encode(fields)))
        let answer = try await transport.send(request)
        guard (try? JSONDecoder().decode(TableResult<Ticket>.self, from: answer.body)) != nil else {
            throw IntegrationError(integration: name, kind: .badResponse, message: "the answer to \(method.rawValue) \(path) is not a Table API record")
        }
    }

    private func addHeaders(to request: inout HTTPClientRequest) {
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: "remediator")
        let token = Data("\(credentials.user):\(credentials.password)".utf8).base64EncodedString()
        request.headers.add(name: "Authorization", value: "Basic \(token)")
    }

    private func endpoint(_ path: String) -> URL {
        instance.appending(path: path.hasPrefix("/") ? String(path.dropFirst()) : path)
    }

    /// The fields of a new ticket.
    func opening(of notice: IncidentNotice) -> [String: String] {
        let (impact, urgency) = Self.impactAndUrgency(notice.severity)
        return [
            "correlation_id": notice.incidentID,
            "correlation_display": "Remediator",
            "short_description": String(notice.title.prefix(160)),
            "description": "Alert from \(notice.source) on \(notice.host)\(notice.service.isEmpty ? "" : " (\(notice.service))"), opened \(notice.openedAt.formatted(.iso8601)).",
            "impact": impact,
            "urgency": urgency,
        ]
    }

    /// The fields that resolve a ticket: state, close code, close notes and a work note
    /// listing the steps that ran.
    func resolution(of notice: IncidentNotice) -> [String: String] {
        var notes = "Resolved by Remediator: \(notice.reason)."
        if let summary = notice.planSummary { notes += " Plan: \(summary)" }
        if let runbook = notice.runbookID { notes += " (runbook \(runbook))" }
        let steps = notice.steps.map { step in
            "- \(step.name) on \(step.host): \(step.status)\(step.exitCode.map { ", exit \($0)" } ?? "")"
        }
        return [
            "state": "6",
            "close_code": closeCode,
            "close_notes": notes,
            "work_notes": (["Remediator incident \(notice.incidentID)"] + (steps.isEmpty ? ["No step ran on a host."] : steps)).joined(separator: "\n"),
        ]
    }

    static func impactAndUrgency(_ severity: Severity) -> (String, String) {
        switch severity {
        case .critical: ("1", "1")
        case .high: ("1", "2")
        case .medium: ("2", "2")
        case .low: ("3", "2")
        case .info: ("3", "3")
        }
    }

    struct TableResult<Result: Decodable>: Decodable {
        let result: Result
    }

    struct Ticket: Decodable {
        let sysID: String
        let number: String?
        let state: String?
        let correlationID: String?

        enum CodingKeys: String, CodingKey {
            case sysID = "sys_id"
            case correlationID = "correlation_id"
            case number, state
        }
    }
}
