import RemediatorCore

/// Applies a policy's lists to commands and findings.
struct PolicyGate: Sendable {
    let policy: SafetyPolicy

    /// Block findings for a command, path or service the policy denies.
    func deniedFindings(for subject: CommandSubject, at offset: Int) -> [RawFinding] {
        var findings: [RawFinding] = []
        if policy.commands.deny.contains(where: { $0.asciiLowercased() == subject.name }) {
            findings.append(RawFinding(rule: RuleCatalog.policyDeniedCommand, offset: offset, detail: subject.name))
        }
        if let path = subject.paths.first(where: { path in policy.paths.deny.contains { PolicyPaths.isWithin(path, $0) } }) {
            findings.append(RawFinding(rule: RuleCatalog.policyDeniedPath, offset: offset, detail: "\(subject.name) \(path)"))
        }
        if let service = subject.services.first(where: { service in policy.services.deny.contains { $0.asciiLowercased() == service } }) {
            findings.append(RawFinding(rule: RuleCatalog.policyDeniedService, offset: offset, detail: "\(subject.name) \(service)"))
        }
        return findings
    }

    /// Whether the allow lists pre-approve a `change` finding raised on `subject`: the
    /// command is allowed, or every service it names is, or every path it names is. A
    /// command with arguments the validator could not resolve is never pre-approved.
    func waives(_ rule: Rule, on subject: CommandSubject?) -> Bool {
        guard rule.family == .change, let subject, !subject.hasUnresolvedArguments else { return false }
        if policy.commands.allow.contains(where: { $0.asciiLowercased() == subject.name }) { return true }
        if !subject.services.isEmpty, subject.services.allSatisfy({ service in policy.services.allow.contains { $0.asciiLowercased() == service } }) {
            return true
        }
        if !subject.paths.isEmpty, subject.paths.allSatisfy({ path in policy.paths.allow.contains { PolicyPaths.isWithin(path, $0) } }) {
            return true
        }
        return false
    }
}
