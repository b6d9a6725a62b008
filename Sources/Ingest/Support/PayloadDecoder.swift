public import Foundation

/// Decodes JSON request bodies and turns decoding failures into messages a sender can act on.
public enum PayloadDecoder {
    /// Decodes `T`, reporting invalid UTF-8, malformed JSON and type mismatches with the
    /// JSON path where they occurred.
    public static func decode<T: Decodable>(_ type: T.Type, from body: Data) throws(IngestError) -> T {
        guard !body.isEmpty else {
            throw IngestError(.invalidJSON, "the request body is empty; expected a JSON document")
        }
        guard String(validating: body, as: UTF8.self) != nil else {
            throw IngestError(.invalidJSON, "the request body is not valid UTF-8")
        }
        do {
            return try JSONDecoder().decode(T.self, from: body)
        } catch let error as DecodingError {
            throw describe(error)
        } catch {
            throw IngestError(.invalidJSON, "the request body is not valid JSON")
        }
    }

    static func describe(_ error: DecodingError) -> IngestError {
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return IngestError(.invalidJSON, "the request body is not valid JSON")
        case .dataCorrupted(let context):
            return .invalidPayload("\(path(context.codingPath)): \(context.debugDescription)")
        case .keyNotFound(let key, let context):
            return .invalidPayload("\(path(context.codingPath + [key])) is required but missing")
        case .typeMismatch(let type, let context):
            return .invalidPayload("\(path(context.codingPath)) must be \(describe(type))")
        case .valueNotFound(let type, let context):
            return .invalidPayload("\(path(context.codingPath)) must be \(describe(type)), not null")
        @unknown default:
            return .invalidPayload("the payload does not have the expected shape")
        }
    }

    /// `alerts[2].labels.severity` style paths.
    static func path(_ codingPath: [any CodingKey]) -> String {
        guard !codingPath.isEmpty else { return "the body" }
        var result = ""
        for key in codingPath {
            if let index = key.intValue {
                result += "[\(index)]"
            } else {
                result += result.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return result
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "a boolean"
        case is Int.Type, is Double.Type: "a number"
        case is [String: String].Type: "an object of strings"
        default:
            String(describing: type).hasPrefix("Array") ? "an array" : "an object"
        }
    }
}
