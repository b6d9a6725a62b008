import Foundation

/// Rules for PowerShell cmdlets, applied to every resolved ``PSInvocation``.
enum PSCommandRules {
    /// Services whose loss cuts off access, logging or protection.
    static let criticalServices: Set<String> = [
        "windefend", "wdnissvc", "sense", "mpssvc", "bfe", "eventlog", "winrm", "sshd", "termservice", "rpcss",
        "lanmanserver", "wscsvc", "securityhealthservice", "wuauserv", "cryptsvc", "dnscache", "netlogon", "w32time",
    ]
    /// Processes Windows cannot run without.
    static let criticalProcesses: Set<String> = ["lsass", "csrss", "wininit", "winlogon", "services", "smss", "svchost", "system", "explorer"]

    /// The rule each cmdlet with rules gets: one lookup per command, where a `switch` over
    /// the names compared a command with every case before its own.
    enum CmdletRule: Sendable {
        case removeItem, diskWipe, shutdown, serviceState, webServer, recycleBin, serviceRestart, newService, stopProcess
        case defenderPreferences, defenderExclusion, featureRemoval, executionPolicy, firewallProfile, firewallRule, account, groupMember, itemWrite
        case logClearing, scheduledTask, scheduledJob, wmiSubscription, wmiMethod, wmiRemoval, sql, newObject, dnsLookup
        case webRequest, package, fileWrite
    }

    /// The cmdlets ``check(_:analyzer:)`` has rules for; every other name has none.
    static let rules: [String: CmdletRule] = [
        "remove-item": .removeItem, "remove-itemproperty": .removeItem,
        "format-volume": .diskWipe, "clear-disk": .diskWipe, "remove-partition": .diskWipe, "initialize-disk": .diskWipe,
        "remove-physicaldisk": .diskWipe, "remove-virtualdisk": .diskWipe, "set-partition": .diskWipe,
        "stop-computer": .shutdown, "restart-computer": .shutdown, "suspend-computer": .shutdown,
        "stop-service": .serviceState, "set-service": .serviceState, "suspend-service": .serviceState, "remove-service": .serviceState,
        "restart-webapppool": .webServer, "stop-webapppool": .webServer, "start-webapppool": .webServer, "restart-webitem": .webServer,
        "stop-website": .webServer, "start-website": .webServer, "stop-webitem": .webServer,
        "clear-recyclebin": .recycleBin,
        "restart-service": .serviceRestart, "start-service": .serviceRestart,
        "new-service": .newService,
        "stop-process": .stopProcess,
        "set-mppreference": .defenderPreferences,
        "add-mppreference": .defenderExclusion,
        "uninstall-windowsfeature": .featureRemoval, "remove-windowsfeature": .featureRemoval,
        "disable-windowsoptionalfeature": .featureRemoval,
        "set-executionpolicy": .executionPolicy,
        "set-netfirewallprofile": .firewallProfile,
        "disable-netfirewallrule": .firewallRule, "remove-netfirewallrule": .firewallRule, "new-netfirewallrule": .firewallRule,
        "set-netfirewallrule": .firewallRule, "enable-netfirewallrule": .firewallRule,
        "new-localuser": .account, "set-localuser": .account, "enable-localuser": .account, "remove-localuser": .account,
        "new-aduser": .account,
        "add-localgroupmember": .groupMember, "add-adgroupmember": .groupMember,
        "set-itemproperty": .itemWrite, "new-itemproperty": .itemWrite, "new-item": .itemWrite, "set-item": .itemWrite,
        "clear-eventlog": .logClearing, "remove-eventlog": .logClearing, "limit-eventlog": .logClearing, "clear-history": .logClearing,
        "clear-winevent": .logClearing,
        "register-scheduledtask": .scheduledTask, "new-scheduledtask": .scheduledTask, "set-scheduledtask": .scheduledTask,
        "register-scheduledjob": .scheduledJob,
        "set-wmiinstance": .wmiSubscription, "new-ciminstance": .wmiSubscription, "register-wmievent": .wmiSubscription,
        "register-cimindicationevent": .wmiSubscription,
        "invoke-wmimethod": .wmiMethod, "invoke-cimmethod": .wmiMethod,
        "remove-wmiobject": .wmiRemoval, "remove-ciminstance": .wmiRemoval,
        "invoke-sqlcmd": .sql,
        "new-object": .newObject,
        "resolve-dnsname": .dnsLookup,
        "invoke-webrequest": .webRequest, "invoke-restmethod": .webRequest, "send-mailmessage": .webRequest,
        "install-package": .package, "install-module": .package, "update-module": .package, "uninstall-package": .package,
        "install-windowsfeature": .package, "add-windowscapability": .package, "update-help": .package,
        "set-content": .fileWrite, "add-content": .fileWrite, "out-file": .fileWrite, "copy-item": .fileWrite, "move-item": .fileWrite,
    ]

    static func check(_ invocation: PSInvocation, analyzer: inout PSAnalyzer) {
        let offset = invocation.offset
        func report(_ rule: Rule, _ detail: String? = nil) { analyzer.report(rule, at: offset, detail) }
        switch invocation.traits.cmdletRule {
        case nil:
            break
        case .removeItem?:
            checkRemoveItem(invocation, analyzer: &analyzer)
        case .diskWipe?:
            report(RuleCatalog.formatDisk, invocation.name)
        case .shutdown?:
            report(RuleCatalog.shutdown, invocation.name)
        case .serviceState?:
            let service = (invocation.value(["name", "displayname", "inputobject"], position: 0)?.text ?? "").asciiLowercased()
            let disables = invocation.name == "stop-service" || invocation.name == "suspend-service" || invocation.name == "remove-service"
                || ["disabled", "manual"].contains((invocation.value(["startuptype"], position: nil)?.text ?? "").asciiLowercased())
                || (invocation.value(["status"], position: nil)?.text ?? "").asciiLowercased() == "stopped"
            if disables, criticalServices.contains(service) {
                report(RuleCatalog.criticalService, "\(invocation.name) \(service)")
            } else {
                report(RuleCatalog.serviceChange, "\(invocation.name) \(service)")
            }
        case .webServer?:
            report(RuleCatalog.serviceChange, "\(invocation.name) \(invocation.value(["name"], position: 0)?.text ?? "")")
        case .recycleBin?:
            report(RuleCatalog.broadTemporaryDelete, "Clear-RecycleBin")
        case .serviceRestart?:
            report(RuleCatalog.serviceChange, "\(invocation.name) \(invocation.value(["name"], position: 0)?.text ?? "")")
        case .newService?:
            report(RuleCatalog.newService, invocation.value(["name"], position: 0)?.text)
        case .stopProcess?:
            let names = (invocation.value(["name", "processname"], position: 0)?.elements ?? []).compactMap { $0.text?.asciiLowercased() }
            if names.contains(where: criticalProcesses.contains) || (names.isEmpty && invocation.parameter("id") == nil && invocation.upstream.last == "get-process") {
                report(RuleCatalog.criticalProcess, "stop-process \(names.joined(separator: ","))")
            } else if !names.isEmpty {
                report(RuleCatalog.serviceChange, "stops every \(names.joined(separator: ",")) process")
            }
        case .defenderPreferences?:
            if invocation.parameters.contains(where: { $0.name.hasPrefix("disable") && ($0.value == nil || $0.value == .boolean(true) || $0.value?.text == "1") })
                || invocation.parameters.contains(where: { $0.name.hasPrefix("exclusion") }) {
                report(RuleCatalog.antivirusDisabled, "Set-MpPreference")
            }
        case .defenderExclusion?:
            if invocation.parameters.contains(where: { $0.name.hasPrefix("exclusion") }) { report(RuleCatalog.antivirusDisabled, "Add-MpPreference exclusion") }
        case .featureRemoval?:
            let feature = (invocation.value(["name", "featurename"], position: 0)?.text ?? "").asciiLowercased()
            if feature.contains("defender") { report(RuleCatalog.antivirusDisabled, feature) } else { report(RuleCatalog.packageChange, feature) }
        case .executionPolicy?:
            let policy = (invocation.value(["executionpolicy"], position: 0)?.text ?? "").asciiLowercased()
            let scope = (invocation.value(["scope"], position: 1)?.text ?? "").asciiLowercased()
            if ["unrestricted", "bypass"].contains(policy), scope != "process" {
                report(RuleCatalog.executionPolicy, "Set-ExecutionPolicy \(policy)")
            } else {
                report(RuleCatalog.systemConfigurationEdit, "Set-ExecutionPolicy \(policy)")
            }
        case .firewallProfile?:
            let enabled = (invocation.value(["enabled"], position: nil)?.text ?? "").asciiLowercased()
            if ["false", "0", "no"].contains(enabled) { report(RuleCatalog.firewallDisabled, "Set-NetFirewallProfile -Enabled False") }
            else { report(RuleCatalog.networkChange, "Set-NetFirewallProfile") }
        case .firewallRule?:
            report(RuleCatalog.networkChange, invocation.name)
        case .account?:
            report(RuleCatalog.accountChange, invocation.name)
        case .groupMember?:
            let group = (invocation.value(["group", "name", "identity", "sid"], position: 0)?.text ?? "").asciiLowercased()
            if group.contains("admin") || group == "s-1-5-32-544" || group.contains("domain admins") || group.contains("remote desktop") {
                report(RuleCatalog.newAdmin, "adds a member to \(group)")
            } else {
                report(RuleCatalog.accountChange, "adds a member to \(group)")
            }
        case .itemWrite?:
            checkRegistryWrite(invocation, analyzer: &analyzer)
        case .logClearing?:
            report(RuleCatalog.logsCleared, invocation.name)
        case .scheduledTask?:
            // Ordinary when every action is known and ordinary (`-Action $a` from New-ScheduledTaskAction).
            let actions = invocation.value(["action"], position: nil)?.elements ?? []
            // Tasks that start with the machine or a logon keep a foothold; maintenance runs on a clock.
            let triggers = invocation.value(["trigger"], position: nil)?.elements ?? []
            let onSchedule = !triggers.isEmpty && triggers.allSatisfy { trigger in
                guard case .object(let kind) = trigger else { return false }
                return ["task-trigger:once", "task-trigger:daily", "task-trigger:weekly"].contains(kind)
            }
            let ordinary = onSchedule && !actions.isEmpty && !invocation.has("xml") && actions.allSatisfy { action in
                guard case .object(let description) = action, description.hasPrefix("task-action:") else { return false }
                let parts = description.dropFirst("task-action:".count).split(separator: "\u{0}", omittingEmptySubsequences: false)
                return ScheduledCommands.isOrdinaryWindowsAction(program: String(parts[0]), arguments: parts.count > 1 ? String(parts[1]) : "")
            }
            report(ordinary ? RuleCatalog.scheduledJob : RuleCatalog.scheduledTask, invocation.name)
        case .scheduledJob?:
            report(RuleCatalog.scheduledTask, invocation.name)
        case .wmiSubscription?:
            let className = (invocation.value(["class", "classname"], position: nil)?.text ?? invocation.allTexts.joined(separator: " ")).asciiLowercased()
            if className.contains("__eventfilter") || className.contains("commandlineeventconsumer") || className.contains("__filtertoconsumerbinding")
                || invocation.name.hasPrefix("register-") {
                report(RuleCatalog.wmiSubscription, invocation.name)
            }
        case .wmiMethod?:
            let text = invocation.allTexts.joined(separator: " ")
            if text.contains("win32_process") && text.contains("create") {
                analyzer.report(RuleCatalog.dynamicCommand, at: offset, "starts a process through WMI")
            }
            if text.contains("win32_shadowcopy") && text.contains("delete") { report(RuleCatalog.shadowCopies, "Win32_ShadowCopy delete") }
        case .wmiRemoval?:
            if invocation.allTexts.joined(separator: " ").contains("win32_shadowcopy") { report(RuleCatalog.shadowCopies, "removes shadow copies") }
        case .sql?:
            DataPlaneRules.check(name: "invoke-sqlcmd", arguments: invocation.allTexts, offset: offset) { rule, at, detail in
                analyzer.report(rule, at: at, detail)
            }
        case .newObject?:
            let type = PSTypes.normalize(invocation.value(["typename"], position: 0)?.text ?? "")
            if type.contains("sockets.tcpclient") || type.contains("sockets.socket") || type.contains("sockets.udpclient") {
                analyzer.openedSocket = true
            }
        case .dnsLookup?:
            let name = invocation.value(["name"], position: 0)
            if let text = name?.text, isDataInDNSName(text) {
                report(RuleCatalog.dnsExfiltration, "Resolve-DnsName \(text)")
            } else if name?.text == nil, analyzer.readSecrets {
                report(RuleCatalog.dnsExfiltration, "Resolve-DnsName of a name built after reading secrets")
            }
        case .webRequest?:
            let method = (invocation.value(["method"], position: nil)?.text ?? "get").asciiLowercased()
            let sends = invocation.has("body", "infile", "attachments") || ["post", "put", "patch"].contains(method)
            let file = invocation.value(["infile", "attachments"], position: nil)?.text ?? ""
            if sends, analyzer.readSecrets || Secrets.isSecretPath(file) {
                report(RuleCatalog.credentialsSent, "\(invocation.name) sends secrets")
            } else if sends, invocation.upstreamReadsEnvironment || invocation.allTexts.contains(where: { $0.contains("env:") }) {
                report(RuleCatalog.environmentSent, invocation.name)
            }
        case .package?:
            report(RuleCatalog.packageChange, invocation.name)
        case .fileWrite?:
            checkFileWrite(invocation, analyzer: &analyzer)
        }
        if analyzer.openedSocket, invocation.name == "invoke-expression" || invocation.name == "start-process" && (invocation.value(["filepath"], position: 0)?.text.map { ["cmd", "cmd.exe", "powershell", "powershell.exe"].contains($0.asciiLowercased()) } ?? false) {
            report(RuleCatalog.reverseShell, "runs commands next to an open TCP connection")
        }
    }

    /// `x.example` labels of hex or base64 look like data smuggled out in DNS names.
    static func isDataInDNSName(_ name: String) -> Bool {
        name.split(separator: ".").contains { label in
            label.count >= 24 && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        }
    }

    /// Scratch directories: emptying one is reviewed, not blocked.
    static let temporaryDirectories: Set<String> = ["c:/windows/temp", "c:/users/user/appdata/local/temp", "/tmp", "/var/tmp"]

    static func checkRemoveItem(_ invocation: PSInvocation, analyzer: inout PSAnalyzer) {
        let recursive = invocation.has("recurse")
        let paths = (invocation.value(["path", "literalpath"], position: 0)?.elements) ?? []
        if invocation.name == "remove-itemproperty" {
            let text = invocation.allTexts.joined(separator: " ")
            if text.contains("\\run") || text.contains("defender") { analyzer.report(RuleCatalog.systemConfigurationEdit, at: invocation.offset, "removes a registry value") }
            return
        }
        if paths.isEmpty {
            // Paths from the pipeline: as far-reaching as what listed them.
            guard let listing = invocation.upstreamListing else {
                if !invocation.upstream.isEmpty { analyzer.report(RuleCatalog.rmUnresolvedPath, at: invocation.offset, "removes whatever the pipeline produces") }
                return
            }
            switch WindowsPaths.scope(of: listing.path, recursive: true) {
            case .root, .systemDirectory:
                analyzer.report(listing.narrowed ? RuleCatalog.rmUnresolvedPath : RuleCatalog.rmSystemPath, at: invocation.offset,
                                "removes what Get-ChildItem lists in \(listing.path.text ?? "?")")
            case .unresolved:
                analyzer.report(RuleCatalog.rmUnresolvedPath, at: invocation.offset, "removes what Get-ChildItem lists in a path computed at run time")
            case .ordinary:
                break
            }
            return
        }
        for path in paths {
            if let text = path.text?.asciiLowercased() {
                if text.hasPrefix("hklm:") || text.hasPrefix("hkcu:") || text.hasPrefix("registry::") {
                    analyzer.report(RuleCatalog.systemConfigurationEdit, at: invocation.offset, "deletes registry keys")
                    continue
                }
                if text.contains("historysavepath") || text.contains("consolehost_history") {
                    analyzer.report(RuleCatalog.logsCleared, at: invocation.offset, "deletes PowerShell history")
                    continue
                }
                // `C:\Windows\Temp\*` is inside the system tree but holds only scratch files.
                var folder = Substring(PathClassifier.stripTrailingGlobs(text.replacingBackslashes()))
                if folder.hasPrefix("/c:") { folder = folder.dropFirst() }
                if Self.temporaryDirectories.contains(String(folder)) {
                    analyzer.report(RuleCatalog.broadTemporaryDelete, at: invocation.offset, "empties a temporary directory")
                    continue
                }
            }
            switch WindowsPaths.scope(of: path, recursive: recursive) {
            case .root, .systemDirectory:
                analyzer.report(RuleCatalog.rmSystemPath, at: invocation.offset, "Remove-Item \(path.text ?? "?")")
            case .unresolved where recursive:
                analyzer.report(RuleCatalog.rmUnresolvedPath, at: invocation.offset, "Remove-Item -Recurse of a path computed at run time")
            default:
                continue
            }
        }
    }

    /// Registry values that turn protection off or start programs at logon.
    static func checkRegistryWrite(_ invocation: PSInvocation, analyzer: inout PSAnalyzer) {
        let path = (invocation.value(["path", "literalpath"], position: 0)?.text ?? "").asciiLowercased()
        let name = (invocation.value(["name"], position: 1)?.text ?? "").asciiLowercased()
        let value = (invocation.value(["value"], position: 2)?.text ?? "").asciiLowercased()
        guard path.hasPrefix("hk") || path.hasPrefix("registry::") else {
            if invocation.name == "new-item" || invocation.name == "set-item" { checkFileWrite(invocation, analyzer: &analyzer) }
            return
        }
        let offset = invocation.offset
        if path.contains("\\currentversion\\run") || path.contains("\\winlogon") && (name == "userinit" || name == "shell")
            || path.contains("image file execution options") && name == "debugger" || path.contains("\\policies\\explorer\\run") {
            analyzer.report(RuleCatalog.runKey, at: offset, "\(path) \(name)")
        } else if path.contains("\\policies\\system"), ["enablelua", "consentpromptbehavioradmin", "promptonsecuredesktop"].contains(name), value == "0" {
            analyzer.report(RuleCatalog.uacDisabled, at: offset, "\(name) = 0")
        } else if path.contains("windows defender"), name.hasPrefix("disable") || path.contains("exclusions") {
            analyzer.report(RuleCatalog.antivirusDisabled, at: offset, "\(path) \(name)")
        } else if name == "localaccounttokenfilterpolicy" || name == "uselogoncredential" {
            analyzer.report(RuleCatalog.credentialDump, at: offset, "\(name) weakens credential protection")
        } else {
            analyzer.report(RuleCatalog.systemConfigurationEdit, at: offset, "writes \(path)")
        }
    }

    /// Writing files: devices and start-up locations matter; edits of system configuration are reviewed.
    static func checkFileWrite(_ invocation: PSInvocation, analyzer: inout PSAnalyzer) {
        let content = (invocation.value(["value", "inputobject"], position: 1)?.text ?? "").asciiLowercased().filter { $0 != " " }
        if content.contains("%0|%0") || content.contains("start%0") || content.contains(":a\nstart") {
            analyzer.report(RuleCatalog.forkBomb, at: invocation.offset, "writes a batch file that starts copies of itself")
        }
        let copies = ["copy-item", "move-item"].contains(invocation.name)
        let target = copies ? invocation.value(["destination"], position: 1) : invocation.value(["path", "filepath", "literalpath"], position: 0)
        let targets = (target?.elements ?? []).compactMap { $0.text?.asciiLowercased().replacingBackslashes() }
        for target in targets {
            if target.contains("/start menu/programs/startup") || target.contains("/etc/profile") || target.contains("/.bashrc") {
                analyzer.report(RuleCatalog.shellProfile, at: invocation.offset, "writes \(target)")
            } else if target.contains("/.ssh/authorized_keys") {
                analyzer.report(RuleCatalog.authorizedKeys, at: invocation.offset, "writes \(target)")
            } else if target.hasPrefix("c:/windows/system32/") || target.hasPrefix("/etc/") || target.contains("/drivers/etc/hosts")
                || target.hasPrefix("c:/program files/") || target.hasPrefix("c:/program files (x86)/") {
                // Files under Program Files configure installed software, as /etc does on Linux.
                analyzer.report(RuleCatalog.systemConfigurationEdit, at: invocation.offset, "writes \(target)")
            }
        }
    }
}
