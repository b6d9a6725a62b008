import AWS
import Foundation
import Testing

@Suite("AWS error answers")
struct AWSServiceErrorTests {
    @Test("the code comes from x-amzn-ErrorType, the message from the body; throttling is retryable")
    func restJSON() {
        let error = AWSServiceError.fromResponse(
            statusCode: 429,
            headers: [("x-amzn-ErrorType", "ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/"), ("Retry-After", "3")],
            body: Data(#"{"message":"Too many requests, please wait before trying again."}"#.utf8)
        )
        #expect(error.code == "ThrottlingException")
        #expect(error.message == "Too many requests, please wait before trying again.")
        #expect(error.isThrottling && error.isRetryable)
        #expect(error.retryAfter == .seconds(3))
    }

    @Test("JSON 1.1 answers carry the code in __type and the message in Message")
    func json11() {
        let error = AWSServiceError.fromResponse(
            statusCode: 400, headers: [], body: Data(#"{"__type":"com.amazonaws.ssm#InvalidInstanceId","Message":"Instances not in a valid state"}"#.utf8)
        )
        #expect(error.code == "InvalidInstanceId")
        #expect(error.message == "Instances not in a valid state")
        #expect(!error.isRetryable)
    }

    @Test("rejected requests and bad credentials are final; server failures are not")
    func retryability() {
        #expect(!AWSServiceError(code: "ValidationException", message: "", statusCode: 400).isRetryable)
        #expect(!AWSServiceError(code: "AccessDeniedException", message: "", statusCode: 403).isRetryable)
        #expect(!AWSServiceError(code: "UnrecognizedClientException", message: "", statusCode: 403).isRetryable)
        #expect(AWSServiceError(code: "ServiceUnavailableException", message: "", statusCode: 503).isRetryable)
        #expect(AWSServiceError(code: "ModelNotReadyException", message: "", statusCode: 429).isRetryable)
        #expect(AWSServiceError(code: "InternalServerException", message: "", statusCode: 500).isRetryable)
        #expect(AWSServiceError(code: "Transport", message: "", statusCode: nil).isRetryable)
    }

    @Test("an answer that is not JSON still gives a useful error")
    func notJSON() {
        let error = AWSServiceError.fromResponse(statusCode: 502, headers: [], body: Data("<html>Bad Gateway</html>".utf8))
        #expect(error.code == "HTTP502")
        #expect(error.message.contains("Bad Gateway"))
        #expect(error.isRetryable)
    }
}
