public import RemediatorCore

/// Builds the environment variables that carry alert facts to scripts.
///
/// This is the only way alert text reaches a script: never by substitution into the
/// script's text. Values are bounded and stripped of NUL bytes (which an environment
/// cannot hold); names are upper-cased with anything outside `[A-Z0-9_]` turned into `_`.
public enum AlertEnvironment {
    public static let maximumValueBytes = 4096
    public static let maximumLabels = 128

    public static func variables(for incident: Incident) -> [String: String] {
        var environment: [String: String] = [
            "ALERT_HOST": clean(incident.host),
            "ALERT_SERVICE": clean(incident.service),
            "ALERT_NAME": clean(incident.alertName),
            "ALERT_SEVERITY": incident.severity.rawValue,
            "ALERT_SOURCE": clean(incident.source),
            "INCIDENT_ID": incident.id,
        ]
        for (name, value) in incident.labels.sorted(by: { $0.key < $1.key }).prefix(maximumLabels) {
            let key = "ALERT_LABEL_" + variableName(name)
            // The first label to claim a name keeps it; later collisions are dropped.
            if environment[key] == nil {
                environment[key] = clean(value)
            }
        }
        return environment
    }

    /// `mount-point.name` → `MOUNT_POINT_NAME`.
    public static func variableName(_ label: String) -> String {
        String(label.uppercased().unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "A"..."Z", "0"..."9", "_": Character(scalar)
            default: "_"
            }
        })
    }

    static func clean(_ value: String) -> String {
        var result = value.replacingNUL()
        if result.utf8.count > maximumValueBytes {
            var bytes = Array(result.utf8.prefix(maximumValueBytes))
            // Do not cut a multi-byte character in half.
            while let last = bytes.last, last & 0xC0 == 0x80 { bytes.removeLast() }
            if let last = bytes.last, last >= 0xC0 { bytes.removeLast() }
            result = String(decoding: bytes, as: UTF8.self)
        }
        return result
    }
}

extension String {
    fileprivate func replacingNUL() -> String {
        contains("\0") ? String(unicodeScalars.filter { $0 != "\0" }.map(Character.init)) : self
    }
}
