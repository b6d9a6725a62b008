import Foundation
public import RemediatorCore

/// Maps the many severity vocabularies of monitoring tools onto ``Severity``.
public enum SeverityMapping {
    /// The severity a source's word means, or `nil` when the word is not known.
    ///
    /// Case and surrounding space are ignored. Covers Prometheus conventions
    /// (critical/warning/info), syslog levels, P1–P5 and SEV1–SEV5 priorities, Zabbix
    /// (disaster/high/average/warning/information) and Datadog alert types.
    public static func severity(for word: String) -> Severity? {
        let key = word.trimmingCharacters(in: .whitespaces).lowercased()
        return table[key]
    }

    private static let table: [String: Severity] = {
        var table: [String: Severity] = [:]
        for word in ["critical", "crit", "emergency", "emerg", "alert", "fatal", "disaster", "p1", "sev1", "sev-1", "sev 1", "s1", "1"] {
            table[word] = .critical
        }
        for word in ["high", "error", "err", "major", "severe", "p2", "sev2", "sev-2", "sev 2", "s2", "2"] {
            table[word] = .high
        }
        for word in ["medium", "warning", "warn", "average", "moderate", "minor", "p3", "sev3", "sev-3", "sev 3", "s3", "3"] {
            table[word] = .medium
        }
        for word in ["low", "notice", "p4", "sev4", "sev-4", "sev 4", "s4", "4"] {
            table[word] = .low
        }
        for word in ["info", "informational", "information", "debug", "none", "ok", "success", "not classified", "p5", "sev5", "sev-5", "sev 5", "s5", "5"] {
            table[word] = .info
        }
        return table
    }()
}
