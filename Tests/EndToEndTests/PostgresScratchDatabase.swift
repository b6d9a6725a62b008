import Foundation

/// A database of its own on the test server, created and dropped with `psql`.
struct PostgresScratchDatabase {
    let server: String
    let name: String
    let url: String

    init(server: String) throws {
        self.server = server
        name = "nodes_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        guard let slash = server.range(of: "/", options: .backwards) else { throw ServerProcess.Failure("bad database URL") }
        url = server[..<slash.lowerBound] + "/" + name + "?sslmode=disable"
        _ = try Self.psql(server, "CREATE DATABASE \(name)")
    }

    func drop() {
        _ = try? Self.psql(server, "DROP DATABASE \(name) WITH (FORCE)")
    }

    /// Rows as arrays of column texts.
    func rows(_ sql: String) async throws -> [[String]] {
        let url = url
        return try await blocking { try Self.psql(url, sql) }
            .split(separator: "\n").map { $0.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init) }
    }

    func scalar(_ sql: String) async throws -> String {
        let url = url
        return try await blocking { try Self.psql(url, sql) }.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func psql(_ url: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        process.arguments = [url, "-X", "-A", "-t", "-q", "-F", "\u{1F}", "-v", "ON_ERROR_STOP=1", "-c", sql]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let problem = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ServerProcess.Failure("psql failed: \(String(decoding: problem, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
