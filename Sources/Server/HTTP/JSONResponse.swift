import Hummingbird

/// Wraps a domain value as a JSON response without making domain types depend on the
/// HTTP framework.
struct JSONResponse<Value: Encodable & Sendable>: ResponseEncodable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }

    func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
    }
}
