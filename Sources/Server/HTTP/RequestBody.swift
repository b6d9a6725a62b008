import Foundation
import Hummingbird
import Ingest
import NIOCore
import NIOFoundationCompat

/// Reading request bodies with the configured bound and clear errors.
enum RequestBody {
    /// The body's bytes, or a 413 naming the limit.
    static func collect(_ request: Request, limit: Int) async throws -> Data {
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return Data(buffer: buffer)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw tooLarge(limit)
        } catch is NIOTooManyBytesError {
            throw tooLarge(limit)
        }
    }

    private static func tooLarge(_ limit: Int) -> APIError {
        APIError(.contentTooLarge, code: "body_too_large", "the request body is larger than the limit of \(limit) bytes")
    }

    /// The body decoded as `T`; malformed JSON is a 400, a wrong shape a 422.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, limit: Int) async throws -> T {
        let data = try await collect(request, limit: limit)
        return try PayloadDecoder.decode(T.self, from: data)
    }
}
