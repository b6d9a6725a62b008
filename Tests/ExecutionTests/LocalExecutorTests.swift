import Execution
import Foundation
import RemediatorCore
import Testing

@Suite("Local executor")
struct LocalExecutorTests {
    let executor = LocalExecutor(gracePeriod: .milliseconds(500))

    func request(_ script: String, timeout: Int = 20, environment: [String: String] = [:], maxOutput: Int = 64 * 1024) -> ExecutionRequest {
        ExecutionRequest(
            step: PlanStep(name: "remediate", role: .remediate, language: .bash, script: script, target: "localhost", timeoutSeconds: timeout),
            host: "localhost", environment: environment, maxOutputBytes: maxOutput
        )
    }

    @Test("captures stdout, stderr and a zero exit status")
    func success() async throws {
        let outcome = try await executor.run(request("echo out; echo err >&2"))
        #expect(outcome.status == .succeeded)
        #expect(outcome.exitCode == 0)
        #expect(outcome.stdout == "out\n")
        #expect(outcome.stderr == "err\n")
        #expect(outcome.command == "/bin/bash -s")
    }

    @Test("a non-zero exit is a failed step with its code")
    func failure() async throws {
        let outcome = try await executor.run(request("echo before; exit 3"))
        #expect(outcome.status == .failed)
        #expect(outcome.exitCode == 3)
        #expect(outcome.stdout == "before\n")
    }

    @Test("alert facts arrive as environment variables, and the server's own environment does not leak")
    func environment() async throws {
        setenv("REMEDIATOR_TEST_SECRET", "do-not-leak", 1)
        let hostile = "web-1; rm -rf / $(reboot) `id`"
        let outcome = try await executor.run(request(
            "printf '%s|%s' \"$ALERT_HOST\" \"${REMEDIATOR_TEST_SECRET:-unset}\"",
            environment: ["ALERT_HOST": hostile]
        ))
        #expect(outcome.stdout == "\(hostile)|unset")
    }

    @Test("a timeout ends the script and the processes it started")
    func timeout() async throws {
        let marker = FileManager.default.temporaryDirectory.appendingPathComponent("child-\(UUID().uuidString)").path
        let started = ContinuousClock.now
        let outcome = try await executor.run(request("sleep 60 & echo $! > \(marker); echo started; wait", timeout: 1))
        let elapsed = ContinuousClock.now - started
        #expect(outcome.status == .timedOut)
        #expect(outcome.stdout.contains("started"))
        // The child sleeps 60 s: ending well before that shows the timeout cut it short. The
        // margin is wide because a test run loads both cores (one run took 21 s there).
        #expect(elapsed < .seconds(45))
        let childPID = try #require(Int32(String(contentsOfFile: marker, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        // Give the kernel a moment to reap, then check the background child is gone.
        try await Task.sleep(for: .milliseconds(500))
        #expect(!Self.isRunning(childPID), "the background child \(childPID) survived the timeout")
    }

    /// Alive and not a zombie (an orphan's zombie waits for whoever reaps orphans here).
    static func isRunning(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).prefix(1)
        return state != "Z" && state != "X"
    }

    @Test("output beyond the bound is dropped and the cut is marked")
    func boundedOutput() async throws {
        // Fifteen pipe buffers past the bound, so the rest must be drained; the timeout is
        // generous because a loaded CI machine once needed more than 20 s for 5 MB.
        let outcome = try await executor.run(request("head -c 1000000 /dev/zero | tr '\\0' 'a'", timeout: 120, maxOutput: 1000))
        #expect(outcome.status == .succeeded)
        #expect(outcome.truncated)
        #expect(outcome.stdout.hasPrefix(String(repeating: "a", count: 1000)))
        #expect(outcome.stdout.contains("[output truncated at 1000 bytes]"))
    }

    @Test("non-UTF-8 bytes are kept as \\xNN escapes, not lost; valid UTF-8 around them is unchanged")
    func nonUTF8() async throws {
        let outcome = try await executor.run(request("printf 'ok\\377\\376é end'"))
        #expect(outcome.stdout == "ok\\xFF\\xFEé end")
    }

    @Test("a command that reads standard input cannot swallow the rest of the script")
    func standardInputIsNotTheScript() async throws {
        let outcome = try await executor.run(request("read -r stolen || true\necho \"after:${stolen:-nothing}\"\n"))
        #expect(outcome.stdout == "after:nothing\n")
    }

    @Test("a script with a syntax error anywhere runs nothing")
    func syntaxErrorRunsNothing() async throws {
        let outcome = try await executor.run(request("echo ran\nif then fi\n"))
        #expect(outcome.status == .failed)
        #expect(!outcome.stdout.contains("ran"))
    }

    @Test("a step for another host is refused, not run here")
    func otherHost() async throws {
        var other = request("echo should-not-run")
        other.host = "db-7"
        let outcome = try await executor.run(other)
        #expect(outcome.status == .failed)
        #expect(outcome.stderr.contains("refused"))
        #expect(outcome.stdout.isEmpty)
    }

    @Test("a 100 KB script runs whole, because it goes on standard input")
    func largeScript() async throws {
        let lines = (0..<6000).map { "x\($0)=\"\(String(repeating: "y", count: 10))\"" }
        let script = lines.joined(separator: "\n") + "\necho done $x5999\n"
        #expect(script.utf8.count > 100_000)
        let outcome = try await executor.run(request(script))
        #expect(outcome.stdout == "done yyyyyyyyyy\n")
    }
}

@Suite("Dry-run executor")
struct DryRunExecutorTests {
    @Test("records what would run and where, and runs nothing")
    func records() async throws {
        let marker = FileManager.default.temporaryDirectory.appendingPathComponent("dry-\(UUID().uuidString)").path
        let outcome = try await DryRunExecutor().run(ExecutionRequest(
            step: PlanStep(name: "remediate", role: .remediate, language: .bash, script: "touch \(marker)\n", target: "web-1", timeoutSeconds: 30),
            host: "web-1", environment: ["ALERT_HOST": "web-1", "ALERT_LABEL_X": "it's"], maxOutputBytes: 64 * 1024
        ))
        #expect(outcome.status == .dryRun)
        #expect(outcome.exitCode == nil)
        #expect(outcome.stdout.contains("# host: web-1"))
        #expect(outcome.stdout.contains("# env ALERT_LABEL_X='it'\\''s'"))
        #expect(outcome.stdout.hasSuffix("touch \(marker)\n"))
        #expect(!FileManager.default.fileExists(atPath: marker))
    }
}
