/// What the PowerShell analyzer does with a command beyond the rules, by resolved name.
///
/// One dictionary lookup per command: a `switch` over the names compared every other
/// command with each case's names in turn, and most commands match none.
enum PSCommandRole: Sendable {
    /// `Invoke-Expression`: its argument is code.
    case invokeExpression
    /// `Invoke-Command`, `Start-Job`: a script block given as a string is code.
    case scriptBlockRunner
    /// `Set-Alias`, `New-Alias`.
    case alias
    /// `Set-Variable`, `New-Variable`.
    case variable
    /// `powershell`, `pwsh`: a command line of its own.
    case powershell
    case startProcess
    case cmd
    /// Reads a path, which may be a secret.
    case read
    /// Lists items; what it lists flows down the pipeline.
    case listing
    /// `Get-Item`: both lists and reads.
    case listingAndRead
    /// Narrows what an upstream listing passes on.
    case filter
    /// Downloads: the pipeline carries downloaded content, `-OutFile` is a downloaded file.
    case download
    /// Runs or loads a path, which may have been downloaded.
    case runsPath
}

extension PSAnalyzer {
    /// The roles of the cmdlets and programs the analyzer follows; every other name has none.
    static let roles: [String: PSCommandRole] = [
        "invoke-expression": .invokeExpression,
        "invoke-command": .scriptBlockRunner, "start-job": .scriptBlockRunner, "start-threadjob": .scriptBlockRunner,
        "set-alias": .alias, "new-alias": .alias,
        "set-variable": .variable, "new-variable": .variable,
        "powershell": .powershell, "pwsh": .powershell,
        "start-process": .startProcess,
        "cmd": .cmd,
        "get-content": .read, "copy-item": .read, "get-item": .listingAndRead,
        "get-childitem": .listing,
        "where-object": .filter, "select-object": .filter, "sort-object": .filter,
        "invoke-webrequest": .download, "invoke-restmethod": .download, "start-bitstransfer": .download,
        "invoke-item": .runsPath, "import-module": .runsPath,
    ]
}
