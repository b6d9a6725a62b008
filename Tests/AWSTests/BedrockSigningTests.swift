@testable import AWS
import Foundation
import Testing

/// A Bedrock Converse request signed here must carry the signature botocore (the AWS SDK for
/// Python) computes for the same request: the model id's `:` on the wire as `%3A`, encoded
/// again in the canonical request.
@Suite("SigV4 for Bedrock")
struct BedrockSigningTests {
    static let credentials = AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", sessionToken: "session-token-example")
    static let body = #"{"messages":[{"role":"user","content":[{"text":"hello"}]}],"inferenceConfig":{"maxTokens":512}}"#
    /// 2026-11-27T04:00:00Z.
    static let date = Date(timeIntervalSince1970: 1_795_752_000)

    @Test("the model id is encoded twice in the canonical URI")
    func canonicalPath() {
        #expect(SigV4Signer.canonicalPath("/model/amazon.nova-pro-v1%3A0/converse") == "/model/amazon.nova-pro-v1%253A0/converse")
    }

    @Test("X-Amz-Date, the session token and Authorization are added")
    func addedHeaders() {
        let signer = SigV4Signer(credentials: Self.credentials, region: "us-east-1", service: "bedrock")
        let request = SigV4Signer.Request(
            method: "POST", path: "/model/amazon.nova-pro-v1%3A0/converse",
            headers: [("Host", "bedrock-runtime.us-east-1.amazonaws.com"), ("Content-Type", "application/json")], body: Data(Self.body.utf8)
        )
        let headers = signer.signatureHeaders(for: request, at: Self.date)
        #expect(headers.map(\.name) == ["X-Amz-Date", "X-Amz-Security-Token", "Authorization"])
        #expect(headers[0].value == "20261127T040000Z")
        #expect(headers[1].value == "session-token-example")
        #expect(headers[2].value.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261127/us-east-1/bedrock/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, Signature="))
    }

    @Test("the signature is botocore's", .enabled(if: Self.botocoreAvailable))
    func matchesBotocore() throws {
        let signer = SigV4Signer(credentials: Self.credentials, region: "us-east-1", service: "bedrock")
        let request = SigV4Signer.Request(
            method: "POST", path: "/model/amazon.nova-pro-v1%3A0/converse",
            headers: [("Host", "bedrock-runtime.us-east-1.amazonaws.com"), ("Content-Type", "application/json")], body: Data(Self.body.utf8)
        )
        let ours = signer.signatureHeaders(for: request, at: Self.date).first { $0.name == "Authorization" }?.value
        let theirs = try Self.botocoreAuthorization(
            url: "https://bedrock-runtime.us-east-1.amazonaws.com/model/amazon.nova-pro-v1%3A0/converse", body: Self.body, amzDate: "20261127T040000Z"
        )
        #expect(ours == theirs)
    }

    static var botocoreAvailable: Bool { (try? runPython("import botocore")) != nil }

    /// Signs with botocore's SigV4Auth at a fixed time and prints the Authorization header.
    static func botocoreAuthorization(url: String, body: String, amzDate: String) throws -> String {
        let script = """
            import datetime, sys
            from unittest import mock
            import botocore.auth
            from botocore.auth import SigV4Auth
            from botocore.awsrequest import AWSRequest
            from botocore.credentials import Credentials
            request = AWSRequest(method="POST", url=\(pythonString(url)), data=\(pythonString(body)).encode(), headers={"Content-Type": "application/json"})
            fixed = datetime.datetime.strptime(\(pythonString(amzDate)), "%Y%m%dT%H%M%SZ")
            if hasattr(botocore.auth, "get_current_datetime"):
                clock = mock.patch("botocore.auth.get_current_datetime", return_value=fixed)
            else:
                clock = mock.patch("botocore.auth.datetime", **{"datetime.utcnow.return_value": fixed, "datetime.strptime": datetime.datetime.strptime})
            with clock:
                SigV4Auth(Credentials(\(pythonString(credentials.accessKeyID)), \(pythonString(credentials.secretAccessKey)), \(pythonString(credentials.sessionToken ?? ""))), "bedrock", "us-east-1").add_auth(request)
            sys.stdout.write(request.headers["Authorization"])
            """
        return try runPython(script)
    }

    static func pythonString(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }

    struct PythonFailed: Error, CustomStringConvertible {
        let description: String
    }

    @discardableResult
    static func runPython(_ script: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw PythonFailed(description: errorText) }
        return text
    }
}
