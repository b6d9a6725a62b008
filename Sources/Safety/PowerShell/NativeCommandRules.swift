import Foundation

/// Rules for Windows programs run from PowerShell, `cmd /c` or `Start-Process`.
/// `arguments` are lower-cased.
enum NativeCommandRules {
    /// The programs the switch in ``check(name:arguments:offset:analyzer:)`` has cases for.
    /// Keep it in step with the cases.
    static let commands: Set<String> = [
        "at", "auditpol", "bcdedit", "bitsadmin", "cacls", "certutil", "choco", "cipher", "cmd", "del", "diskpart", "docker",
        "erase", "format", "icacls", "iisreset", "mpcmdrun", "mshta", "msiexec", "nc", "nc64", "ncat", "net", "net1", "netcat",
        "netsh", "node", "npm", "perl", "pip", "pip3", "podman", "powershell", "procdump", "procdump64", "pwsh", "py", "python",
        "python3", "rd", "reg", "regsvr32", "rmdir", "ruby", "rundll32", "sc", "schtasks", "shutdown", "takeown", "vssadmin",
        "wevtutil", "winget", "wmic", "wusa",
    ]

    /// `arguments` is read only for the programs that have rules; `traits` are `name`'s.
    static func check(
        name: String, traits: PSCommandTraits, arguments readArguments: @autoclosure () -> [String], offset: Int, analyzer: inout PSAnalyzer
    ) {
        func report(_ rule: Rule, _ detail: String? = nil) { analyzer.report(rule, at: offset, detail) }
        guard traits.nativeRules else {
            guard traits.dataPlane else { return }
            DataPlaneRules.check(name: name, arguments: readArguments(), offset: offset) { rule, at, detail in
                analyzer.report(rule, at: at, detail)
            }
            return
        }
        let arguments = readArguments()
        let joined = arguments.joined(separator: " ")
        func has(_ word: String) -> Bool { arguments.contains(word) }
        switch name {
        case "shutdown":
            if !has("/a") && !has("-a") && arguments.contains(where: { ["/s", "/r", "/p", "/h", "/g", "-s", "-r", "-p", "/sg", "/soft", "-h"].contains($0) || $0.hasPrefix("/s") && $0.count == 2 }) {
                report(RuleCatalog.shutdown, "shutdown \(joined)")
            }
        case "vssadmin":
            if has("delete") && joined.contains("shadows") { report(RuleCatalog.shadowCopies, "vssadmin delete shadows") }
            if has("resize") && joined.contains("shadowstorage") { report(RuleCatalog.shadowCopies, "vssadmin resize shadowstorage") }
        case "wmic":
            if joined.contains("shadowcopy") && has("delete") { report(RuleCatalog.shadowCopies, "wmic shadowcopy delete") }
            if joined.contains("process") && has("call") && has("create") { report(RuleCatalog.dynamicCommand, "wmic process call create") }
            if joined.contains("useraccount") { report(RuleCatalog.accountChange, "wmic useraccount") }
        case "wevtutil":
            if has("cl") || has("clear-log") { report(RuleCatalog.logsCleared, "wevtutil clear-log") }
            if has("sl") && joined.contains("/e:false") { report(RuleCatalog.auditDisabled, "wevtutil disables a log") }
        case "auditpol":
            if has("/clear") || has("/remove") || joined.contains(":disable") { report(RuleCatalog.auditDisabled, "auditpol \(joined)") }
        case "netsh":
            if joined.contains("state off") || joined.contains("opmode disable") || joined.contains("opmode=disable") {
                report(RuleCatalog.firewallDisabled, "netsh \(joined)")
            } else if (joined.contains("firewall") || joined.contains("portproxy")), !arguments.contains(where: { ["show", "dump"].contains($0) }) {
                report(RuleCatalog.networkChange, "netsh \(joined)")
            }
        case "reg":
            checkReg(arguments, analyzer: &analyzer, offset: offset)
        case "schtasks", "at":
            let schedule = arguments.firstIndex(of: "/sc").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
            if has("/create"), !has("/xml"), ["minute", "hourly", "daily", "weekly", "monthly", "once"].contains(schedule ?? ""),
               let index = arguments.firstIndex(of: "/tr"), index + 1 < arguments.count,
               let program = NativeCommandLine.split(arguments[index + 1]).first {
                // `/tr "C:\Tools\cleanup.exe --days 7"`: judged by what it runs.
                let rest = NativeCommandLine.split(arguments[index + 1]).dropFirst().joined(separator: " ")
                let ordinary = ScheduledCommands.isOrdinaryWindowsAction(program: program, arguments: rest)
                report(ordinary ? RuleCatalog.scheduledJob : RuleCatalog.scheduledTask, "\(name) \(joined)")
            } else if has("/create") || name == "at" {
                report(RuleCatalog.scheduledTask, "\(name) \(joined)")
            }
            else if has("/delete") || has("/change") { report(RuleCatalog.systemConfigurationEdit, "\(name) \(joined)") }
        case "net", "net1":
            if arguments.first == "user", has("/add") { report(RuleCatalog.accountChange, "net user /add") }
            if arguments.first == "localgroup", has("/add"), joined.contains("administrators") || joined.contains("remote desktop users") {
                report(RuleCatalog.newAdmin, "net localgroup \(joined)")
            }
            if arguments.first == "stop", let service = arguments.dropFirst().first {
                report(PSCommandRules.criticalServices.contains(service.trimmingCharacters(in: ["\""])) ? RuleCatalog.criticalService : RuleCatalog.serviceChange, "net stop \(service)")
            }
            if arguments.first == "start" || arguments.first == "restart" { report(RuleCatalog.serviceChange, "net \(joined)") }
        case "sc":
            guard let verb = arguments.first(where: { !$0.hasPrefix("\\\\") }) else { return }
            let service = arguments.drop { $0 != verb }.dropFirst().first ?? ""
            switch verb {
            case "create": report(RuleCatalog.newService, "sc create \(service)")
            case "stop", "delete", "config", "pause":
                let disabling = verb != "config" || joined.contains("disabled")
                if disabling, PSCommandRules.criticalServices.contains(service) { report(RuleCatalog.criticalService, "sc \(verb) \(service)") }
                else { report(RuleCatalog.serviceChange, "sc \(verb) \(service)") }
            case "start": report(RuleCatalog.serviceChange, "sc start \(service)")
            default: break
            }
        case "bcdedit":
            if has("/delete") || joined.contains("recoveryenabled no") || joined.contains("ignoreallfailures") || has("/deletevalue") {
                report(RuleCatalog.bootConfiguration, "bcdedit \(joined)")
            } else if has("/set") {
                report(RuleCatalog.systemConfigurationEdit, "bcdedit \(joined)")
            }
        case "certutil":
            if arguments.contains(where: { $0.contains("urlcache") || $0 == "-verifyctl" }), arguments.contains(where: { $0.hasPrefix("http") }) {
                if let output = arguments.last, !output.hasPrefix("http"), !output.hasPrefix("-") { analyzer.downloadedPaths.insert(output) }
            }
            if has("-decode") || has("-decodehex") { report(RuleCatalog.encodedPayload, "certutil -decode") }
        case "bitsadmin":
            if has("/transfer") || has("/addfile"), let output = arguments.last { analyzer.downloadedPaths.insert(output) }
        case "rundll32":
            if joined.contains("comsvcs") && joined.contains("minidump") { report(RuleCatalog.credentialDump, "rundll32 comsvcs.dll MiniDump") }
        case "procdump", "procdump64":
            if joined.contains("lsass") { report(RuleCatalog.credentialDump, "procdump of lsass") }
        case "nc", "ncat", "netcat", "nc64":
            if has("-e") || has("-c") || joined.contains("--exec") || joined.contains("--sh-exec") { report(RuleCatalog.reverseShell, "\(name) -e") }
        case "diskpart":
            report(RuleCatalog.formatDisk, "diskpart")
        case "format":
            if arguments.contains(where: { $0.count == 2 && $0.hasSuffix(":") }) { report(RuleCatalog.formatDisk, "format \(joined)") }
        case "cipher":
            if arguments.contains(where: { $0.hasPrefix("/w") }) { report(RuleCatalog.formatDisk, "cipher /w") }
        case "del", "erase", "rd", "rmdir":
            let recursive = has("/s")
            for target in arguments where !target.hasPrefix("/") {
                switch WindowsPaths.scope(ofPath: target, recursive: recursive) {
                case .root, .systemDirectory: report(RuleCatalog.rmSystemPath, "\(name) \(target)")
                case .unresolved where recursive: report(RuleCatalog.rmUnresolvedPath, "\(name) \(target)")
                default: break
                }
            }
        case "icacls", "cacls":
            if let target = arguments.first, WindowsPaths.scope(ofPath: target, recursive: true) != .ordinary, joined.contains("everyone:") && (joined.contains("(f)") || joined.contains(":f")) {
                report(RuleCatalog.chmodWorldWritable, "\(name) \(joined)")
            }
        case "takeown":
            if let index = arguments.firstIndex(of: "/f"), index + 1 < arguments.count, WindowsPaths.scope(ofPath: arguments[index + 1], recursive: true) != .ordinary {
                report(RuleCatalog.chmodWorldWritable, "takeown of a system path")
            }
        case "mpcmdrun":
            if has("-removedefinitions") { report(RuleCatalog.antivirusDisabled, "MpCmdRun -RemoveDefinitions") }
        case "powershell", "pwsh", "cmd":
            analyzer.analyzeNativeCommand(name, arguments: arguments, at: offset)
        case "mshta", "regsvr32", "rundll32" where arguments.contains(where: { $0.contains("http:") || $0.contains("https:") || $0.contains("javascript:") || $0.contains("vbscript:") }):
            report(RuleCatalog.pipeDownloadToInterpreter, "\(name) runs remote code")
        case "mshta":
            report(RuleCatalog.dynamicSource, "mshta runs an HTML application")
        case "msiexec" where arguments.contains(where: { $0.hasPrefix("http:") || $0.hasPrefix("https:") || $0.hasPrefix("\\\\") }):
            report(RuleCatalog.downloadThenRun, "msiexec installs a package from the network")
        case "choco", "winget", "msiexec", "wusa", "pip", "pip3", "npm":
            report(RuleCatalog.packageChange, name)
        case "docker", "podman":
            if arguments.contains(where: { ["prune", "rm", "rmi", "system", "volume", "image"].contains($0) }) { report(RuleCatalog.containerPrune, "\(name) \(joined)") }
            else if arguments.contains(where: { ["restart", "stop", "kill", "start"].contains($0) }) { report(RuleCatalog.serviceChange, "\(name) \(joined)") }
        case "python", "python3", "py", "perl", "ruby", "node":
            if arguments.contains(where: { ["-c", "-e", "--eval"].contains($0) }) { report(RuleCatalog.inlineInterpreterCode, "\(name) runs inline code") }
        case "iisreset":
            report(RuleCatalog.serviceChange, "iisreset")
        default:
            DataPlaneRules.check(name: name, arguments: arguments, offset: offset) { rule, at, detail in
                analyzer.report(rule, at: at, detail)
            }
        }
    }

    /// `reg add|delete|save|import`: protection off, logon programs, credential hives.
    static func checkReg(_ arguments: [String], analyzer: inout PSAnalyzer, offset: Int) {
        guard let verb = arguments.first else { return }
        let key = arguments.dropFirst().first ?? ""
        let joined = arguments.joined(separator: " ")
        switch verb {
        case "save", "export":
            if key.hasSuffix("\\sam") || key.hasSuffix("\\security") || key.hasSuffix("\\system") || key.contains("hklm\\sam") {
                analyzer.report(RuleCatalog.credentialDump, at: offset, "reg \(verb) \(key)")
            }
        case "add":
            if key.contains("\\currentversion\\run") || key.contains("\\winlogon") || key.contains("image file execution options") {
                analyzer.report(RuleCatalog.runKey, at: offset, "reg add \(key)")
            } else if joined.contains("enablelua") && joined.contains("/d 0") || joined.contains("consentpromptbehavioradmin") && joined.contains("/d 0") {
                analyzer.report(RuleCatalog.uacDisabled, at: offset, "reg add EnableLUA 0")
            } else if key.contains("windows defender") {
                analyzer.report(RuleCatalog.antivirusDisabled, at: offset, "reg add \(key)")
            } else if joined.contains("uselogoncredential") || joined.contains("localaccounttokenfilterpolicy") {
                analyzer.report(RuleCatalog.credentialDump, at: offset, "reg add \(key)")
            } else {
                analyzer.report(RuleCatalog.systemConfigurationEdit, at: offset, "reg add \(key)")
            }
        case "delete", "import", "restore", "load":
            analyzer.report(RuleCatalog.systemConfigurationEdit, at: offset, "reg \(verb) \(key)")
        default:
            break
        }
    }
}
