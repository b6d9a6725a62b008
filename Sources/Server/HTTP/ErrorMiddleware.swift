import Foundation
import Hummingbird
import Ingest
import Logging
import RemediatorCore

/// Turns every error into the API's error shape with the right status: the caller's
/// mistakes are 4xx with a message saying what to fix, an unavailable store is 503 with
/// `Retry-After`, and anything unexpected is a 500 that is logged without leaking details.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = RemediatorRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            throw error
        } catch let error as IngestError {
            let status: HTTPResponse.Status = error.code == .unknownSource ? .notFound : (error.code == .invalidJSON ? .badRequest : .unprocessableContent)
            throw APIError(status, code: error.code.rawValue, error.message)
        } catch let error as StoreError {
            switch error.code {
            case .notFound: throw APIError(.notFound, code: "not_found", error.message)
            case .conflict: throw APIError(.conflict, code: "conflict", error.message)
            case .unavailable:
                context.logger.error("store unavailable", metadata: ["error": "\(error.message)"])
                throw APIError(.serviceUnavailable, code: "unavailable", error.message, headers: [.retryAfter: "5"])
            default:
                throw APIError(.conflict, code: error.code.description, error.message)
            }
        } catch let error as HTTPError {
            throw APIError(error.status, code: Self.code(for: error.status), error.body ?? Self.message(for: error.status))
        } catch {
            context.logger.error("unhandled error", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            throw APIError(.internalServerError, code: "internal", "the server failed to handle the request; it has been logged")
        }
    }

    static func code(for status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "not_found"
        case .methodNotAllowed: "method_not_allowed"
        case .contentTooLarge: "body_too_large"
        case .unauthorized: "unauthorized"
        case .badRequest: "bad_request"
        default: "http_\(status.code)"
        }
    }

    static func message(for status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "no such route"
        case .methodNotAllowed: "this method is not allowed on this route"
        default: status.reasonPhrase
        }
    }
}
