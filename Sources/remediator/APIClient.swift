import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOFoundationCompat

/// Where the server is and which key to use, for the client commands.
struct ClientOptions: ParsableArguments {
    @Option(help: "Server URL (also REMEDIATOR_URL; default http://REMEDIATOR_HOST:REMEDIATOR_PORT or http://127.0.0.1:8080).")
    var server: String?

    @Option(name: .customLong("api-key"), help: "API key; prefer REMEDIATOR_API_KEY, since arguments show in `ps` (default: the admin.key file in the data directory).")
    var apiKey: String?

    @Option(name: .customLong("data-dir"), help: "Data directory holding admin.key (also REMEDIATOR_DATA_DIR).")
    var dataDirectory: String?

    func client() throws -> APIClient {
        let environment = ProcessInfo.processInfo.environment
        let base = server ?? environment["REMEDIATOR_URL"]
            ?? "http://\(environment["REMEDIATOR_HOST"] ?? "127.0.0.1"):\(environment["REMEDIATOR_PORT"] ?? "8080")"
        var key = apiKey ?? environment["REMEDIATOR_API_KEY"]
        if key == nil {
            let directory = dataDirectory ?? environment["REMEDIATOR_DATA_DIR"] ?? "./remediator-data"
            key = (try? String(contentsOfFile: directory + "/admin.key", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard let key, !key.isEmpty else {
            throw ValidationError("no API key: pass --api-key, set REMEDIATOR_API_KEY, or run next to the server's data directory")
        }
        return APIClient(baseURL: base.hasSuffix("/") ? String(base.dropLast()) : base, apiKey: key)
    }
}

/// A minimal client for Remediator's HTTP API.
struct APIClient {
    let baseURL: String
    let apiKey: String

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Sends a request and returns the JSON body of a 2xx answer; anything else throws
    /// with the server's error message.
    func send(_ method: HTTPMethod, _ path: String, body: Data? = nil) async throws -> Data {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(apiKey)")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(data: body))
        }
        let response: HTTPClientResponse
        do {
            response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        } catch {
            throw Failure(description: "cannot reach \(baseURL): \(error)")
        }
        let buffer = try await response.body.collect(upTo: 64 << 20)
        let data = Data(buffer: buffer)
        guard (200..<300).contains(response.status.code) else {
            struct Envelope: Decodable {
                struct Detail: Decodable { let code: String; let message: String }
                let error: Detail
            }
            if let envelope = try? JSONDecoder().decode(Envelope.self, from: data) {
                throw Failure(description: "\(response.status.code) \(envelope.error.code): \(envelope.error.message)")
            }
            throw Failure(description: "\(response.status.code) \(response.status.reasonPhrase)")
        }
        return data
    }

    /// Pretty-prints a JSON answer.
    static func printJSON(_ data: Data) {
        if let object = try? JSONSerialization.jsonObject(with: data),
           let pretty = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) {
            print(String(decoding: pretty, as: UTF8.self))
        } else {
            print(String(decoding: data, as: UTF8.self))
        }
    }
}

/// Percent-encodes a path segment or query value.
func encodeComponent(_ text: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
}
