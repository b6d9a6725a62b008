import Dispatch

/// Runs blocking work (a child process, `system(3)`) on a Dispatch thread. The cooperative
/// pool has one thread per core, two on the test machine: a test that blocks them stalls
/// the very tasks it is waiting for, such as the HTTP calls to the servers it drives.
func blocking<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}
