import Foundation
import Ingest
import RemediatorCore
import Testing

/// The vendor payload corpus in `Fixtures/`: each file holds a payload as the vendor
/// sends it and the fields Remediator must read out of it.
struct Fixture: Sendable, CustomTestStringConvertible {
    struct Expected: Decodable, Sendable {
        let status: String
        let severity: String
        let alertName: String
        let title: String
        let host: String
        let service: String
        let externalID: String

        enum CodingKeys: String, CodingKey {
            case status, severity, title, host, service
            case alertName = "alert_name"
            case externalID = "external_id"
        }
    }

    let name: String
    let source: String
    let payload: Data
    let expected: [Expected]

    var testDescription: String { name }

    static func all() -> [Fixture] {
        guard let directory = Bundle.module.url(forResource: "Fixtures", withExtension: nil),
              let files = try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil) else { return [] }
        return files.filter { $0.pathExtension == "json" }.sorted { $0.lastPathComponent < $1.lastPathComponent }.compactMap { url in
            guard let data = try? Data(contentsOf: url),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let source = object["source"] as? String, let payload = object["payload"],
                  let payloadData = try? JSONSerialization.data(withJSONObject: payload),
                  let expectedData = try? JSONSerialization.data(withJSONObject: object["expected"] ?? []),
                  let expected = try? JSONDecoder().decode([Expected].self, from: expectedData) else { return nil }
            return Fixture(name: url.lastPathComponent, source: source, payload: payloadData, expected: expected)
        }
    }
}

struct InvalidFixture: Sendable, CustomTestStringConvertible {
    let name: String
    let source: String
    let body: Data
    let status: Int
    let messageContains: String

    var testDescription: String { name }

    static func all() -> [InvalidFixture] {
        guard let directory = Bundle.module.url(forResource: "Fixtures/invalid", withExtension: nil),
              let files = try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil) else { return [] }
        return files.filter { $0.pathExtension == "json" }.sorted { $0.lastPathComponent < $1.lastPathComponent }.compactMap { url in
            guard let data = try? Data(contentsOf: url),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let source = object["source"] as? String, let body = object["body_text"] as? String,
                  let status = object["expect_status"] as? Int, let message = object["expect_message_contains"] as? String else { return nil }
            return InvalidFixture(name: url.lastPathComponent, source: source, body: Data(body.utf8), status: status, messageContains: message)
        }
    }
}

@Suite("Vendor payload corpus")
struct FixtureTests {
    @Test("the corpus is there")
    func corpusPresent() {
        #expect(Fixture.all().count >= 30)
        #expect(InvalidFixture.all().count >= 10)
    }

    @Test("each payload normalizes to the documented fields", arguments: Fixture.all())
    func normalizes(_ fixture: Fixture) throws {
        let adapter = try AlertAdapters.standard.adapter(for: fixture.source)
        let alerts = try adapter.normalize(fixture.payload, receivedAt: Date())
        #expect(alerts.count == fixture.expected.count)
        for (alert, expected) in zip(alerts, fixture.expected) {
            #expect(alert.source == fixture.source)
            #expect(alert.status.rawValue == expected.status)
            #expect(alert.severity.rawValue == expected.severity)
            #expect(alert.alertName == expected.alertName)
            #expect(alert.title == expected.title)
            #expect(alert.host == expected.host)
            #expect(alert.service == expected.service)
            #expect(alert.externalID == expected.externalID)
            #expect(alert.fingerprint.count == 32)
        }
    }

    @Test("each broken payload is refused with the right kind of error", arguments: InvalidFixture.all())
    func refuses(_ fixture: InvalidFixture) throws {
        let adapter = try AlertAdapters.standard.adapter(for: fixture.source)
        #expect {
            _ = try adapter.normalize(fixture.body, receivedAt: Date())
        } throws: { error in
            guard let error = error as? IngestError else { return false }
            let status = error.code == .invalidJSON ? 400 : 422
            return status == fixture.status && error.message.contains(fixture.messageContains)
        }
    }
}
