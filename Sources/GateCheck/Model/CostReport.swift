#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// LLM spend of one change: gatecheck's `gatecheck.llm-cost/v1` report or the pipeline cost script's output.
@_spi(Internals) public struct CostReport: Sendable, Hashable {
    /// What the file was: `gatecheck.llm-cost/v1` or `cost script`.
    public var format: String
    /// The total the report states (`total_usd`, `total_cost`), when it states one.
    public var statedTotal: Decimal?
    /// Per model or service: tokens and cost.
    public var parts: [CostPart]
    /// The spend that is gated, in USD: see `docs/llm-cost-report.md` for how it follows from the stated total and
    /// the parts; `nil` when it cannot be known.
    public var costUSD: Decimal?
    /// Why ``costUSD`` is `nil`.
    public var problem: String?

    /// Creates a report.
    public init(
        format: String, statedTotal: Decimal?, parts: [CostPart], costUSD: Decimal?, problem: String? = nil
    ) {
        self.format = format
        self.statedTotal = statedTotal
        self.parts = parts
        self.costUSD = costUSD
        self.problem = problem
    }

    /// Input tokens of every part (embedding tokens included), held at `Int.max` rather than overflow.
    public var inputTokens: Int { parts.reduce(0) { $0.saturatingAdd($1.inputTokens) } }
    /// Output tokens of every part, held at `Int.max` rather than overflow.
    public var outputTokens: Int { parts.reduce(0) { $0.saturatingAdd($1.outputTokens) } }
}

/// The spend on one model or service.
@_spi(Internals) public struct CostPart: Sendable, Hashable {
    /// The model or provider (`gpt-4o-mini`, `openai`, `embeddings`).
    public var name: String
    /// Tokens sent to the model, cached ones included.
    public var inputTokens: Int
    /// Tokens the model generated.
    public var outputTokens: Int
    /// The part of ``inputTokens`` served from a prompt cache.
    public var cachedInputTokens: Int
    /// The cost in USD; `nil` when the report gives none (the cost script's `embeddings` may omit it).
    public var costUSD: Decimal?

    /// Creates a part.
    public init(name: String, inputTokens: Int, outputTokens: Int, cachedInputTokens: Int = 0, costUSD: Decimal?) {
        self.name = name
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.cachedInputTokens = cachedInputTokens
        self.costUSD = costUSD
    }
}
