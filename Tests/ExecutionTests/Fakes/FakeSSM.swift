@testable import AWS
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat
import RemediatorCore

/// AWS Systems Manager's Run Command API played by a local server on 127.0.0.1, in the
/// JSON 1.1 protocol (`POST /`, `X-Amz-Target: AmazonSSM.<Action>`,
/// `application/x-amz-json-1.1`).
///
/// It checks every request's SigV4 signature (scope `ssm`), and it behaves like an SSM
/// agent on the instance: `AWS-RunShellScript` commands are written to a script file and
/// run with `/bin/sh` on this machine under the document's `executionTimeout`; output comes
/// back cut at 24,000 characters, as SSM returns it. `AWS-RunPowerShellScript` (no
/// PowerShell here) succeeds and echoes the commands it received. Right after
/// `SendCommand`, the first `GetCommandInvocation` answers `InvocationDoesNotExist`, as
/// the real service often does.
actor FakeSSM {
    struct Received: Sendable {
        let target: String
        let body: JSONValue
        let signatureValid: Bool
    }

    final class Command: @unchecked Sendable {
        let id: String
        let instanceID: String
        let document: String
        let commands: [String]
        var status = "InProgress"
        var responseCode = -1
        var stdout = ""
        var stderr = ""
        var process: Process?
        var polled = false

        init(id: String, instanceID: String, document: String, commands: [String]) {
            self.id = id
            self.instanceID = instanceID
            self.document = document
            self.commands = commands
        }
    }

    let credentials: AWSCredentials
    let region: String
    let instances: Set<String>
    private(set) var received: [Received] = []
    private(set) var commands: [String: Command] = [:]
    /// How long SendCommand's answer is held back after the command has started.
    private(set) var sendCommandDelay: Duration = .zero

    init(credentials: AWSCredentials, region: String = "eu-west-1", instances: Set<String>) {
        self.credentials = credentials
        self.region = region
        self.instances = instances
    }

    func command(_ id: String) -> Command? { commands[id] }

    func delaySendCommand(by delay: Duration) { sendCommandDelay = delay }

    /// Runs `body` with the server listening; `body` gets the endpoint URL.
    func serve(_ body: @Sendable (URL) async throws -> Void) async throws {
        let router = Router()
        router.post("/") { request, _ -> Response in
            let headers = [(name: "host", value: request.head.authority ?? "")] + request.headers.map { (name: $0.name.canonicalName, value: $0.value) }
            let bytes = try await request.body.collect(upTo: 8 << 20)
            return await self.answer(headers: headers, body: Data(buffer: bytes))
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            guard let port = client.port, let url = URL(string: "http://127.0.0.1:\(port)") else { throw FakeSSMError.noPort }
            try await body(url)
        }
        for command in commands.values where command.process?.isRunning == true {
            command.process?.terminate()
        }
    }

    private func answer(headers: [(name: String, value: String)], body: Data) async -> Response {
        func header(_ name: String) -> String? { headers.first { $0.name.lowercased() == name }?.value }
        let target = header("x-amz-target") ?? ""
        let signatureValid = verifySignature(headers: headers, body: body)
        let json = (try? JSONDecoder().decode(JSONValue.self, from: body)) ?? .null
        received.append(Received(target: target, body: json, signatureValid: signatureValid))
        guard signatureValid else {
            return Self.error(403, "InvalidSignatureException", "The request signature we calculated does not match the signature you provided.")
        }
        guard header("content-type") == "application/x-amz-json-1.1" else {
            return Self.error(400, "SerializationException", "expected application/x-amz-json-1.1")
        }
        let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
        switch target {
        case "AmazonSSM.SendCommand":
            let response = sendCommand(object)
            try? await Task.sleep(for: sendCommandDelay)
            return response
        case "AmazonSSM.GetCommandInvocation":
            guard let id = object["CommandId"] as? String, let instance = object["InstanceId"] as? String,
                  let command = commands[id], command.instanceID == instance else {
                return Self.error(400, "InvocationDoesNotExist", "")
            }
            guard command.polled else {
                command.polled = true
                return Self.error(400, "InvocationDoesNotExist", "")
            }
            return Self.json([
                "CommandId": command.id, "InstanceId": command.instanceID, "DocumentName": command.document, "Status": command.status,
                "StatusDetails": command.status, "ResponseCode": command.responseCode,
                "StandardOutputContent": String(command.stdout.prefix(24_000)), "StandardErrorContent": String(command.stderr.prefix(24_000)),
            ])
        case "AmazonSSM.CancelCommand":
            guard let id = object["CommandId"] as? String, let command = commands[id] else {
                return Self.error(400, "InvalidCommandId", "")
            }
            if command.status == "InProgress" {
                command.status = "Cancelled"
                command.process?.terminate()
            }
            return Self.json([:])
        default:
            return Self.error(400, "UnknownOperationException", "unknown target '\(target)'")
        }
    }

    private func sendCommand(_ object: [String: Any]) -> Response {
        guard let ids = object["InstanceIds"] as? [String], ids.count == 1, let instance = ids.first else {
            return Self.error(400, "ValidationException", "InstanceIds must name one instance")
        }
        guard instances.contains(instance) else { return Self.error(400, "InvalidInstanceId", "Instances [[\(instance)]] not in a valid state for account") }
        guard let document = object["DocumentName"] as? String, ["AWS-RunShellScript", "AWS-RunPowerShellScript"].contains(document),
              let parameters = object["Parameters"] as? [String: [String]], let lines = parameters["commands"],
              let timeout = parameters["executionTimeout"]?.first.flatMap(Int.init), (object["TimeoutSeconds"] as? Int ?? 0) >= 30 else {
            return Self.error(400, "ValidationException", "bad SendCommand parameters")
        }
        let command = Command(id: UUID().uuidString.lowercased(), instanceID: instance, document: document, commands: lines)
        commands[command.id] = command
        if document == "AWS-RunPowerShellScript" {
            command.stdout = lines.joined(separator: "\n")
            command.status = "Success"
            command.responseCode = 0
        } else {
            start(command, timeout: timeout)
        }
        return Self.json(["Command": ["CommandId": command.id, "DocumentName": document, "Status": "Pending"]])
    }

    /// Runs the commands as the agent does: one script file, `/bin/sh`.
    private func start(_ command: Command, timeout: Int) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fake-ssm-\(command.id)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let script = directory.appendingPathComponent("_script.sh")
        let out = directory.appendingPathComponent("stdout"), err = directory.appendingPathComponent("stderr")
        try? command.commands.joined(separator: "\n").write(to: script, atomically: true, encoding: .utf8)
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [script.path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try? FileHandle(forWritingTo: out)
        process.standardError = try? FileHandle(forWritingTo: err)
        process.terminationHandler = { finished in
            Task { await self.finished(command, process: finished, directory: directory) }
        }
        command.process = process
        do {
            try process.run()
        } catch {
            command.status = "Failed"
            command.stderr = "\(error)"
            return
        }
        Task {
            try? await Task.sleep(for: .seconds(timeout))
            await self.timeOut(command)
        }
    }

    private func timeOut(_ command: Command) {
        guard command.status == "InProgress" else { return }
        command.status = "TimedOut"
        command.process?.terminate()
    }

    private func finished(_ command: Command, process: Process, directory: URL) {
        command.stdout = (try? String(contentsOf: directory.appendingPathComponent("stdout"), encoding: .utf8)) ?? ""
        command.stderr = (try? String(contentsOf: directory.appendingPathComponent("stderr"), encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(at: directory)
        guard command.status == "InProgress" else { return }
        command.responseCode = Int(process.terminationStatus)
        command.status = process.terminationStatus == 0 ? "Success" : "Failed"
    }

    static func json(_ object: [String: Any]) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data("{}".utf8)
        var response = Response(status: .ok, body: .init(byteBuffer: ByteBuffer(data: data)))
        response.headers[.contentType] = "application/x-amz-json-1.1"
        return response
    }

    static func error(_ status: Int, _ code: String, _ message: String) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: ["__type": "com.amazonaws.ssm#\(code)", "message": message])) ?? Data()
        var response = Response(status: HTTPResponse.Status(code: status), body: .init(byteBuffer: ByteBuffer(data: data)))
        response.headers[.contentType] = "application/x-amz-json-1.1"
        return response
    }

    /// Recomputes the signature from what arrived, as AWS does: the headers the
    /// Authorization names, the path `/`, the body's hash, scope `ssm` in the fake's region.
    private func verifySignature(headers: [(name: String, value: String)], body: Data) -> Bool {
        guard let authorization = headers.first(where: { $0.name.lowercased() == "authorization" })?.value,
              let amzDate = headers.first(where: { $0.name.lowercased() == "x-amz-date" })?.value,
              let signedPart = authorization.split(separator: " ").first(where: { $0.hasPrefix("SignedHeaders=") }) else { return false }
        let signedNames = signedPart.dropFirst("SignedHeaders=".count).split(separator: ",")[0].split(separator: ";").map(String.init)
        guard signedNames.contains("x-amz-target") else { return false }
        let signed = headers.filter { signedNames.contains($0.name.lowercased()) }
        let signer = SigV4Signer(credentials: credentials, region: region, service: "ssm")
        return signer.authorization(for: SigV4Signer.Request(method: "POST", path: "/", headers: signed, body: body), amzDate: amzDate) == authorization
    }
}

enum FakeSSMError: Error {
    case noPort
}
