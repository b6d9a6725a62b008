/// The tenant a record belongs to.
///
/// Every row Remediator stores carries one, so that a managed-service provider can run a
/// single installation for many customers without any query crossing between them.
/// A fresh install has exactly one tenant, ``TenantID/default``.
public struct TenantID: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    /// The tenant every record belongs to until multi-tenancy is configured.
    public static let `default` = TenantID("default")
}
