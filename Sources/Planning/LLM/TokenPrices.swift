/// What a model's tokens cost, in US dollars per 1,000 tokens.
public struct TokenPrices: Sendable, Equatable, Codable {
    public var inputPer1K: Double
    public var outputPer1K: Double

    public init(inputPer1K: Double, outputPer1K: Double) {
        self.inputPer1K = inputPer1K
        self.outputPer1K = outputPer1K
    }

    /// Amazon Nova Pro on Bedrock (on-demand, us-east-1).
    public static let novaPro = TokenPrices(inputPer1K: 0.0008, outputPer1K: 0.0032)

    public func cost(of usage: TokenUsage) -> Double {
        Double(usage.inputTokens) / 1000 * inputPer1K + Double(usage.outputTokens) / 1000 * outputPer1K
    }

    enum CodingKeys: String, CodingKey {
        case inputPer1K = "input_per_1k"
        case outputPer1K = "output_per_1k"
    }
}
