/// The commands whose output ``PSEvaluator`` works out (a scheduled task's action, what a
/// listing lists, a download), by resolved name; every other command's output is unknown.
///
/// Found through ``PSCommandTraits`` with the command's other traits: a `switch` over the
/// names compared every other command with each of them in turn.
enum PSOutputCommand: Sendable {
    case newScheduledTaskAction
    case newScheduledTaskTrigger
    case getChildItem
    /// `Invoke-WebRequest`, `Invoke-RestMethod`: downloaded content.
    case download
    case joinPath
    /// `Get-Command` with a wildcard: the command it picks.
    case getCommand
    case newObject
}

extension PSEvaluator {
    /// The names of the commands with a ``PSOutputCommand``.
    static let outputCommands: [String: PSOutputCommand] = [
        "new-scheduledtaskaction": .newScheduledTaskAction, "new-scheduledtasktrigger": .newScheduledTaskTrigger,
        "get-childitem": .getChildItem, "invoke-webrequest": .download, "invoke-restmethod": .download,
        "join-path": .joinPath, "get-command": .getCommand, "new-object": .newObject,
    ]
}
