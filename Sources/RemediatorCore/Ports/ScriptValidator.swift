/// Judges a script before anyone may approve it.
///
/// Pure and synchronous: the same script and language always get the same report, in the
/// API, the CLI and the engine alike.
public protocol ScriptValidator: Sendable {
    func validate(_ script: String, language: ScriptLanguage) -> SafetyReport
}
