/// A gate's comparison with the baseline in the JSON verdict (`gates[].baseline`, schemas/verdict.schema.json).
///
/// Values are written like `actual` (a rate as its shortest double) plus the exact fraction, so that a reader can
/// redo the comparison exactly.
struct BaselineJSON: Encodable {
    let file: String?
    let base: MetricValue?
    let baseNumerator: Int?
    let baseDenominator: Int?
    let head: MetricValue?
    let delta: String?
    let tolerance: String
    let notCompared: String?
    let onMissing: String
    let state: String?

    enum CodingKeys: String, CodingKey {
        case file, base, head, delta, tolerance, state
        case baseNumerator = "base_numerator"
        case baseDenominator = "base_denominator"
        case notCompared = "not_compared"
        case onMissing = "on_missing"
    }

    init(_ comparison: BaselineComparison) {
        file = comparison.baselineName
        base = comparison.base
        if case .ratio(let numerator, let denominator)? = comparison.base {
            (baseNumerator, baseDenominator) = (numerator, denominator)
        } else {
            (baseNumerator, baseDenominator) = (nil, nil)
        }
        head = comparison.head == .notMeasured ? nil : comparison.head
        delta = comparison.delta
        tolerance = comparison.tolerance
        notCompared = comparison.notCompared
        onMissing = comparison.onMissing.rawValue
        state = comparison.sarifState
    }
}
