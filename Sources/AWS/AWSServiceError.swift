public import Foundation
import RemediatorCore

/// An AWS API call that did not succeed: the service's error code and message, or the
/// transport failure, with what a caller needs to decide whether to try again.
public struct AWSServiceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `ThrottlingException`, `ValidationException`, ...; `Transport` when no answer came,
    /// `Timeout` when none came in time.
    public let code: String
    public let message: String
    /// The HTTP status, `nil` without an answer.
    public let statusCode: Int?
    /// How long the service asked to wait (`Retry-After`), when it said.
    public let retryAfter: Duration?

    public init(code: String, message: String, statusCode: Int?, retryAfter: Duration? = nil) {
        self.code = code
        self.message = message
        self.statusCode = statusCode
        self.retryAfter = retryAfter
    }

    /// Throttling, as the AWS SDKs recognise it: worth retrying after a backoff.
    public var isThrottling: Bool {
        statusCode == 429 || Self.throttlingCodes.contains(code)
    }

    /// Whether the same request may succeed later, as the AWS SDKs decide it: throttling,
    /// server-side failures (5xx), lost connections and timeouts; never a rejected request,
    /// bad credentials, or a model that failed on this input (`ModelErrorException`,
    /// `ModelTimeoutException`).
    public var isRetryable: Bool {
        if isThrottling || code == "Transport" || code == "Timeout" { return true }
        if Self.transientCodes.contains(code) { return true }
        if let statusCode { return statusCode >= 500 }
        return false
    }

    public var description: String {
        "\(code)\(statusCode.map { " (HTTP \($0))" } ?? ""): \(message)"
    }

    static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    ]

    static let transientCodes: Set<String> = [
        "RequestTimeout", "RequestTimeoutException", "InternalServerException", "InternalFailure", "ServiceUnavailable",
        "ServiceUnavailableException", "ModelNotReadyException",
    ]

    /// The error an AWS service answered with. The code comes from the `x-amzn-ErrorType`
    /// header (`ThrottlingException:http://internal.amazon.com/...`) or the body's `__type`
    /// (`com.amazonaws.ssm#InvalidInstanceId`), the message from `message` or `Message`.
    public static func fromResponse(statusCode: Int, headers: [(name: String, value: String)], body: Data) -> AWSServiceError {
        func header(_ name: String) -> String? { headers.first { $0.name.lowercased() == name }?.value }
        let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
        var code = header("x-amzn-errortype").map { String($0.split(separator: ":", maxSplits: 1).first ?? "") }
            ?? (object?["__type"] as? String) ?? (object?["code"] as? String) ?? ""
        if let hash = code.lastIndex(of: "#") { code = String(code[code.index(after: hash)...]) }
        if code.isEmpty { code = "HTTP\(statusCode)" }
        let message = (object?["message"] as? String) ?? (object?["Message"] as? String)
            ?? String(decoding: body.prefix(512), as: UTF8.self)
        return AWSServiceError(code: code, message: message, statusCode: statusCode, retryAfter: header("retry-after").flatMap { RetryAfter.parse($0) })
    }
}
