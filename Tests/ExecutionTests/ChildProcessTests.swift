@testable import Execution
import Foundation
import Testing

@Suite("Child processes")
struct ChildProcessTests {
    /// 4 MB: far more than a pipe holds, so a writer would still be writing when the program ends.
    static let input = [UInt8](repeating: UInt8(ascii: "x"), count: 4 << 20)

    func run(_ command: [String], timeout: Duration = .seconds(20), limit: Int = 64) async throws -> (ChildProcess.Ending, String) {
        let process = ChildProcess(command: command, environment: ["PATH": "/usr/bin:/bin"], standardInput: Self.input, gracePeriod: .milliseconds(200))
        let stdout = OutputBuffer(limit: limit)
        let ending = try await process.run(timeout: timeout, stdout: stdout, stderr: OutputBuffer(limit: limit))
        return (ending, stdout.text)
    }

    @Test("a program that exits without reading its standard input ends normally, again and again")
    func unreadInput() async throws {
        for _ in 0..<20 {
            let (ending, _) = try await run(["/bin/true"])
            #expect(ending == .exited(0))
        }
    }

    @Test("a program killed at its timeout with its standard input unread is reported as timed out")
    func killedWithUnreadInput() async throws {
        let (ending, _) = try await run(["/bin/sleep", "30"], timeout: .milliseconds(300))
        #expect(ending == .timedOut)
    }

    @Test("a program that reads its standard input gets all of it")
    func wholeInput() async throws {
        let (ending, output) = try await run(["/bin/sh", "-c", "wc -c"])
        #expect(ending == .exited(0))
        #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == String(Self.input.count))
    }
}
