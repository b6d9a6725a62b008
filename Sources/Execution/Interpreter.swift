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
}
