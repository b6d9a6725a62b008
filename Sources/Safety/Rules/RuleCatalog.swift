import RemediatorCore

/// Every rule the validator knows, by family. Ids are stable: policies, tests and the
/// people reading reports refer to them.
public enum RuleCatalog {
    private static func rule(_ id: String, _ family: Rule.Family, _ summary: String, hint: String? = nil, verdict: Verdict? = nil) -> Rule {
        Rule(id: id, family: family, verdict: verdict ?? family.defaultVerdict, summary: summary, hint: hint)
    }

    // MARK: destruction
    public static let rmSystemPath = rule("destroy.rm-system-path", .destruction, "deletes / or a system directory",
        hint: "delete only inside an explicit application directory, e.g. rm -rf -- /var/lib/myapp/cache/*")
    public static let rmNoPreserveRoot = rule("destroy.rm-no-preserve-root", .destruction, "rm --no-preserve-root disables the guard against deleting /")
    public static let rmUnresolvedPath = rule("destroy.rm-unresolved-path", .destruction, "recursive delete of a path the validator cannot resolve",
        hint: "use a literal path, or a variable assigned a literal path in the script", verdict: .review)
    public static let findDeleteRoot = rule("destroy.find-delete-system", .destruction, "find deletes from / or across a whole system directory",
        hint: "start find in the application directory and restrict it (-name, -mtime, -type f)")
    public static let rsyncDeleteRoot = rule("destroy.rsync-delete-system", .destruction, "rsync --delete onto / or a system directory")
    public static let mkfs = rule("destroy.mkfs", .destruction, "creates a filesystem, erasing what the device held")
    public static let diskWrite = rule("destroy.disk-write", .destruction, "writes raw data to or wipes a block device")
    public static let diskWriteUnresolved = rule("destroy.disk-write-unresolved", .destruction, "writes raw data to a target the validator cannot resolve", verdict: .review)
    public static let formatDisk = rule("destroy.format-disk", .destruction, "formats, clears or repartitions a disk or volume")
    public static let shadowCopies = rule("destroy.shadow-copies", .destruction, "deletes volume shadow copies (the host's backups)")
    public static let databaseDrop = rule("destroy.database-drop", .destruction, "drops or truncates a database or table",
        hint: "database changes belong in a reviewed migration, not in a remediation")
    public static let clusterWideDelete = rule("destroy.cluster-wide-delete", .destruction, "deletes Kubernetes objects across namespaces or a system namespace",
        hint: "name one object in one application namespace")
    public static let terraformDestroy = rule("destroy.terraform-destroy", .destruction, "destroys infrastructure managed by Terraform")
    public static let bootConfiguration = rule("destroy.boot-configuration", .destruction, "changes or deletes the boot configuration")

    // MARK: availability
    public static let shutdown = rule("availability.shutdown", .availability, "shuts down or reboots the host",
        hint: "restart the failing service instead; a reboot needs a human")
    public static let killAll = rule("availability.kill-all", .availability, "kills every process the user can signal")
    public static let criticalService = rule("availability.critical-service", .availability, "stops or disables a service the host cannot do without (remote access, logging, protection)",
        hint: "restart the application's own service; leave sshd, WinRM, EventLog and Defender alone")
    public static let criticalProcess = rule("availability.critical-process", .availability, "kills a process the operating system cannot run without")
    public static let forkBomb = rule("fork-bomb.self-spawn", .forkBomb, "a function or loop that spawns copies of itself without end (fork bomb)")

    // MARK: security
    public static let chmodWorldWritable = rule("security.chmod-world-writable", .security, "makes / or a system directory writable by everyone")
    public static let chmodWorldWritableElsewhere = rule("security.chmod-recursive-world-writable", .security, "recursively makes files writable by everyone",
        hint: "grant the service's own user or group instead (chown, chmod g+w)", verdict: .review)
    public static let firewallDisabled = rule("security.firewall-disabled", .security, "turns the host firewall off or opens it completely")
    public static let selinuxDisabled = rule("security.selinux-disabled", .security, "switches SELinux or AppArmor enforcement off")
    public static let antivirusDisabled = rule("security.antivirus-disabled", .security, "disables Microsoft Defender or excludes paths from scanning")
    public static let executionPolicy = rule("security.execution-policy", .security, "sets the PowerShell execution policy to Unrestricted or Bypass for the machine or user")
    public static let setuidShell = rule("security.setuid-shell", .security, "gives a shell or interpreter the setuid bit")
    public static let sudoers = rule("security.sudoers", .security, "changes who may use sudo (sudoers, sudo/wheel groups)")
    public static let authorizedKeys = rule("security.authorized-keys", .security, "adds an SSH key that may log in")
    public static let newAdmin = rule("security.new-admin", .security, "creates an administrator or a user with uid 0")
    public static let uacDisabled = rule("security.uac-disabled", .security, "turns User Account Control off")
    public static let auditDisabled = rule("security.audit-disabled", .security, "stops or disables auditing")
    public static let sshWeakened = rule("security.ssh-weakened", .security, "lets root or passwords log in over SSH")
    public static let accountFiles = rule("security.account-files", .security, "removes a password or changes who may log in as root")
    public static let logsCleared = rule("security.logs-cleared", .security, "clears logs or shell history, destroying the record of what happened")

    // MARK: remote code
    public static let pipeDownloadToInterpreter = rule("remote.download-to-interpreter", .remoteCode, "runs code downloaded from the network",
        hint: "install from the distribution's package manager or ship the script in the runbook")
    public static let downloadThenRun = rule("remote.download-then-run", .remoteCode, "downloads a file and then runs it")

    // MARK: exfiltration
    public static let credentialsSent = rule("exfil.credentials-sent", .exfiltration, "reads secrets (password hashes, cloud or SSH keys) and sends them over the network")
    public static let credentialDump = rule("exfil.credential-dump", .exfiltration, "dumps credential stores (SAM hive, LSASS memory)")
    public static let dataSent = rule("exfil.data-sent", .exfiltration, "sends database dumps or archives of system data to a remote host")
    public static let environmentSent = rule("exfil.environment-sent", .exfiltration, "sends the environment (which holds secrets) over the network")
    public static let dnsExfiltration = rule("exfil.dns", .exfiltration, "sends data out inside DNS queries")

    // MARK: reverse shells
    public static let reverseShell = rule("reverse-shell.interactive", .reverseShell, "connects a shell to a remote host (reverse shell)")

    // MARK: persistence
    public static let cron = rule("persistence.cron", .persistence, "installs a cron job that runs something the validator cannot vouch for",
        hint: "schedule only a fixed command the validator allows, at a path outside /tmp and home directories")
    public static let systemdUnit = rule("persistence.systemd-unit", .persistence, "installs or enables a systemd unit or timer that runs something the validator cannot vouch for",
        hint: "let the unit run only a fixed command the validator allows, at a path outside /tmp and home directories")
    public static let shellProfile = rule("persistence.shell-profile", .persistence, "writes to a shell start-up file (.bashrc, /etc/profile, rc.local)")
    public static let preload = rule("persistence.ld-preload", .persistence, "makes every program load a library (/etc/ld.so.preload, LD_PRELOAD)")
    public static let runKey = rule("persistence.run-key", .persistence, "adds a program that starts at logon (Run keys, Winlogon, IFEO debugger)")
    public static let scheduledTask = rule("persistence.scheduled-task", .persistence, "creates a scheduled task")
    public static let newService = rule("persistence.service", .persistence, "installs a new service")
    public static let wmiSubscription = rule("persistence.wmi-subscription", .persistence, "creates a WMI event subscription")

    // MARK: execution the validator cannot see through
    public static let dynamicCommand = rule("exec.dynamic-command", .execution, "the command name is computed at run time",
        hint: "call the command by its literal name")
    public static let dynamicEval = rule("exec.dynamic-eval", .execution, "evaluates a string built at run time as code",
        hint: "run the commands directly instead of through eval / Invoke-Expression")
    public static let pipeToInterpreter = rule("exec.pipe-to-interpreter", .execution, "feeds generated text to an interpreter as code")
    public static let inlineInterpreterCode = rule("exec.inline-interpreter-code", .execution, "runs inline code in an interpreter the validator does not analyze",
        hint: "write the step in shell, or review the inline program by hand")
    public static let dynamicSource = rule("exec.dynamic-source", .execution, "runs or sources a file the validator cannot resolve")
    public static let encodedPayload = rule("exec.encoded-payload", .execution, "runs an encoded payload that could not be decoded")

    // MARK: consequential changes
    public static let serviceChange = rule("change.service", .change, "starts, stops or restarts a service")
    public static let packageChange = rule("change.packages", .change, "installs, removes or upgrades packages")
    public static let broadTemporaryDelete = rule("change.temporary-files", .change, "deletes everything in a shared temporary directory")
    public static let systemConfigurationEdit = rule("change.system-configuration", .change, "edits system configuration (/etc, the registry)")
    public static let containerPrune = rule("change.containers", .change, "removes containers, images or volumes")
    public static let scheduledJob = rule("change.scheduled-job", .change, "schedules a job or installs a unit that runs an ordinary command")
    public static let clusterChange = rule("change.kubernetes", .change, "changes Kubernetes objects")
    public static let accountChange = rule("change.accounts", .change, "creates or changes user accounts or group membership")
    public static let networkChange = rule("change.network", .change, "changes firewall rules or network configuration")

    // MARK: parsing
    public static let parseError = rule("parse.error", .parsing, "the script could not be parsed, so it could not be checked",
        hint: "fix the syntax; `bash -n` (or PowerShell's parser) shows the error")
    public static let tooDeep = rule("parse.too-deep", .parsing, "code nested too deeply, or too much of it, to analyze")

    // MARK: policy
    public static let policyDeniedCommand = rule("policy.denied-command", .policy, "runs a command this environment's policy denies",
        hint: "use another command, or change the policy's commands.deny list")
    public static let policyDeniedPath = rule("policy.denied-path", .policy, "names a path this environment's policy denies",
        hint: "leave that path alone, or change the policy's paths.deny list")
    public static let policyDeniedService = rule("policy.denied-service", .policy, "acts on a service this environment's policy denies",
        hint: "leave that service alone, or change the policy's services.deny list")

    /// Every rule, for documentation and policy validation.
    public static let all: [Rule] = [
        rmSystemPath, rmNoPreserveRoot, rmUnresolvedPath, findDeleteRoot, rsyncDeleteRoot, mkfs, diskWrite, diskWriteUnresolved,
        formatDisk, shadowCopies, databaseDrop, clusterWideDelete, terraformDestroy, bootConfiguration,
        shutdown, killAll, criticalService, criticalProcess, forkBomb,
        chmodWorldWritable, chmodWorldWritableElsewhere, firewallDisabled, selinuxDisabled, antivirusDisabled, executionPolicy,
        setuidShell, sudoers, authorizedKeys, newAdmin, uacDisabled, auditDisabled, sshWeakened, accountFiles, logsCleared,
        pipeDownloadToInterpreter, downloadThenRun,
        credentialsSent, credentialDump, dataSent, environmentSent, dnsExfiltration,
        reverseShell,
        cron, systemdUnit, shellProfile, preload, runKey, scheduledTask, newService, wmiSubscription,
        dynamicCommand, dynamicEval, pipeToInterpreter, inlineInterpreterCode, dynamicSource, encodedPayload,
        serviceChange, packageChange, broadTemporaryDelete, systemConfigurationEdit, containerPrune, clusterChange, accountChange, networkChange,
        scheduledJob,
        parseError, tooDeep,
        policyDeniedCommand, policyDeniedPath, policyDeniedService,
    ]
}
