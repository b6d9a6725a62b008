import Crypto
public import Foundation
import RemediatorCore

/// Signs HTTP requests with AWS Signature Version 4.
///
/// Written against AWS's published test suite (`Tests/AWSTests/Fixtures`). The path given
/// is the one sent on the wire (already percent-encoded, `/model/amazon.nova-pro-v1%3A0/converse`);
/// as the AWS SDKs do for every service but S3, the canonical request encodes it once more
/// and removes `.`/`..` segments and repeated slashes.
public struct SigV4Signer: Sendable {
    public let credentials: AWSCredentials
    public let region: String
    /// The signing name: `bedrock` for Bedrock Runtime, `ssm` for Systems Manager.
    public let service: String

    public init(credentials: AWSCredentials, region: String, service: String) {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// What a request is signed over.
    public struct Request: Sendable {
        public var method: String
        /// The path as sent, percent-encoded.
        public var path: String
        /// Query parameters, not encoded.
        public var query: [(name: String, value: String)]
        /// Every header to sign (`host` included), in the order they are sent.
        public var headers: [(name: String, value: String)]
        /// Lower-case hex SHA-256 of the body.
        public var payloadHash: String

        public init(method: String, path: String, query: [(name: String, value: String)] = [], headers: [(name: String, value: String)], body: some DataProtocol) {
            self.init(method: method, path: path, query: query, headers: headers, payloadHash: Hex.string(SHA256.hash(data: body)))
        }

        public init(method: String, path: String, query: [(name: String, value: String)] = [], headers: [(name: String, value: String)], payloadHash: String) {
            self.method = method
            self.path = path
            self.query = query
            self.headers = headers
            self.payloadHash = payloadHash
        }
    }

    /// The headers to add to `request` so that AWS accepts it: `X-Amz-Date`,
    /// `X-Amz-Security-Token` with temporary credentials, and `Authorization`.
    public func signatureHeaders(for request: Request, at date: Date) -> [(name: String, value: String)] {
        let amzDate = Self.amzDate(date)
        var request = request
        var added: [(name: String, value: String)] = []
        if !request.headers.contains(where: { $0.name.lowercased() == "x-amz-date" }) {
            added.append((name: "X-Amz-Date", value: amzDate))
        }
        if let token = credentials.sessionToken, !request.headers.contains(where: { $0.name.lowercased() == "x-amz-security-token" }) {
            added.append((name: "X-Amz-Security-Token", value: token))
        }
        request.headers += added
        added.append((name: "Authorization", value: authorization(for: request, amzDate: amzDate)))
        return added
    }

    /// The `Authorization` header's value for a request whose headers already carry its date.
    func authorization(for request: Request, amzDate: String) -> String {
        let (canonical, signedHeaders) = canonicalRequest(request)
        let scope = credentialScope(amzDate: amzDate)
        let signature = HMAC<SHA256>.authenticationCode(
            for: Data(stringToSign(canonicalRequest: canonical, amzDate: amzDate).utf8), using: signingKey(day: String(amzDate.prefix(8)))
        )
        return "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope), SignedHeaders=\(signedHeaders), Signature=\(Hex.string(signature))"
    }

    /// The canonical request and the list of signed header names.
    func canonicalRequest(_ request: Request) -> (text: String, signedHeaders: String) {
        var headers: [String: [String]] = [:]
        for (name, value) in request.headers {
            headers[name.lowercased(), default: []].append(Self.canonicalHeaderValue(value))
        }
        let names = headers.keys.sorted()
        let canonicalHeaders = names.map { "\($0):\(headers[$0, default: []].joined(separator: ","))\n" }.joined()
        let signedHeaders = names.joined(separator: ";")
        let encodedQuery: [(name: String, value: String)] = request.query.map { (name: Self.uriEncode($0.name), value: Self.uriEncode($0.value)) }
        let query = encodedQuery
            .sorted { $0.name == $1.name ? $0.value < $1.value : $0.name < $1.name }
            .map { $0.name + "=" + $0.value }
            .joined(separator: "&")
        let text = [
            request.method, Self.canonicalPath(request.path), query, canonicalHeaders, signedHeaders, request.payloadHash,
        ].joined(separator: "\n")
        return (text, signedHeaders)
    }

    func stringToSign(canonicalRequest: String, amzDate: String) -> String {
        "AWS4-HMAC-SHA256\n\(amzDate)\n\(credentialScope(amzDate: amzDate))\n\(Hex.string(SHA256.hash(data: Data(canonicalRequest.utf8))))"
    }

    func credentialScope(amzDate: String) -> String {
        "\(amzDate.prefix(8))/\(region)/\(service)/aws4_request"
    }

    private func signingKey(day: String) -> SymmetricKey {
        var key = SymmetricKey(data: Data(("AWS4" + credentials.secretAccessKey).utf8))
        for part in [day, region, service, "aws4_request"] {
            key = SymmetricKey(data: HMAC<SHA256>.authenticationCode(for: Data(part.utf8), using: key))
        }
        return key
    }

    /// `20150830T123600Z`.
    static func amzDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func digits(_ value: Int?, _ width: Int) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return digits(parts.year, 4) + digits(parts.month, 2) + digits(parts.day, 2) + "T"
            + digits(parts.hour, 2) + digits(parts.minute, 2) + digits(parts.second, 2) + "Z"
    }

    /// A header value trimmed, its runs of blanks (folded lines included) made one space.
    static func canonicalHeaderValue(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
    }

    /// The path with `.`/`..` segments and repeated slashes removed, then URI-encoded.
    static func canonicalPath(_ path: String) -> String {
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(segment)
            }
        }
        guard !segments.isEmpty else { return "/" }
        let trailingSlash = path.hasSuffix("/") ? "/" : ""
        return "/" + segments.map { uriEncode(String($0)) }.joined(separator: "/") + trailingSlash
    }

    /// RFC 3986 encoding as SigV4 wants it: unreserved characters kept, every other byte `%XX`.
    static func uriEncode(_ text: String) -> String {
        var encoded: [UInt8] = []
        encoded.reserveCapacity(text.utf8.count)
        let hexDigits = Array("0123456789ABCDEF".utf8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                encoded.append(byte)
            default:
                encoded += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: encoded, as: UTF8.self)
    }
}
