import PostgresNIO
import _ConnectionPoolModule
import RemediatorCore

/// A failure from PostgresNIO, classified: retried (deadlock, serialization), reported as
/// a ``StoreError`` (unreachable, disk full, read-only, constraint), or passed through
/// unchanged (errors the transaction's own code threw).
struct PostgresFailure {
    /// The error to rethrow when there is no ``storeError``.
    let underlying: any Error
    let storeError: StoreError?
    let isRetryable: Bool

    /// The connection is closed or closing: nothing more can be sent on it.
    let lostConnection: Bool

    init(_ error: any Error) {
        underlying = error
        if error is ConnectionPoolError {
            // The pool gave up on the server (its circuit breaker) or is shutting down.
            storeError = .unavailable("PostgreSQL is unreachable (\(error)); nothing was written")
            isRetryable = false
            lostConnection = false
            return
        }
        guard let psql = error as? PSQLError else {
            storeError = nil
            isRetryable = false
            lostConnection = false
            return
        }
        let state = psql.serverInfo?[.sqlState] ?? ""
        isRetryable = state == "40P01" || state == "40001"
        storeError = Self.storeError(psql, sqlState: state)
        lostConnection = switch psql.code {
        case .server: state.hasPrefix("08") || state.hasPrefix("57P") || psql.serverInfo?[.severity] == "FATAL"
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown: true
        default: false
        }
    }

    private static func storeError(_ error: PSQLError, sqlState state: String) -> StoreError {
        let message = error.serverInfo?[.message] ?? ""
        switch error.code {
        case .server:
            break
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .poolClosed, .uncleanShutdown,
             .sslUnsupported, .failedToAddSSLHandler:
            return .unavailable("PostgreSQL is unreachable (\(error.code)); nothing was written")
        case .queryCancelled:
            return .unavailable("the database query was cancelled")
        default:
            return .unavailable("database error: \(error.code)")
        }
        switch state {
        case "23505", "23503", "23514":
            return .conflict(message.isEmpty ? "a constraint was violated" : message)
        case "53100":
            return .unavailable("PostgreSQL's disk is full; nothing was written")
        case "25006":
            return .unavailable("the database is read-only; nothing was written")
        case "40P01", "40001":
            return .unavailable("the database is busy with conflicting writes; try again")
        case "53300", "57P03":
            return .unavailable("PostgreSQL accepts no more connections right now; try again")
        case _ where state.hasPrefix("08") || state.hasPrefix("57P"):
            return .unavailable("PostgreSQL is restarting or unreachable (\(state)); nothing was written")
        default:
            return .unavailable("database error \(state): \(message)")
        }
    }
}
