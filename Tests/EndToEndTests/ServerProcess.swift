import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import Testing

/// The real `remediator` binary, started as a child process.
final class ServerProcess: @unchecked Sendable {
    static let adminKey = "end-to-end-admin-key-0123456789"

    /// The binary next to the test bundle (both are products of the same build).
    static var binary: URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("remediator")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            directory = directory.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug/remediator")
    }

    let process = Process()
    let logURL: URL
    private(set) var port = 0

    init(dataDirectory: URL, environment: [String: String] = [:]) throws {
        logURL = dataDirectory.appendingPathComponent("server-\(UUID().uuidString.prefix(8)).log")
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let log = try FileHandle(forWritingTo: logURL)
        process.executableURL = Self.binary
        process.arguments = ["serve", "--port", "0", "--data-dir", dataDirectory.path]
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("REMEDIATOR_") }
        env["REMEDIATOR_BOOTSTRAP_TOKEN"] = Self.adminKey
        env["REMEDIATOR_LOG_LEVEL"] = "info"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardOutput = log
        process.standardError = log
        try process.run()
    }

    /// Waits for the "listening on" line and reads the port from it. The bound only turns a
    /// hang into a failure: with the whole suite running in parallel on two cores a debug
    /// server once took over 30 s to start.
    func waitUntilListening(timeout: Duration = .seconds(120)) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let text = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
            if let range = text.range(of: #"listening on 127\.0\.0\.1:(\d+)"#, options: .regularExpression) {
                let match = text[range]
                port = Int(match.split(separator: ":").last ?? "") ?? 0
                return
            }
            guard process.isRunning else { throw Failure("the server exited: \(text)") }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw Failure("the server did not start listening in time")
    }

    /// The end of the server's log, for a failure message.
    func logTail(lines: Int = 40) -> String {
        let text = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(lines).joined(separator: "\n")
    }

    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// SIGTERM, and SIGKILL if the server has not exited 30 s later: a test that failed
    /// must not hang the run on a server that does not stop.
    func terminate() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning, Date() < deadline {
            usleep(50_000)
        }
        if process.isRunning {
            Foundation.kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// Calls the API; returns the status and the decoded JSON object.
    func call(
        _ method: HTTPMethod, _ path: String, body: String? = nil, timeout: TimeAmount = .seconds(30), client: HTTPClient = .shared
    ) async throws -> (status: Int, json: [String: Any]) {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(Self.adminKey)")
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await client.execute(request, timeout: timeout)
        let data = Data(buffer: try await response.body.collect(upTo: 16 << 20))
        let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        return (Int(response.status.code), json)
    }
}
