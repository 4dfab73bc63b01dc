#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Decodes a gate's `baseline` member (docs/baselines.md), with the checks that catch the common mistakes: no
/// tolerance at all, a tolerance on a change metric, a negative or (for a rate) out-of-range number.
enum BaselineDecoding {
    /// The keys a `baseline` member takes.
    static let keys = [
        "max_drop", "max_increase", "max_increase_ratio", "unless_at_least", "on_missing", "sample_metric",
        "sample_min",
    ]

    static func decode(_ node: JSONNode, metric: Metric, at path: String, _ decoder: inout JSONNodeDecoder)
        -> BaselineRule?
    {
        guard let fields = decoder.object(node, at: path, keys: keys) else { return nil }
        var rule = BaselineRule()
        rule.onMissing =
            fields["on_missing"].flatMap {
                decoder.choice($0, at: path + ".on_missing", as: BaselineRule.OnMissing.self)
            }
            ?? .error
        guard Self.decodeSamples(fields, into: &rule, metric: metric, at: path, node, &decoder) else { return nil }
        let tolerances = ["max_drop", "max_increase", "max_increase_ratio", "unless_at_least"]
        if metric.isChange {
            for key in tolerances {
                if let value = fields[key] {
                    decoder.fail(
                        "value",
                        "\(metric.name) is already a change against the baseline, so \"\(key)\" does not apply; "
                            + "bound it with \"max\" (\"max\": 0 for none)",
                        at: path + "." + key, value.position)
                }
            }
            return rule
        }
        rule.maxDrop = number(fields["max_drop"], metric: metric, at: path + ".max_drop", &decoder)
        rule.maxIncrease = number(fields["max_increase"], metric: metric, at: path + ".max_increase", &decoder)
        rule.maxIncreaseRatio = number(
            fields["max_increase_ratio"], metric: nil, at: path + ".max_increase_ratio", &decoder)
        rule.unlessAtLeast = number(fields["unless_at_least"], metric: metric, at: path + ".unless_at_least", &decoder)
        if !rule.hasTolerance, !tolerances.dropLast().contains(where: { fields[$0] != nil }) {
            decoder.fail(
                "missing-key",
                "a \"baseline\" member needs a tolerance: \"max_drop\" (0 for a strict ratchet), \"max_increase\" or "
                    + "\"max_increase_ratio\"",
                at: path, node.position)
            return nil
        }
        return rule
    }

    /// A non-negative number; for a rate metric at most 1 (it is in the rate's unit).
    ///
    /// `metric` nil: any ratio.
    static func number(
        _ node: JSONNode?, metric: Metric?, at path: String, _ decoder: inout JSONNodeDecoder
    ) -> Threshold? {
        guard let node else { return nil }
        guard case .number(let number) = node.value else {
            decoder.fail("type", "expected a number, found \(JSONNodeDecoder.describe(node))", at: path, node.position)
            return nil
        }
        guard let value = decoder.decimal(node, at: path) else { return nil }
        if value < 0 {
            decoder.fail(
                "value", "\(number.text) is negative; a tolerance is how far the value may move, at least 0",
                at: path, node.position)
            return nil
        }
        if let metric, metric.isRate, value > 1 {
            decoder.fail(
                "value",
                "\(metric.name) is a fraction between 0 and 1, so \(number.text) is not in its unit; write "
                    + "\(value / 100) for \(value) percentage points",
                at: path, node.position)
            return nil
        }
        return Threshold(value, written: number.text)
    }
}
