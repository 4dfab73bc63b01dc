#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One run in a history file: when it ran, its labels, and its metrics, exactly
/// (`schemas/history-line.schema.json`).
///
/// ```json
/// {"schema":"gatecheck.history/v1","time":"2026-12-03T04:24:16Z","labels":{"provider":"anthropic"},
///  "metrics":{"llm.cost_usd":{"value":3.21},"coverage.line_rate":{"value":0.7104,"numerator":336,"denominator":473}}}
/// ```
@_spi(Internals) public struct HistoryLine: Sendable, Hashable {
    /// The schema id every line carries; a line of another schema is an error, never skipped.
    public static let schemaID = "gatecheck.history/v1"

    /// When the run happened (the `--at` given to `record`, or the clock's reading the CLI passed in).
    public var time: Timestamp
    /// `k=v` labels such as model, provider, runner, dataset.
    public var labels: [String: String]
    /// The run's metrics by name (`llm.cost_usd`): rates as numerator/denominator, counts as integers, report
    /// numbers with their decimal text.
    public var metrics: [String: MetricValue]

    /// Exact fractions of the kept metrics whose digits the reader saw, as sort keys.
    ///
    /// Sorting by them costs a few instructions a comparison where `Decimal` costs a thousand. They are not part of
    /// the line's value (not compared, not hashed).
    public internal(set) var sortKeys: [(name: String, key: SampleOrder.Fraction)] = []

    /// Creates a line.
    public init(time: Timestamp, labels: [String: String] = [:], metrics: [String: MetricValue]) {
        self.time = time
        self.labels = labels
        self.metrics = metrics
    }

    /// The sort key of a metric: the reader's, else one made from the value (slow for decimals), else `nil`.
    func sortKey(_ name: String, _ value: MetricValue) -> SampleOrder.Fraction? {
        for entry in sortKeys where entry.name == name { return entry.key }
        return SampleOrder.Fraction(value)
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.time == rhs.time && lhs.labels == rhs.labels && lhs.metrics == rhs.metrics
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(time)
        hasher.combine(labels)
        hasher.combine(metrics)
    }

    /// The line as written to the file: one JSON object, keys sorted, ending in a newline.
    ///
    /// A rate's `value` is a rounded decimal for people and other tools; gatecheck reads the numerator and
    /// denominator, so nothing is lost.
    public var encoded: String {
        var text = "{\"schema\":\"\(Self.schemaID)\",\"time\":\"\(time)\",\"labels\":{"
        text += labels.keys.sorted().map { "\(Self.quoted($0)):\(Self.quoted(labels[$0] ?? ""))" }.joined(
            separator: ",")
        text += "},\"metrics\":{"
        text += metrics.keys.sorted().compactMap { name -> String? in
            guard let value = metrics[name] else { return nil }
            switch value {
            case .integer(let count): return "\(Self.quoted(name)):{\"value\":\(count)}"
            case .decimal(let number): return "\(Self.quoted(name)):{\"value\":\(number)}"
            case .ratio(let numerator, let denominator):
                let shown = MetricValue.rounded(numerator, denominator, 17).text
                return
                    "\(Self.quoted(name)):{\"value\":\(shown),\"numerator\":\(numerator),\"denominator\":\(denominator)}"
            case .notMeasured: return nil
            }
        }.joined(separator: ",")
        return text + "}}\n"
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
