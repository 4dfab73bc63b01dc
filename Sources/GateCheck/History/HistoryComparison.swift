#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What a history gate compared, for every output: the statistic over which samples, the run's value, the delta
/// and the tolerance.
@_spi(Internals) public struct HistoryComparison: Sendable, Hashable, Encodable {
    /// The history file.
    public var file: String
    /// `median`.
    public var statistic: String
    /// The window as written (`7d`).
    public var window: String
    /// The window's first excluded moment (now − window) and its last included one (now).
    public var from: String
    /// The end of the window (`--now`).
    public var to: String
    /// The labels a sample had to carry.
    public var labels: [String: String]
    /// How many samples matched.
    public var samples: Int
    /// How many were needed.
    public var minSamples: Int
    /// The statistic's value; `nil` when there were too few samples.
    public var reference: Decimal?
    /// The run's value (exact).
    public var head: Decimal?
    /// head − reference.
    public var delta: Decimal?
    /// delta / reference, when the reference is not 0.
    public var deltaRatio: Decimal?
    /// The highest value that passes (the smallest of the increase tolerances and the band).
    public var upperLimit: Decimal?
    /// The lowest value that passes (`max_drop`).
    public var lowerLimit: Decimal?
    /// The first and third quartiles, with `band: iqr`.
    public var q1: Decimal?
    /// The third quartile.
    public var q3: Decimal?
    /// The tolerances as gates.json wrote them (`max_increase_ratio 0.5`).
    public var tolerance: String
    /// A warning to carry into the verdict (a gate skipped for lack of history).
    public var warning: Diagnostic?

    enum CodingKeys: String, CodingKey {
        case file, statistic, window, from, to, labels, samples, reference, head, delta, tolerance, q1, q3
        case minSamples = "min_samples"
        case deltaRatio = "delta_ratio"
        case upperLimit = "upper_limit"
        case lowerLimit = "lower_limit"
    }

    /// One line for every output: `median 3 of 5 samples (provider=anthropic) in 7d to 2026-12-03T00:00:00Z; head
    /// 4.8, delta +1.8 (+60 %); tolerance max_increase_ratio 0.5 → at most 4.5`.
    public var summary: String {
        let labelText =
            labels.isEmpty
            ? "" : " (" + labels.keys.sorted().map { "\($0)=\(labels[$0] ?? "")" }.joined(separator: ", ") + ")"
        var text = "\(statistic)"
        if let reference { text += " \(Self.shown(reference))" }
        text += " of \(samples) sample(s)\(labelText) in \(window) (\(from), \(to)]"
        if reference == nil { text += " (\(minSamples) needed)" }
        if let head, let delta {
            text += "; head \(Self.shown(head)), delta \(Self.signed(delta))"
            if let deltaRatio { text += " (\(Self.signed(deltaRatio * 100)) %)" }
        }
        text += "; tolerance \(tolerance)"
        if let q1, let q3 { text += " (Q1 \(Self.shown(q1)), Q3 \(Self.shown(q3)))" }
        if let upperLimit { text += " → at most \(Self.shown(upperLimit))" }
        if let lowerLimit { text += "\(upperLimit == nil ? " →" : ",") at least \(Self.shown(lowerLimit))" }
        return text
    }

    /// A decimal as messages show it: exact up to six decimals, else rounded and marked `≈`.
    static func shown(_ value: Decimal) -> String { DecimalText.shown(value, against: nil) }

    /// With an explicit sign: `+1.8`, `-0.2`, `0`.
    static func signed(_ value: Decimal) -> String {
        value > 0 ? "+" + shown(value) : shown(value)
    }
}

extension HistoryComparison {
    /// The bound column of a history gate: the limit the history gave, and where it came from
    /// (`≤ 4.5 (median 3 of 5 run(s) in 7d, max_increase_ratio 0.5)`), or the history's state when it gave none.
    func boundText(_ bound: Bound) -> String {
        let source = "\(statistic)\(reference.map { " " + Self.shown($0) } ?? "") of \(samples) run(s) in \(window), "
        guard reference != nil, bound.threshold.written != "history" else {
            return "history (\(source)\(tolerance))"
        }
        let side =
            switch bound {
            case .min: "≥"
            case .max: "≤"
            }
        return "\(side) \(Self.shown(bound.threshold.value)) (\(source)\(tolerance))"
    }
}
