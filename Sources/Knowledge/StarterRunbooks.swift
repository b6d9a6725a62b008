/// The runbooks shipped inside the binary.
public enum StarterRunbooks {
    /// Every starter runbook, parsed once per process; a starter that does not parse is a
    /// build defect, which the test suite catches, so errors here are reported, not hidden.
    public static func load() -> (runbooks: [Runbook], problems: [RunbookError]) {
        parsed
    }

    private static let parsed: (runbooks: [Runbook], problems: [RunbookError]) = {
        var runbooks: [Runbook] = []
        var problems: [RunbookError] = []
        for file in files {
            do throws(RunbookError) {
                runbooks.append(try RunbookParser.parse(file.text + "\n", origin: "starter:\(file.name)"))
            } catch {
                problems.append(error)
            }
        }
        return (runbooks, problems)
    }()
}
