public import Foundation
public import RemediatorCore

/// Turns one source's webhook body into normalized alerts.
///
/// Adapters are pure: no I/O, no clock except the `receivedAt` they are given, so each
/// is tested against the vendor's documented payloads alone.
public protocol AlertAdapter: Sendable {
    /// The `{source}` path segment this adapter serves.
    var source: String { get }

    /// The alerts in `body`.
    ///
    /// - Throws: ``IngestError`` describing what is wrong with the body; never a partial result.
    func normalize(_ body: Data, receivedAt: Date) throws(IngestError) -> [NormalizedAlert]
}

/// The adapters, by source name.
public struct AlertAdapters: Sendable {
    /// Every source name of the HTTP contract, including those without an adapter yet.
    public static let contractSources = [
        "alertmanager", "grafana", "datadog", "pagerduty", "cloudwatch", "eventbridge",
        "servicenow", "superops", "azure", "zabbix", "generic",
    ]

    private let adapters: [String: any AlertAdapter]

    public init(_ adapters: [any AlertAdapter]) {
        self.adapters = Dictionary(adapters.map { ($0.source, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// The adapters implemented so far.
    public static let standard = AlertAdapters([GenericAdapter(), AlertmanagerAdapter(), DatadogAdapter()])

    public var sources: [String] { adapters.keys.sorted() }

    /// The adapter for `source`.
    ///
    /// - Throws: ``IngestError/Code/unknownSource`` naming the supported sources.
    public func adapter(for source: String) throws(IngestError) -> any AlertAdapter {
        if let adapter = adapters[source] {
            return adapter
        }
        let supported = sources.joined(separator: ", ")
        if Self.contractSources.contains(source) {
            throw IngestError(.unknownSource, "source '\(source)' is not supported by this version; supported sources: \(supported)")
        }
        throw IngestError(.unknownSource, "unknown source '\(String(source.prefix(64)))'; supported sources: \(supported)")
    }
}
