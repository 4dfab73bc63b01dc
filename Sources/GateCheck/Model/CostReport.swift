#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// LLM spend of one change: gatecheck's `gatecheck.llm-cost/v1` report or the pipeline cost script's output.
public struct CostReport: Sendable, Hashable {
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

    /// Input tokens of every part (embedding tokens included); `Int.max` if the sum would overflow.
    public var inputTokens: Int { Self.saturatingSum(parts.lazy.map(\.inputTokens)) }
    /// Output tokens of every part; `Int.max` if the sum would overflow.
    public var outputTokens: Int { Self.saturatingSum(parts.lazy.map(\.outputTokens)) }

    /// The sum of non-negative counts, or `Int.max` when it overflows: no report can make the process trap.
    static func saturatingSum(_ counts: some Sequence<Int>) -> Int {
        var total = 0
        for count in counts {
            let (sum, overflow) = total.addingReportingOverflow(count)
            if overflow { return .max }
            total = sum
        }
        return total
    }
}

/// The spend on one model or service.
public struct CostPart: Sendable, Hashable {
    /// The model or provider (`gpt-4o-mini`, `openai`, `embeddings`).
    public var name: String
    public var inputTokens: Int
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
