/// One command as it will run: wrappers (`sudo`, `env`, `nohup`, ...) removed, variables
/// substituted, and what it reads from recorded.
struct CommandInvocation: Sendable {
    /// The command's base name: `/usr/bin/rm` → `rm`.
    var name: String
    var arguments: [ResolvedWord]
    var redirects: [BashRedirect]
    var offset: Int
    /// Extra arguments arrive at run time (from `xargs`) or are the paths `find` walks.
    var dynamicArguments: DynamicArguments?
    /// What feeds standard input through the pipeline.
    var upstream: [String]
    /// Where the pipeline this command is part of starts, for findings about the pipeline.
    var pipelineOffset: Int?
    /// The working directory, when the script made it known with `cd`.
    var workingDirectory: String?
    /// What the previous command of the pipeline writes, when it is fixed text
    /// (`echo 'cmd' | sh`, `cat <<'EOF' | bash`).
    var upstreamText: String?

    /// The scope of a path operand, resolved against the known working directory.
    func scope(of path: ResolvedWord, recursive: Bool = false) -> PathClassifier.Scope {
        PathClassifier.scope(of: path, workingDirectory: workingDirectory, recursive: recursive)
    }

    enum DynamicArguments: Sendable {
        /// `xargs cmd`: arguments read from standard input.
        case fromInput
        /// `find START... -exec cmd {} ;`: the paths found under the start paths;
        /// `filtered` when tests such as `-name` or `-mtime` narrow what is found.
        case foundUnder([ResolvedWord], filtered: Bool)
    }

    /// Arguments that are not options, honouring `--`.
    var operands: [ResolvedWord] {
        var result: [ResolvedWord] = []
        var optionsEnded = false
        for argument in arguments {
            if !optionsEnded, let value = argument.value {
                if value == "--" {
                    optionsEnded = true
                    continue
                }
                if value.hasPrefix("-"), value.count > 1 { continue }
            }
            result.append(argument)
        }
        return result
    }

    /// Whether a short flag letter (`-rf` contains `r`) or a long option is present before `--`.
    func hasFlag(_ letters: Set<Character>, long: Set<String> = []) -> Bool {
        for argument in arguments {
            guard let value = argument.value else { continue }
            if value == "--" { return false }
            if value.hasPrefix("--") {
                let name = value.split(separator: "=", maxSplits: 1).first.map(String.init) ?? value
                if long.contains(name) { return true }
            } else if value.hasPrefix("-"), value.count > 1, value.dropFirst().contains(where: { letters.contains($0) }) {
                return true
            }
        }
        return false
    }
}
