public import Foundation

/// Where an AWS service's API is, as the SDKs decide it: `AWS_ENDPOINT_URL_<SERVICE>`
/// (`AWS_ENDPOINT_URL_BEDROCK_RUNTIME`, `AWS_ENDPOINT_URL_SSM`), then `AWS_ENDPOINT_URL`,
/// then the regional endpoint.
public enum AWSEndpoint {
    /// - Parameters:
    ///   - service: the endpoint prefix (`bedrock-runtime`, `ssm`).
    public static func url(service: String, region: String, environment: [String: String]) throws(AWSConfigurationError) -> URL {
        let variable = "AWS_ENDPOINT_URL_" + service.uppercased().map { $0 == "-" || $0 == " " ? "_" : $0 }.map(String.init).joined()
        for name in [variable, "AWS_ENDPOINT_URL"] {
            guard let text = environment[name], !text.isEmpty else { continue }
            guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http", url.host != nil else {
                throw AWSConfigurationError("\(name) is not an http(s) URL: '\(text)'")
            }
            return url
        }
        guard region.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }), !region.isEmpty,
              let url = URL(string: "https://\(service).\(region).amazonaws.com") else {
            throw AWSConfigurationError("'\(region)' is not an AWS region name")
        }
        return url
    }
}
