import RemediatorCore

/// Every rule the validator knows, by family.
public enum RuleCatalog {
    // MARK: destruction
    public static let rmSystemPath = Rule(
        id: "destroy.rm-system-path", family: .destruction, verdict: .block,
        summary: "deletes / or a system directory",
        hint: "delete only inside an explicit application directory, e.g. rm -rf -- /var/lib/myapp/cache/*")
    public static let rmNoPreserveRoot = Rule(
        id: "destroy.rm-no-preserve-root", family: .destruction, verdict: .block,
        summary: "rm --no-preserve-root disables the guard against deleting /")
    public static let rmUnresolvedPath = Rule(
        id: "destroy.rm-unresolved-path", family: .destruction, verdict: .review,
        summary: "recursive delete of a path the validator cannot resolve",
        hint: "guard the variable (\"${DIR:?}\"/sub) or use a literal path")
    public static let findDeleteRoot = Rule(
        id: "destroy.find-delete-system", family: .destruction, verdict: .block,
        summary: "find deletes from / or across a whole system directory",
        hint: "start find in the application directory and restrict it (-name, -mtime, -type f)")
    public static let mkfs = Rule(
        id: "destroy.mkfs", family: .destruction, verdict: .block,
        summary: "creates a filesystem, erasing what the device held")
    public static let diskWrite = Rule(
        id: "destroy.disk-write", family: .destruction, verdict: .block,
        summary: "writes raw data to or wipes a block device")

    public static let diskWriteUnresolved = Rule(
        id: "destroy.disk-write-unresolved", family: .destruction, verdict: .review,
        summary: "writes raw data to a target the validator cannot resolve")

    // MARK: availability
    public static let shutdown = Rule(
        id: "availability.shutdown", family: .availability, verdict: .block,
        summary: "shuts down or reboots the host",
        hint: "restart the failing service instead; a reboot needs a human")
    public static let killAll = Rule(
        id: "availability.kill-all", family: .availability, verdict: .block,
        summary: "kills every process the user can signal")
    public static let forkBomb = Rule(
        id: "availability.fork-bomb", family: .availability, verdict: .block,
        summary: "a function that spawns itself without end (fork bomb)")

    // MARK: security
    public static let chmodWorldWritable = Rule(
        id: "security.chmod-world-writable", family: .security, verdict: .block,
        summary: "makes / or a system directory writable by everyone")
    public static let chmodWorldWritableElsewhere = Rule(
        id: "security.chmod-recursive-world-writable", family: .security, verdict: .review,
        summary: "recursively makes files writable by everyone",
        hint: "grant the service's own user or group instead (chown, chmod g+w)")

    // MARK: remote code
    public static let pipeDownloadToInterpreter = Rule(
        id: "remote.download-to-interpreter", family: .remoteCode, verdict: .block,
        summary: "runs code downloaded from the network",
        hint: "install from the distribution's package manager or ship the script in the runbook")

    // MARK: execution the validator cannot see through
    public static let dynamicCommand = Rule(
        id: "exec.dynamic-command", family: .execution, verdict: .review,
        summary: "the command name is computed at run time",
        hint: "call the command by its literal name")
    public static let dynamicEval = Rule(
        id: "exec.dynamic-eval", family: .execution, verdict: .review,
        summary: "evaluates a string built at run time as shell code",
        hint: "run the commands directly instead of through eval / sh -c")
    public static let pipeToInterpreter = Rule(
        id: "exec.pipe-to-interpreter", family: .execution, verdict: .review,
        summary: "feeds generated text to an interpreter as code")
    public static let inlineInterpreterCode = Rule(
        id: "exec.inline-interpreter-code", family: .execution, verdict: .review,
        summary: "runs inline code in an interpreter the validator does not analyze",
        hint: "write the step in shell, or review the inline program by hand")
    public static let dynamicSource = Rule(
        id: "exec.dynamic-source", family: .execution, verdict: .review,
        summary: "sources a file the validator cannot resolve")

    // MARK: parsing
    public static let parseError = Rule(
        id: "parse.error", family: .parsing, verdict: .review,
        summary: "the script could not be parsed, so it could not be checked",
        hint: "fix the syntax; `bash -n` shows the error")
    public static let unsupportedLanguage = Rule(
        id: "parse.unsupported-language", family: .parsing, verdict: .review,
        summary: "this language is not analyzed yet; a human must read the script")
    public static let tooDeep = Rule(
        id: "parse.too-deep", family: .parsing, verdict: .review,
        summary: "code nested inside strings too deeply to analyze")
}
