#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Decodes a gate's `history` member, with the checks that catch a gate that could never compare anything.
enum HistoryDecoding {
    /// The keys of `history`.
    static let keys = [
        "window", "statistic", "band", "max_increase_ratio", "max_increase", "max_drop", "min_samples", "labels",
        "on_missing",
    ]

    /// Decodes `gates[i].history`; `nil` (with problems recorded) when it is unusable.
    static func decode(
        _ node: JSONNode, gate fields: [String: JSONNode], metric: Metric, at path: String,
        _ decoder: inout JSONNodeDecoder
    ) -> HistorySpec? {
        guard let members = decoder.object(node, at: path, keys: keys) else { return nil }
        let errorsBefore = decoder.problems.count { $0.severity == .error }
        var window: HistoryWindow?
        if let value = decoder.required(members, "window", in: path, node.position),
            let text = decoder.string(value, at: path + ".window")
        {
            window = HistoryWindow(text)
            if window == nil {
                decoder.fail(
                    "value",
                    "\"\(text)\" is not a window; write a whole number and h, d or w (\"36h\", \"7d\", \"2w\"), at "
                        + "most 10 years",
                    at: path + ".window", value.position)
            }
        }
        let statistic =
            members["statistic"].flatMap { decoder.choice($0, at: path + ".statistic", as: HistorySpec.Statistic.self) }
            ?? .median
        let band = members["band"].flatMap { decoder.choice($0, at: path + ".band", as: HistorySpec.Band.self) }
        let ratio = tolerance(members, "max_increase_ratio", at: path, &decoder)
        let increase = tolerance(members, "max_increase", at: path, &decoder)
        let drop = tolerance(members, "max_drop", at: path, &decoder)
        if band == nil, members["max_increase_ratio"] == nil, members["max_increase"] == nil,
            members["max_drop"] == nil
        {
            decoder.fail(
                "missing-key",
                "history compares nothing: give a tolerance (\"max_increase_ratio\", \"max_increase\", \"max_drop\") "
                    + "or \"band\": \"iqr\"",
                at: path, node.position)
        }
        let minSamples =
            members["min_samples"].flatMap { decoder.integer($0, at: path + ".min_samples", range: 1...100_000) } ?? 3
        var labels: [String: String] = [:]
        if let value = members["labels"] {
            if case .object(let entries) = value.value {
                for entry in entries {
                    let entryPath = path + ".labels." + entry.key
                    if labels[entry.key] != nil {
                        decoder.fail(
                            "duplicate-key", "the label \"\(entry.key)\" appears twice", at: entryPath,
                            entry.keyPosition)
                    } else if let text = decoder.string(entry.node, at: entryPath) {
                        labels[entry.key] = text
                    }
                }
            } else {
                decoder.fail(
                    "type", "expected an object of label names and values, found \(JSONNodeDecoder.describe(value))",
                    at: path + ".labels", value.position)
            }
        }
        let onMissing = members["on_missing"].flatMap {
            decoder.choice($0, at: path + ".on_missing", as: HistorySpec.OnMissing.self)
        }
        for key in ["min_severity", "min_confidence", "fixable_only", "tools", "kinds"] {
            if let other = fields[key] {
                decoder.fail(
                    "value",
                    "\"\(key)\" cannot be combined with \"history\": a history line records \(metric.name) over the "
                        + "whole run, so a narrowed gate would compare different things; drop \"\(key)\" or the history",
                    at: path.dropLast(".history".count) + "." + key, other.position)
            }
        }
        guard let window, decoder.problems.count(where: { $0.severity == .error }) == errorsBefore else { return nil }
        return HistorySpec(
            window: window, statistic: statistic, band: band, maxIncreaseRatio: ratio, maxIncrease: increase,
            maxDrop: drop, minSamples: minSamples, labels: labels, onMissing: onMissing)
    }

    /// A tolerance: a number that is not negative.
    private static func tolerance(
        _ members: [String: JSONNode], _ key: String, at path: String, _ decoder: inout JSONNodeDecoder
    ) -> Decimal? {
        guard let node = members[key], let value = decoder.decimal(node, at: path + "." + key) else { return nil }
        if value < 0 {
            decoder.fail("value", "a tolerance is not negative; \(value) is", at: path + "." + key, node.position)
            return nil
        }
        return value
    }
}

extension HistoryDecoding {
    /// The bound of a history gate without `min` or `max`: its side follows the tolerances (a drop tolerance alone
    /// bounds from below), and the history's limit replaces it once the gate is judged.
    static func placeholderBound(_ spec: HistorySpec?) -> Bound {
        let threshold = Threshold.placeholder(written: "history")
        guard let spec, spec.maxDrop != nil, spec.maxIncrease == nil, spec.maxIncreaseRatio == nil, spec.band == nil
        else { return .max(threshold) }
        return .min(threshold)
    }
}
