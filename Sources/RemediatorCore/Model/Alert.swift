public import Foundation

/// A stored alert: what a source sent, normalized, and the incident it joined.
public struct Alert: Sendable, Equatable, Codable, Identifiable {
    public var id: String
    public var tenantID: TenantID
    /// The incident this alert opened, joined or resolved; `nil` only for a resolved alert
    /// that matched no open incident.
    public var incidentID: String?
    public var receivedAt: Date
    public var content: NormalizedAlert

    public init(id: String, tenantID: TenantID, incidentID: String?, receivedAt: Date, content: NormalizedAlert) {
        self.id = id
        self.tenantID = tenantID
        self.incidentID = incidentID
        self.receivedAt = receivedAt
        self.content = content
    }

    enum CodingKeys: String, CodingKey {
        case id
        case tenantID = "tenant_id"
        case incidentID = "incident_id"
        case receivedAt = "received_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        tenantID = try container.decode(TenantID.self, forKey: .tenantID)
        incidentID = try container.decodeIfPresent(String.self, forKey: .incidentID)
        receivedAt = try container.decode(Date.self, forKey: .receivedAt)
        content = try NormalizedAlert(from: decoder)
    }

    /// Encodes flat: the alert's own fields next to the normalized content's.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(tenantID, forKey: .tenantID)
        try container.encode(incidentID, forKey: .incidentID)
        try container.encode(receivedAt, forKey: .receivedAt)
        try content.encode(to: encoder)
    }
}
