import Foundation

/// A PostgreSQL cluster of the test's own, started by `scripts/postgres/start.sh`, which the
/// test may stop and start (`scripts/postgres/ctl.sh`).
struct PrivatePostgres {
    static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/postgres")

    let directory: String
    let url: String

    init() async throws {
        let output = try await blocking { try Self.run("start.sh", ["--no-fsync"]) }
        var values: [String: String] = [:]
        for line in output.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { values[parts[0]] = parts[1] }
        }
        guard let directory = values["REMEDIATOR_TEST_POSTGRES_DIR"], let url = values["REMEDIATOR_TEST_DATABASE_URL"] else {
            throw ServerProcess.Failure("start.sh printed no cluster: \(output)")
        }
        self.directory = directory
        self.url = url + "?sslmode=disable"
    }

    /// `stop` or `start`, with the cluster's own settings.
    func control(_ action: String) async throws {
        let directory = directory
        _ = try await blocking { try Self.run("ctl.sh", [directory, action]) }
    }

    func remove() {
        _ = try? Self.run("stop.sh", [directory])
    }

    func rows(_ sql: String) async throws -> [String] {
        let url = url
        return try await blocking { try PostgresScratchDatabase.psql(url, sql) }.split(separator: "\n").map(String.init)
    }

    /// Runs the script through `system(3)` with its output in a file: the PostgreSQL server
    /// it starts inherits descriptors, and Foundation's `Process` then never sees the
    /// script end.
    private static func run(_ script: String, _ arguments: [String]) throws -> String {
        let outputURL = FileManager.default.temporaryDirectory.appendingPathComponent("remediator-pg-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: outputURL) }
        let command = ([scripts.appendingPathComponent(script).path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let status = system("\(command) </dev/null >'\(outputURL.path)' 2>/dev/null")
        guard status == 0 else { throw ServerProcess.Failure("\(script) \(arguments) failed (\(status))") }
        return try String(contentsOf: outputURL, encoding: .utf8)
    }
}
