/// The work one validation may do, shared by the analyzers of code nested in strings, so
/// that a hostile script (deep nesting, huge loops of `eval`) cannot make it run unbounded.
///
/// Past the limit the rest of the script is not analyzed, and the analyzer reports that
/// once, so the verdict cannot be `allow`.
final class AnalysisBudget {
    /// Commands (bash) or statements (PowerShell) analyzed per script at most, nested code included.
    static let workLimit = 2_000_000

    static let exhaustionDetail = "the script is too large or too deeply nested to analyze completely"

    private var used = 0
    private var exhausted = false

    /// Counts one unit of work: `true` while within the limit. The first time past it,
    /// `reportExhaustion` runs so the analyzer records the finding once.
    func spend(reportExhaustion: () -> Void) -> Bool {
        used += 1
        guard used > Self.workLimit else { return true }
        if !exhausted {
            exhausted = true
            reportExhaustion()
        }
        return false
    }
}
