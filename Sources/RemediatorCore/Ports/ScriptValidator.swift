/// Judges a script before anyone may approve it.
///
/// Pure and synchronous: the same script and language always get the same report, in the
/// API, the CLI and the engine alike.
public protocol ScriptValidator: Sendable {
    /// Judges `script` under the policy of this validator's environment.
    func validate(_ script: String, language: ScriptLanguage) -> SafetyReport

    /// The validator that judges under `environment`'s policy, or `nil` when no policy
    /// names that environment.
    func forEnvironment(_ environment: String) -> (any ScriptValidator)?

    /// The environments ``forEnvironment(_:)`` knows, for error messages.
    var environmentNames: [String] { get }
}
