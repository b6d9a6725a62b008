/// One command as it will run: wrappers (`sudo`, `env`, `nohup`, ...) removed, variables
/// substituted, and what it reads from recorded.
///
/// A class: the analyzer and the rules hand one invocation around many times, and copying
/// a reference is one retain where copying the ten fields of a struct was ten. Not
/// `Sendable`: it lives within one validation, and its derived lists are filled in on first use.
final class CommandInvocation {
    /// The command's base name: `/usr/bin/rm` → `rm`.
    let name: String
    /// What the rules and the analyzer know about ``name``.
    let traits: CommandTraits
    /// The words after the name, as unwrapping left them: a slice of the command's words.
    private let argumentWords: ArraySlice<ResolvedWord>
    /// The words after the name; copied out of ``argumentWords`` when a rule first asks.
    private(set) lazy var arguments: [ResolvedWord] = Array(argumentWords)
    let redirects: [BashRedirect]
    let offset: Int
    /// Extra arguments arrive at run time (from `xargs`) or are the paths `find` walks.
    let dynamicArguments: DynamicArguments?
    /// What feeds standard input through the pipeline.
    let upstream: [String]
    /// Where the pipeline this command is part of starts, for findings about the pipeline.
    let pipelineOffset: Int?
    /// The working directory, when the script made it known with `cd`.
    let workingDirectory: String?
    /// What the previous command of the pipeline writes, when it is fixed text
    /// (`echo 'cmd' | sh`, `cat <<'EOF' | bash`).
    let upstreamText: String?
    /// Arguments that are not options, honouring `--`.
    ///
    /// This and the value lists below are built when a rule first asks: most commands
    /// (`echo`, `grep`, `du`) concern no rule family, and building them for every command
    /// cost more than the rules that read them.
    private(set) lazy var operands: [ResolvedWord] = Self.operands(of: arguments)
    /// The values of the arguments that are known, in order.
    private(set) lazy var values: [String] = Self.knownValues(of: arguments)
    /// The values of the operands that are known, in order.
    private(set) lazy var operandValues: [String] = {
        // Commonly nothing is an option and everything is known: share the arrays.
        operands.count == arguments.count && values.count == arguments.count ? values : Self.knownValues(of: operands)
    }()

    init(
        name: String, arguments: ArraySlice<ResolvedWord>, redirects: [BashRedirect], offset: Int, dynamicArguments: DynamicArguments?,
        upstream: [String], pipelineOffset: Int?, workingDirectory: String?, upstreamText: String?
    ) {
        self.name = name
        self.traits = CommandTraits.of(name)
        self.argumentWords = arguments
        self.redirects = redirects
        self.offset = offset
        self.dynamicArguments = dynamicArguments
        self.upstream = upstream
        self.pipelineOffset = pipelineOffset
        self.workingDirectory = workingDirectory
        self.upstreamText = upstreamText
    }

    /// Whether `predicate` holds for a known argument's UTF-8 bytes, told whether the
    /// argument is an operand (not an option, honouring `--`), without building the operand
    /// and value lists: every command is asked this, so it reads each value's bytes in place.
    func containsKnownArgument(where predicate: (_ bytes: UnsafeBufferPointer<UInt8>, _ isOperand: Bool) -> Bool) -> Bool {
        var optionsEnded = false
        for argument in argumentWords {
            guard var value = argument.value else { continue }
            let found = value.withUTF8 { bytes in
                if optionsEnded { return predicate(bytes, true) }
                let isOption = bytes.count > 1 && bytes[0] == UInt8(ascii: "-")
                if isOption, bytes.count == 2, bytes[1] == UInt8(ascii: "-") { optionsEnded = true }
                return predicate(bytes, !isOption)
            }
            if found { return true }
        }
        return false
    }

    /// The known values in order, in one allocation (`compactMap` grows its result step by step).
    private static func knownValues(of words: [ResolvedWord]) -> [String] {
        var values: [String] = []
        values.reserveCapacity(words.count)
        for word in words {
            if let value = word.value { values.append(value) }
        }
        return values
    }

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

    private static func operands(of arguments: [ResolvedWord]) -> [ResolvedWord] {
        func isOption(_ argument: ResolvedWord) -> Bool {
            guard let value = argument.value else { return false }
            return value.utf8.first == UInt8(ascii: "-") && value.utf8.count > 1
        }
        guard arguments.contains(where: isOption) else { return arguments }
        var result: [ResolvedWord] = []
        result.reserveCapacity(arguments.count)
        var optionsEnded = false
        for argument in arguments {
            if !optionsEnded, let value = argument.value {
                if value == "--" {
                    optionsEnded = true
                    continue
                }
                if value.utf8.first == UInt8(ascii: "-"), value.utf8.count > 1 { continue }
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
