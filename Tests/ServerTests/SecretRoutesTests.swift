import Foundation
import Hummingbird
import RemediatorCore
import Server
import Storage
import Testing

@Suite("Secrets API")
struct SecretRoutesTests {
    static let password = "correct-horse-battery-staple-7431"

    @Test("a secret goes in and never comes out: not in answers, the audit log or the database file")
    func writeOnly() async throws {
        let harness = ServerHarness()
        let directory = harness.directory
        try await harness.run { client in
            let created = try await client.call(.put, "/v1/secrets/db.password", body: #"{"value": "\#(Self.password)"}"#)
            #expect(created.status == .ok, "\(created.text)")
            #expect(created.json["name"] as? String == "db.password")
            #expect((created.json["key_id"] as? String)?.hasPrefix("k-") == true)
            let key = try #require(created.json["key_id"] as? String)

            let binary = Data([0, 1, 2, 0xFF, 0xFE]).base64EncodedString()
            #expect(try await client.call(.put, "/v1/secrets/token", body: #"{"value_base64": "\#(binary)"}"#).status == .ok)
            let updated = try await client.call(.put, "/v1/secrets/db.password", body: #"{"value": "\#(Self.password)-2"}"#)
            #expect(updated.status == .ok)

            let listing = try await client.call(.get, "/v1/secrets")
            #expect(listing.status == .ok)
            let secrets = try #require(listing.json["secrets"] as? [[String: Any]])
            #expect(secrets.map { $0["name"] as? String } == ["db.password", "token"])
            #expect(secrets.allSatisfy { Set($0.keys) == ["name", "key_id", "created_at", "updated_at"] })

            let audit = try await client.call(.get, "/v1/audit?subject=secret/db.password")
            let actions = (audit.json["events"] as? [[String: Any]] ?? []).map { $0["action"] as? String }
            #expect(actions == ["secret.created", "secret.updated"])

            for answer in [created, updated, listing, audit] {
                #expect(!answer.text.contains(Self.password))
            }
            #expect(try await client.call(.delete, "/v1/secrets/token").status == .noContent)
            #expect(try await client.call(.delete, "/v1/secrets/token").status == .notFound)

            // At rest: the database and its log hold the sealed value only.
            for file in ["remediator.sqlite", "remediator.sqlite-wal"] {
                let bytes = FileManager.default.contents(atPath: directory.appendingPathComponent(file).path) ?? Data()
                #expect(bytes.range(of: Data(Self.password.utf8)) == nil, "\(file) holds the password in the clear")
            }
            let keyFile = directory.appendingPathComponent("secret.key").path
            let mode = try #require(try FileManager.default.attributesOfItem(atPath: keyFile)[.posixPermissions] as? Int)
            #expect(mode == 0o600)
            #expect(key.count == 18)
        }
    }

    @Test("bad names and bodies get a clear 4xx and store nothing")
    func badInput() async throws {
        try await ServerHarness().run { client in
            let cases: [(String, String, Int, String)] = [
                ("/v1/secrets/.hidden", #"{"value": "x"}"#, 422, "invalid_secret"),
                ("/v1/secrets/" + String(repeating: "a", count: 129), #"{"value": "x"}"#, 422, "invalid_secret"),
                ("/v1/secrets/a", #"{"value": ""}"#, 422, "invalid_secret"),
                ("/v1/secrets/a", #"{"value": "x", "value_base64": "eA=="}"#, 422, "invalid_payload"),
                ("/v1/secrets/a", #"{}"#, 422, "invalid_payload"),
                ("/v1/secrets/a", #"{"value_base64": "%%%"}"#, 400, "bad_request"),
                ("/v1/secrets/a", #"{"value": 3}"#, 422, "invalid_payload"),
                ("/v1/secrets/a", "{", 400, "invalid_json"),
                ("/v1/secrets/a", #"{"value": "\#(String(repeating: "k", count: 70_000))"}"#, 422, "invalid_secret"),
            ]
            for (path, body, status, code) in cases {
                let answer = try await client.call(.put, path, body: body)
                #expect(Int(answer.status.code) == status, "\(path) \(body.prefix(40)): \(answer.text)")
                #expect(answer.errorCode == code, "\(path) \(body.prefix(40)): \(answer.text)")
            }
            let listing = try await client.call(.get, "/v1/secrets")
            #expect((listing.json["secrets"] as? [Any])?.isEmpty == true, "\(listing.text)")
        }
    }

    @Test("only admins may list, set or delete secrets")
    func adminsOnly() async throws {
        let harness = ServerHarness()
        let operatorKey = try await harness.addOperatorKey()
        try await harness.run { client in
            #expect(try await client.call(.put, "/v1/secrets/a", body: #"{"value": "x"}"#).status == .ok)
            for (method, path) in [(HTTPRequest.Method.get, "/v1/secrets"), (.put, "/v1/secrets/a"), (.delete, "/v1/secrets/a")] {
                let answer = try await client.call(method, path, body: #"{"value": "y"}"#, key: operatorKey)
                #expect(answer.status == .forbidden, "\(method) \(path): \(answer.text)")
            }
            #expect((try await client.call(.get, "/v1/secrets").json["secrets"] as? [Any])?.count == 1)
        }
    }

    @Test("a malformed configured key, or a configured key file that does not exist, stops the server from starting")
    func badKeyConfiguration() async throws {
        for configure in [
            { (configuration: inout ServerConfiguration) in configuration.secretKey = "c2hvcnQ=" },
            { (configuration: inout ServerConfiguration) in configuration.secretKeyFile = "/nonexistent/secret.key" },
        ] {
            let harness = ServerHarness(configure: configure)
            await #expect(throws: (any Error).self) {
                try await harness.run { _ in }
            }
        }
    }
}
