public import AsyncHTTPClient
public import Foundation
public import RemediatorCore

/// The outbound integrations told when an incident closes; none by default.
///
/// Each configured integration gets its own circuit breaker, so one that is down does not
/// slow the others.
public struct IntegrationsConfiguration: Sendable, Equatable, CustomStringConvertible {
    /// The generic webhook (`notify_webhook_url`).
    public var webhookURL: URL?
    /// Signs webhook bodies (`notify_webhook_secret`). Never printed.
    public var webhookSecret: String?
    /// The ServiceNow instance (`servicenow_url`); needs a user and a password.
    public var serviceNowURL: URL?
    public var serviceNowUser: String?
    /// Never printed.
    public var serviceNowPassword: String?
    /// How long one call may take (`integration_timeout_seconds`).
    public var timeoutSeconds = 10
    /// How long an integration that failed five times in a row is left alone before one
    /// trial call (`integration_breaker_cooldown_seconds`).
    public var breakerCooldownSeconds = 30

    public init() {}

    /// The settings without the secrets, for logs and test failures.
    public var description: String {
        "IntegrationsConfiguration(webhook: \(webhookURL?.absoluteString ?? "none"), webhook_secret: \(webhookSecret == nil ? "none" : "<redacted>"), "
            + "servicenow: \(serviceNowURL?.absoluteString ?? "none"), servicenow_user: \(serviceNowUser ?? "none"), "
            + "servicenow_password: \(serviceNowPassword == nil ? "none" : "<redacted>"), timeout: \(timeoutSeconds)s, breaker_cooldown: \(breakerCooldownSeconds)s)"
    }

    /// The integrations' names, for the start-up log line.
    public var names: [String] {
        (webhookURL == nil ? [] : ["webhook"]) + (serviceNowURL == nil ? [] : ["servicenow"])
    }

    /// What is missing or unsafe, if anything; checked when the configuration is loaded.
    public var problem: String? {
        if serviceNowURL != nil, serviceNowUser == nil || serviceNowPassword == nil {
            return "'servicenow_url' needs 'servicenow_user' and 'servicenow_password'"
        }
        if let url = serviceNowURL, url.scheme?.lowercased() != "https", !Self.isLoopback(url) {
            return "'servicenow_url' must be https: the password would cross the network in clear"
        }
        return nil
    }

    /// A client for the integrations' calls. A refused connection fails at once (the
    /// breaker counts it) instead of being retried until the call's timeout.
    public static func makeHTTPClient() -> HTTPClient {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        // A POST answered with a redirect would be re-sent as a GET and its 200 taken for
        // a delivery: a redirect is an answer like any other 3xx (refused).
        configuration.redirectConfiguration = .disallow
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    /// The notifiers to hand to the engine.
    public func makeNotifiers(httpClient: HTTPClient) -> [any IncidentNotifier] {
        let timeout = Duration.seconds(timeoutSeconds)
        func transport(_ name: String) -> IntegrationTransport {
            IntegrationTransport(
                integration: name, httpClient: httpClient, timeout: timeout,
                breaker: CircuitBreaker(failureThreshold: 5, cooldown: .seconds(breakerCooldownSeconds))
            )
        }
        var notifiers: [any IncidentNotifier] = []
        if let webhookURL {
            notifiers.append(WebhookNotifier(url: webhookURL, secret: webhookSecret, transport: transport("webhook")))
        }
        if let serviceNowURL, let serviceNowUser, let serviceNowPassword {
            notifiers.append(ServiceNowNotifier(
                instance: serviceNowURL, credentials: .init(user: serviceNowUser, password: serviceNowPassword),
                transport: transport("servicenow")
            ))
        }
        return notifiers
    }

    static func isLoopback(_ url: URL) -> Bool {
        ["127.0.0.1", "localhost", "::1", "[::1]"].contains(url.host?.lowercased() ?? "")
    }
}
