import AsyncHTTPClient
import Crypto
public import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
public import RemediatorCore

/// Posts every closed incident as JSON to one URL (a chat bridge, an on-call tool, a
/// team's own automation).
///
/// Each request carries `Idempotency-Key: <incident>/close/webhook`; a redelivery after a
/// crash or a timeout carries the same key and the same body, so the receiver keeps the
/// first and drops the rest. With a secret, `X-Remediator-Signature: sha256=<hex>` is the
/// HMAC-SHA256 of the body, so the receiver can tell the sender is this server.
public struct WebhookNotifier: IncidentNotifier {
    public let name = "webhook"
    let url: URL
    let secret: String?
    let transport: IntegrationTransport

    public init(url: URL, secret: String?, transport: IntegrationTransport) {
        self.url = url
        self.secret = secret
        self.transport = transport
    }

    public func deliver(_ notice: IncidentNotice) async throws {
        let body = try NoticePayload(notice).encoded()
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "remediator")
        request.headers.add(name: "Idempotency-Key", value: notice.idempotencyKey)
        if let secret {
            let mac = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8)))
            request.headers.add(name: "X-Remediator-Signature", value: "sha256=" + Hex.string(mac))
        }
        request.body = .bytes(ByteBuffer(data: body))
        _ = try await transport.send(request)
    }
}
