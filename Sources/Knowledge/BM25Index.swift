import Foundation

/// Okapi BM25 over a fixed set of documents.
///
/// Small and exact: the runbook catalog is at most a few thousand documents, so the
/// index is plain dictionaries built once when the catalog loads.
struct BM25Index: Sendable {
    static let k1 = 1.2
    static let b = 0.75

    private let termFrequencies: [[String: Int]]
    private let documentLengths: [Int]
    private let documentFrequency: [String: Int]
    private let averageLength: Double

    init(documents: [[String]]) {
        var frequencies: [[String: Int]] = []
        var documentFrequency: [String: Int] = [:]
        for tokens in documents {
            var counts: [String: Int] = [:]
            for token in tokens { counts[token, default: 0] += 1 }
            for token in counts.keys { documentFrequency[token, default: 0] += 1 }
            frequencies.append(counts)
        }
        self.termFrequencies = frequencies
        self.documentLengths = documents.map(\.count)
        self.documentFrequency = documentFrequency
        let total = documents.reduce(0) { $0 + $1.count }
        self.averageLength = documents.isEmpty ? 1 : max(1, Double(total) / Double(documents.count))
    }

    /// The score of every document for the query, in document order.
    func scores(for query: [String]) -> [Double] {
        let count = Double(termFrequencies.count)
        let terms = Set(query)
        return termFrequencies.indices.map { document in
            var score = 0.0
            let length = Double(documentLengths[document])
            for term in terms {
                guard let frequency = termFrequencies[document][term] else { continue }
                let df = Double(documentFrequency[term] ?? 0)
                let idf = log(1 + (count - df + 0.5) / (df + 0.5))
                let tf = Double(frequency)
                score += idf * tf * (Self.k1 + 1) / (tf + Self.k1 * (1 - Self.b + Self.b * length / averageLength))
            }
            return score
        }
    }
}
