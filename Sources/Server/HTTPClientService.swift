import AsyncHTTPClient
import ServiceLifecycle

/// Shuts an HTTP client down when the server stops. Listed before the services that use
/// the client, it is shut down after them (a service group stops in reverse order).
struct HTTPClientService: Service {
    let client: HTTPClient

    func run() async throws {
        try? await gracefulShutdown()
        try await client.shutdown()
    }
}
