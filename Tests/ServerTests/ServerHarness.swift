import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import RemediatorCore
import Server
import Storage
import Testing

/// A live server on an ephemeral port with its own data directory, and helpers to call it.
struct ServerHarness {
    static let adminKey = "test-admin-key-0123456789abcdef"

    let directory: URL
    var configuration: ServerConfiguration

    init(configure: (inout ServerConfiguration) -> Void = { _ in }) {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("remediator-server-\(UUID().uuidString)")
        configuration = ServerConfiguration()
        configuration.port = 0
        configuration.dataDirectory = directory.path
        configuration.bootstrapToken = Self.adminKey
        configure(&configuration)
    }

    static let operatorKey = "test-operator-key-0123456789abcdef"

    /// Creates the store with the admin key and an operator key before the server starts;
    /// returns the operator key.
    func addOperatorKey() async throws -> String {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try SQLiteStore(configuration: .init(path: configuration.databasePath))
        let now = Date()
        _ = try await store.createFirstAPIKey(APIKey(
            id: "key-admin", tenantID: .default, name: "admin", role: .admin, secretHash: APIKeys.hash(Self.adminKey), createdAt: now
        ))
        try await store.createAPIKey(APIKey(
            id: "key-operator", tenantID: .default, name: "oncall", role: .operator_, secretHash: APIKeys.hash(Self.operatorKey), createdAt: now
        ))
        return Self.operatorKey
    }

    /// Runs `body` against a started server, then stops it and removes its data.
    func run<T: Sendable>(_ body: @Sendable (Client) async throws -> T) async throws -> T {
        defer { try? FileManager.default.removeItem(at: directory) }
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let app = try await RemediatorApplication.build(configuration: configuration, logger: logger)
        return try await app.test(.live) { client in
            try await body(Client(client: client))
        }
    }

    struct Client: Sendable {
        let client: any TestClientProtocol

        struct Answer: @unchecked Sendable {
            let status: HTTPResponse.Status
            let headers: HTTPFields
            let text: String
            var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:] }
            var errorCode: String? { (json["error"] as? [String: Any])?["code"] as? String }
            var errorMessage: String? { (json["error"] as? [String: Any])?["message"] as? String }
        }

        @discardableResult
        func call(_ method: HTTPRequest.Method, _ path: String, body: String? = nil, bytes: [UInt8]? = nil, key: String? = ServerHarness.adminKey) async throws -> Answer {
            var headers: HTTPFields = [.contentType: "application/json"]
            if let key { headers[.authorization] = "Bearer \(key)" }
            let buffer = bytes.map { ByteBuffer(bytes: $0) } ?? body.map { ByteBuffer(string: $0) }
            let response = try await client.execute(uri: path, method: method, headers: headers, body: buffer)
            return Answer(status: response.status, headers: response.headers, text: String(buffer: response.body))
        }

        /// Polls an incident until its state is one of `states`.
        func waitForIncident(_ id: String, in states: Set<String>, timeout: Duration = .seconds(20)) async throws -> [String: Any] {
            let deadline = ContinuousClock.now + timeout
            while true {
                let answer = try await call(.get, "/v1/incidents/\(id)")
                let state = answer.json["state"] as? String ?? ""
                if states.contains(state) { return answer.json }
                guard ContinuousClock.now < deadline else {
                    Issue.record("incident \(id) stayed in \(state), expected \(states.sorted())")
                    return answer.json
                }
                try await Task.sleep(for: .milliseconds(50))
            }
        }

        /// Posts an alert and returns the id of the incident it opened or joined.
        func postAlert(_ source: String, _ body: String) async throws -> String {
            let answer = try await call(.post, "/v1/alerts/\(source)", body: body)
            #expect(answer.status == .accepted, "\(answer.text)")
            let alerts = answer.json["alerts"] as? [[String: Any]] ?? []
            return alerts.first?["incident_id"] as? String ?? ""
        }
    }
}

enum Payloads {
    static let diskFull = #"""
    {"version":"4","status":"firing","receiver":"remediator","groupLabels":{},"commonLabels":{},"commonAnnotations":{},"externalURL":"http://am:9093",
     "alerts":[{"status":"firing","labels":{"alertname":"NodeFilesystemAlmostOutOfSpace","instance":"web-1:9100","mountpoint":"/var","severity":"critical"},
     "annotations":{"summary":"Filesystem /var on web-1 has 3% left"},"startsAt":"2026-11-26T21:00:00.123456789Z","endsAt":"0001-01-01T00:00:00Z","fingerprint":"abc123"}]}
    """#

    static func generic(title: String, host: String = "web-1", status: String = "firing", alertName: String? = nil) -> String {
        var object: [String: Any] = ["title": title, "host": host, "status": status]
        if let alertName { object["alert_name"] = alertName }
        return String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }
}
