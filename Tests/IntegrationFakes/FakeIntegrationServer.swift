public import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import RemediatorCore

/// A ServiceNow instance's Table API (`/api/now/table/incident`) and a webhook receiver,
/// played by one local server on 127.0.0.1.
///
/// ServiceNow's side checks Basic credentials and answers in the Table API's shapes
/// (`{"result": ...}`, `{"error": {...}, "status": "failure"}`); the receiver keeps the
/// first delivery per `Idempotency-Key` and counts the rest. Scripted statuses answer the
/// next requests instead, to play an outage.
public actor FakeIntegrationServer {
    public struct Received: Sendable {
        public let method: String
        public let path: String
        public let query: String
    }

    public struct Delivery: Sendable {
        public let key: String
        public let body: Data
        public let signature: String?
    }

    nonisolated public let user: String
    nonisolated public let password: String
    public private(set) var tickets: [String: [String: String]] = [:]
    public private(set) var requests: [Received] = []
    /// First delivery per idempotency key, and how many times each key arrived.
    public private(set) var deliveries: [String: Delivery] = [:]
    public private(set) var arrivals: [String: Int] = [:]
    private var scripted: [Int] = []
    /// While false every request is answered 503, as during an outage.
    public private(set) var available = true
    /// Requests answered with an outage status (scripted or unavailable), on either API.
    public private(set) var refused = 0
    /// Redeliveries whose body differed from the first delivery under the same key.
    public private(set) var changedRedeliveries = 0

    /// Requests that are carried out but not answered until the hold is lifted: the
    /// window in which a sender that dies cannot know its request took effect.
    public enum Hold: Sendable {
        case none
        case webhook
        case serviceNowWrites
    }

    private var hold = Hold.none
    /// Plays ServiceNow dropping a query condition it finds invalid: every search answers
    /// with all records.
    public private(set) var ignoresQueries = false

    public func ignoreQueries(_ ignore: Bool) {
        ignoresQueries = ignore
    }

    public func hold(_ hold: Hold) {
        self.hold = hold
    }

    /// Waits while `kind` is held.
    private func waitWhileHeld(_ kind: Hold) async {
        while hold == kind {
            try? await Task.sleep(for: .milliseconds(50))
        }
    }
    private var nextNumber = 10_001

    public init(user: String = "remediator", password: String = "s3cret-pa55word") {
        self.user = user
        self.password = password
    }

    /// The next requests are answered with these statuses.
    public func fail(with statuses: [Int]) {
        scripted += statuses
    }

    public func setAvailable(_ available: Bool) {
        self.available = available
    }

    /// The status to answer instead of serving the request, if any.
    private func outage() -> HTTPResponse.Status? {
        if !scripted.isEmpty {
            refused += 1
            return HTTPResponse.Status(code: scripted.removeFirst())
        }
        guard available else {
            refused += 1
            return .serviceUnavailable
        }
        return nil
    }

    /// Adds a ticket as if a person had opened it; returns its sys_id.
    public func open(_ fields: [String: String]) -> String {
        let sysID = Self.newSysID()
        tickets[sysID] = fields.merging(["sys_id": sysID, "number": "INC00\(nextNumber)", "state": fields["state"] ?? "1"]) { $1 }
        nextNumber += 1
        return sysID
    }

    public func tickets(correlatedWith id: String) -> [[String: String]] {
        tickets.values.filter { $0["correlation_id"] == id }
    }

    /// Runs `body` with the server listening; `body` gets its base URL.
    public func serve<T: Sendable>(_ body: @Sendable (URL) async throws -> T) async throws -> T {
        let router = Router()
        router.on("/api/now/table/incident", method: .get) { request, _ in await self.table(request, sysID: nil, body: Data()) }
        router.on("/api/now/table/incident", method: .post) { request, _ in
            let response = await self.table(request, sysID: nil, body: Data(buffer: try await request.body.collect(upTo: 1 << 20)))
            await self.waitWhileHeld(.serviceNowWrites)
            return response
        }
        router.on("/api/now/table/incident/:sys_id", method: .get) { request, context in
            await self.table(request, sysID: context.parameters.get("sys_id"), body: Data())
        }
        router.on("/api/now/table/incident/:sys_id", method: .patch) { request, context in
            let response = await self.table(request, sysID: context.parameters.get("sys_id"), body: Data(buffer: try await request.body.collect(upTo: 1 << 20)))
            await self.waitWhileHeld(.serviceNowWrites)
            return response
        }
        // A receiver that moved: a POST answered with a redirect to the real one.
        router.post("/moved") { _, _ in
            var response = Response(status: .found)
            response.headers[.location] = "/hook"
            return response
        }
        // A receiver that sends its headers and then trickles a byte every 100 ms for
        // 30 s (no read timeout fires); it stops when the client hangs up.
        router.post("/stall") { _, _ in
            Response(status: .ok, body: ResponseBody { writer in
                for _ in 0..<300 {
                    try await writer.write(ByteBuffer(string: " "))
                    try await Task.sleep(for: .milliseconds(100))
                }
                try await writer.finish(nil)
            })
        }
        router.post("/hook") { request, _ in
            let body = Data(buffer: try await request.body.collect(upTo: 1 << 20))
            let response = await self.hook(key: request.headers[HTTPField.Name("Idempotency-Key")!], signature: request.headers[HTTPField.Name("X-Remediator-Signature")!], body: body)
            await self.waitWhileHeld(.webhook)
            return response
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        return try await app.test(.live) { client in
            guard let port = client.port, let url = URL(string: "http://127.0.0.1:\(port)") else { throw URLError(.badURL) }
            return try await body(url)
        }
    }

    private func hook(key: String?, signature: String?, body: Data) -> Response {
        if let status = outage() { return Self.json(status, #"{"error":"outage"}"#) }
        guard let key else { return Self.json(.badRequest, #"{"error":"no Idempotency-Key"}"#) }
        arrivals[key, default: 0] += 1
        if let first = deliveries[key] {
            if first.body != body { changedRedeliveries += 1 }
        } else {
            deliveries[key] = Delivery(key: key, body: body, signature: signature)
        }
        return Self.json(.ok, #"{"ok":true}"#)
    }

    private func table(_ request: Request, sysID: String?, body: Data) -> Response {
        requests.append(Received(method: request.method.rawValue, path: request.uri.path, query: request.uri.query ?? ""))
        if let status = outage() {
            return Self.json(status, #"{"error":{"message":"outage","detail":null},"status":"failure"}"#)
        }
        let expected = "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
        guard request.headers[.authorization] == expected else {
            return Self.json(.unauthorized, #"{"error":{"message":"User Not Authenticated","detail":"Required to provide Auth information"},"status":"failure"}"#)
        }
        switch request.method {
        case .get where sysID != nil:
            guard let sysID, let ticket = tickets[sysID] else {
                return Self.json(.notFound, #"{"error":{"message":"No Record found","detail":"Record doesn't exist or ACL restricts the record retrieval"},"status":"failure"}"#)
            }
            let fields = request.uri.queryParameters.get("sysparm_fields").map { Set($0.split(separator: ",").map(String.init)) }
            return Self.json(.ok, Self.encode(["result": fields.map { wanted in ticket.filter { wanted.contains($0.key) } } ?? ticket]))
        case .get:
            let query = request.uri.queryParameters.get("sysparm_query") ?? ""
            let matches = tickets.values.filter { ticket in
                ignoresQueries || query.split(separator: "^").allSatisfy { condition in
                    let parts = condition.split(separator: "=", maxSplits: 1).map(String.init)
                    return parts.count == 2 && ticket[parts[0]] == parts[1]
                }
            }
            let limit = request.uri.queryParameters.get("sysparm_limit").flatMap(Int.init) ?? 10_000
            let fields = request.uri.queryParameters.get("sysparm_fields").map { Set($0.split(separator: ",").map(String.init)) }
            let result = matches.prefix(limit).map { ticket in fields.map { wanted in ticket.filter { wanted.contains($0.key) } } ?? ticket }
            return Self.json(.ok, Self.encode(["result": result]))
        case .post:
            guard let fields = try? JSONDecoder().decode([String: String].self, from: body) else {
                return Self.json(.badRequest, #"{"error":{"message":"Exception while reading request","detail":"The payload is not valid JSON."},"status":"failure"}"#)
            }
            let sysID = open(fields)
            return Self.json(.created, Self.encode(["result": tickets[sysID] ?? [:]]))
        default:
            guard let sysID, var ticket = tickets[sysID] else {
                return Self.json(.notFound, #"{"error":{"message":"No Record found","detail":"Record doesn't exist or ACL restricts the record retrieval"},"status":"failure"}"#)
            }
            guard let fields = try? JSONDecoder().decode([String: String].self, from: body) else {
                return Self.json(.badRequest, #"{"error":{"message":"Exception while reading request","detail":"The payload is not valid JSON."},"status":"failure"}"#)
            }
            // Work notes are a journal: each write appends an entry.
            for (name, value) in fields {
                ticket[name] = name == "work_notes" ? [ticket[name], value].compactMap { $0 }.joined(separator: "\n---\n") : value
            }
            tickets[sysID] = ticket
            return Self.json(.ok, Self.encode(["result": ticket]))
        }
    }

    public static func newSysID() -> String {
        Hex.string((0..<16).map { _ in UInt8.random(in: 0...255) })
    }

    static func encode(_ value: some Encodable) -> String {
        String(decoding: (try? JSONEncoder().encode(value)) ?? Data(), as: UTF8.self)
    }

    static func json(_ status: HTTPResponse.Status, _ text: String) -> Response {
        var response = Response(status: status, body: .init(byteBuffer: ByteBuffer(string: text)))
        response.headers[.contentType] = "application/json"
        return response
    }
}
