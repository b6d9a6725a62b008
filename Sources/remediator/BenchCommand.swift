import ArgumentParser
import Foundation
import RemediatorCore
import Safety

/// `remediator bench`: measurements that belong in docs/BENCHMARKS.md.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks of the components that sit on the hot path.",
        subcommands: [ValidatorBenchmarkCommand.self]
    )
}

/// Validator throughput on one core over the corpus's long, realistic scripts.
struct ValidatorBenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validator",
        abstract: "Scripts per second the safety validator judges on one core.",
        discussion: """
        Uses the corpus scripts (all labels) with at least --minimum-lines lines, the size of a \
        typical generated remediation script, validates them round-robin on the calling thread \
        for --seconds per language after one warm-up pass, and prints scripts/s and lines/s \
        (the median of ten slices, so that noise from other work on the machine moves it less), \
        the median CPU time per script of the calling thread, and the CPU time per script of \
        the fastest slice: on a shared host a core runs at full speed only while nothing else \
        uses it, and the fastest slice is the validator's speed on such a core.
        """
    )

    @Option(help: "The corpus directory (LANGUAGE/LABEL/scripts).")
    var corpus: String = "Tests/SafetyTests/Corpus"

    @Option(help: "Only scripts with at least this many lines.")
    var minimumLines: Int = 30

    @Option(help: "Seconds to measure per language.")
    var seconds: Double = 5

    @Option(help: "Only this language (bash or powershell).")
    var language: String?

    func validate() throws {
        if let language, ScriptLanguage(rawValue: language) == nil {
            throw ValidationError("--language must be bash or powershell")
        }
    }

    func run() throws {
        let validator = SafetyValidator()
        let root = URL(fileURLWithPath: corpus)
        print("language    scripts  mean lines  scripts/s    lines/s  µs/script  cpu µs/script  fastest cpu µs")
        for (language, folder, suffix) in [(ScriptLanguage.bash, "bash", "sh"), (.powershell, "powershell", "ps1")] where self.language.map({ $0 == language.rawValue }) ?? true {
            let scripts = try loadScripts(root.appendingPathComponent(folder), suffix: suffix)
            guard !scripts.isEmpty else {
                print("\(folder): no scripts with \(minimumLines)+ lines under \(root.path)")
                continue
            }
            for script in scripts { _ = validator.validate(script, language: language) }
            let lines = scripts.map { $0.split(separator: "\n", omittingEmptySubsequences: false).count }
            // The machine is shared: measure in ten slices and report the median slice, which
            // a burst of noise in one slice does not move.
            let clock = ContinuousClock()
            let slice = Duration.milliseconds(Int64(seconds * 100))
            var rates: [Double] = []
            var cpuRates: [Double] = []
            for _ in 0..<10 {
                var validated = 0
                let start = clock.now
                let cpuStart = Self.threadCPUSeconds()
                while clock.now - start < slice {
                    for script in scripts { _ = validator.validate(script, language: language) }
                    validated += scripts.count
                }
                rates.append(Double(validated) / ((clock.now - start) / .seconds(1)))
                cpuRates.append(Double(validated) / (Self.threadCPUSeconds() - cpuStart))
            }
            let rate = rates.sorted()[rates.count / 2]
            let cpuRate = cpuRates.sorted()[cpuRates.count / 2]
            let fastestCPURate = cpuRates.max() ?? cpuRate
            let meanLines = Double(lines.reduce(0, +)) / Double(lines.count)
            print(String(
                format: "%@ %8d %11.1f %10.0f %10.0f %10.1f %14.1f %15.1f",
                folder.padding(toLength: 10, withPad: " ", startingAt: 0) as NSString, scripts.count, meanLines, rate,
                rate * meanLines, 1_000_000 / rate, 1_000_000 / cpuRate, 1_000_000 / fastestCPURate
            ))
        }
    }

    /// The CPU time the calling thread has used: unlike the wall clock, it leaves out the
    /// time other work on a shared machine takes the core away.
    private static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1_000_000_000
    }

    private func loadScripts(_ directory: URL, suffix: String) throws -> [String] {
        var scripts: [String] = []
        for label in ["safe", "review", "dangerous"] {
            let folder = directory.appendingPathComponent(label)
            guard FileManager.default.fileExists(atPath: folder.path) else { continue }
            for file in try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil) where file.pathExtension == suffix {
                let text = try String(contentsOf: file, encoding: .utf8)
                if text.split(separator: "\n", omittingEmptySubsequences: false).count >= minimumLines { scripts.append(text) }
            }
        }
        return scripts.sorted()
    }
}
