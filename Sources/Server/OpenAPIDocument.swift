import Hummingbird
import NIOCore

/// The API described in OpenAPI 3 (`docs/openapi.yaml`, embedded by
/// `scripts/embed-openapi.py`), served at `GET /openapi.yaml` without a key so that
/// clients and fuzzers can read the contract the server keeps.
enum OpenAPIDocument {
    static func response() -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: yaml))
        )
    }
}
