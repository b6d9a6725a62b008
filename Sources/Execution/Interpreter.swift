import RemediatorCore

/// How a script of each language is run: the script always goes on standard input, so
/// its size is not limited by the command line and it never appears in `ps`.
enum Interpreter {
    static func command(for language: ScriptLanguage) -> [String] {
        switch language {
        case .bash: ["/bin/bash", "-s"]
        case .powershell: ["pwsh", "-NoProfile", "-NonInteractive", "-Command", "-"]
        }
    }

    /// What is written to the interpreter's standard input for a step.
    ///
    /// A bash script is wrapped in `{ ... }` so bash reads and parses all of it before
    /// running any of it: a command in the script that reads standard input (`read`,
    /// `ssh`, `mysql`) then sees end-of-file instead of swallowing the rest of the script,
    /// and a syntax error anywhere stops the step before anything ran.
    static func standardInput(for step: PlanStep) -> String {
        switch step.language {
        case .bash:
            let script = step.script.hasSuffix("\n") ? step.script : step.script + "\n"
            return "{\n" + script + "}\n"
        case .powershell:
            return step.script
        }
    }
}
