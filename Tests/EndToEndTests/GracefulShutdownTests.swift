import Foundation
import NIOHTTP1
import Testing

@Suite("Graceful shutdown")
struct GracefulShutdownTests {
    @Test("SIGTERM under load exits cleanly, and every alert acknowledged before it is stored")
    func sigterm() async throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("remediator-term-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let server = try ServerProcess(dataDirectory: data)
        try await server.waitUntilListening()
        let accepted = try await withThrowingTaskGroup(of: [String].self) { group in
            for client in 0..<4 {
                group.addTask {
                    var ids: [String] = []
                    for index in 0..<200 {
                        let body = #"{"title":"load \#(client)-\#(index)","host":"h-\#(client)-\#(index)"}"#
                        guard let answer = try? await server.call(.POST, "/v1/alerts/generic", body: body) else { break }
                        if answer.status == 202, let id = (answer.json["alerts"] as? [[String: Any]])?.first?["id"] as? String {
                            ids.append(id)
                        }
                    }
                    return ids
                }
            }
            group.addTask {
                try await Task.sleep(for: .milliseconds(300))
                server.process.terminate()
                return []
            }
            var all: [String] = []
            for try await ids in group { all += ids }
            return all
        }
        server.process.waitUntilExit()
        #expect(server.process.terminationReason == .exit)
        #expect(server.process.terminationStatus == 0)
        #expect(!accepted.isEmpty)

        let restarted = try ServerProcess(dataDirectory: data)
        try await restarted.waitUntilListening()
        defer { restarted.terminate() }
        for id in accepted {
            #expect(try await restarted.call(.GET, "/v1/alerts/\(id)").status == 200, "acknowledged alert \(id) is missing")
        }
    }
}
