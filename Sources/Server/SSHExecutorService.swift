import Execution
import ServiceLifecycle

/// Closes the SSH executor's open connections when the server shuts down, after the
/// workers have finished their steps.
struct SSHExecutorService: Service {
    let executor: SSHExecutor

    func run() async throws {
        try? await gracefulShutdown()
        await executor.shutdown()
    }
}
