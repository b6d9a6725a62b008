import Foundation
import Ingest
import RemediatorCore
import Testing

@Suite("Normalization helpers")
struct NormalizationTests {
    @Test("hosts lose ports, schemes and paths", arguments: [
        ("web-1:9100", "web-1"),
        ("web-1", "web-1"),
        ("10.0.0.5:22", "10.0.0.5"),
        ("[2001:db8::1]:9100", "2001:db8::1"),
        ("2001:db8::1", "2001:db8::1"),
        ("https://api.example.com:8443/healthz", "api.example.com"),
        ("user@db-2:5432", "db-2"),
        ("  spaced:80 ", "spaced"),
        ("", ""),
    ])
    func hosts(raw: String, expected: String) {
        #expect(HostName.normalize(raw) == expected)
    }

    @Test("severity words map onto five levels", arguments: [
        ("critical", Severity.critical), ("P1", .critical), ("disaster", .critical), ("EMERGENCY", .critical),
        ("error", .high), ("major", .high), ("sev2", .high),
        ("warning", .medium), ("average", .medium), ("P3", .medium),
        ("low", .low), ("notice", .low),
        ("info", .info), ("none", .info), ("OK", .info),
    ])
    func severities(word: String, expected: Severity) {
        #expect(SeverityMapping.severity(for: word) == expected)
    }

    @Test("unknown severity words are not guessed")
    func unknownSeverity() {
        #expect(SeverityMapping.severity(for: "page") == nil)
        #expect(SeverityMapping.severity(for: "") == nil)
    }

    @Test("fingerprints ignore label order and are the same for firing and resolved")
    func fingerprints() throws {
        let a = Fingerprint.make(source: "alertmanager", labels: ["a": "1", "b": "2"])
        let b = Fingerprint.make(source: "alertmanager", labels: ["b": "2", "a": "1"])
        #expect(a == b)
        #expect(a != Fingerprint.make(source: "alertmanager", labels: ["a": "1", "b": "3"]))
        #expect(Fingerprint.make(["ab", "c"]) != Fingerprint.make(["a", "bc"]))
        let firing = #"{"version":"4","alerts":[{"status":"firing","labels":{"alertname":"X","instance":"h:1"}}]}"#
        let resolved = #"{"version":"4","alerts":[{"status":"resolved","labels":{"instance":"h:1","alertname":"X"}}]}"#
        let adapter = AlertmanagerAdapter()
        let one = try adapter.normalize(Data(firing.utf8), receivedAt: Date())[0]
        let two = try adapter.normalize(Data(resolved.utf8), receivedAt: Date())[0]
        #expect(one.fingerprint == two.fingerprint)
    }

    @Test("Alertmanager times keep nanosecond precision to the millisecond and drop Go's zero time")
    func times() throws {
        let body = #"{"version":"4","alerts":[{"status":"firing","labels":{"alertname":"X"},"startsAt":"2026-03-01T10:20:30.123456789Z","endsAt":"0001-01-01T00:00:00Z"}]}"#
        let alert = try AlertmanagerAdapter().normalize(Data(body.utf8), receivedAt: Date())[0]
        let starts = try #require(alert.startsAt)
        #expect(abs(starts.timeIntervalSince1970 - 1_772_360_430.123) < 0.001)
        #expect(alert.endsAt == nil)
        let offset = #"{"title":"x","starts_at":"2026-03-01T12:20:30+02:00"}"#
        let generic = try GenericAdapter().normalize(Data(offset.utf8), receivedAt: Date())[0]
        #expect(generic.startsAt?.timeIntervalSince1970 == 1_772_360_430)
    }

    @Test("absurd times are dropped or refused, never trusted")
    func absurdTimes() throws {
        let datadog = #"{"title":"x","date":"99999999999999999999","last_updated":"1e300"}"#
        let alert = try DatadogAdapter().normalize(Data(datadog.utf8), receivedAt: Date())[0]
        #expect(alert.startsAt == nil)
        let manager = #"{"version":"4","alerts":[{"status":"firing","labels":{"alertname":"X"},"startsAt":"1e300"}]}"#
        #expect(try AlertmanagerAdapter().normalize(Data(manager.utf8), receivedAt: Date())[0].startsAt == nil)
    }

    @Test("generic labels of any scalar type become strings")
    func labelCoercion() throws {
        let body = #"{"title":"x","labels":{"n":3,"f":1.5,"b":true,"s":"v","big":7958322911640527330}}"#
        let alert = try GenericAdapter().normalize(Data(body.utf8), receivedAt: Date())[0]
        #expect(alert.labels == ["n": "3", "f": "1.5", "b": "true", "s": "v", "big": "7958322911640527330"])
    }

    @Test("hostile bytes in text fields are kept as data")
    func hostileText() throws {
        let title = "disk full; rm -rf / $(reboot) `id` \u{202E}evil"
        let body = try JSONSerialization.data(withJSONObject: ["title": title, "host": "web-1"])
        let alert = try GenericAdapter().normalize(body, receivedAt: Date())[0]
        #expect(alert.title == title)
    }

    @Test("random bytes never crash an adapter")
    func fuzz() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let length = Int.random(in: 0..<200, using: &generator)
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            for source in ["generic", "alertmanager", "datadog"] {
                _ = try? AlertAdapters.standard.adapter(for: source).normalize(Data(bytes), receivedAt: Date())
            }
        }
    }
}
