import Foundation

/// The INI files of the AWS CLI and SDKs (`~/.aws/credentials`, `~/.aws/config`): sections
/// of `key = value` lines.
///
/// Comments start with `#` or `;`; indented lines continue a nested setting
/// (`s3 =\n  max_concurrent_requests = 20`) and are skipped.
struct AWSConfigFile: Sendable {
    /// Settings by section name as written (`default`, `profile prod`), keys lower-cased.
    private(set) var sections: [String: [String: String]] = [:]

    init(text: String) {
        var current: String?
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline) {
            let indented = rawLine.first == " " || rawLine.first == "\t"
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#"), !line.hasPrefix(";") else { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                let name = line.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                current = name
                if sections[name] == nil { sections[name] = [:] }
                continue
            }
            guard let section = current, !indented, let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            sections[section, default: [:]][key] = value
        }
    }
}
