/// The `baseline` keys of `accuracy.regressed_samples`: which accuracy metric's samples, and what passing means.
extension BaselineDecoding {
    /// Reads `sample_metric` and `sample_min`: both required for `accuracy.regressed_samples`, refused on any
    /// other metric; `false` when the member cannot be used.
    static func decodeSamples(
        _ fields: [String: JSONNode], into rule: inout BaselineRule, metric: Metric, at path: String,
        _ node: JSONNode, _ decoder: inout JSONNodeDecoder
    ) -> Bool {
        guard metric == .change(.accuracyRegressedSamples) else {
            for key in ["sample_metric", "sample_min"] {
                if let value = fields[key] {
                    decoder.fail(
                        "value", "\"\(key)\" applies only to accuracy.regressed_samples, not \(metric.name)",
                        at: path + "." + key, value.position)
                }
            }
            return true
        }
        guard let nameNode = fields["sample_metric"], let minNode = fields["sample_min"] else {
            decoder.fail(
                "missing-key",
                "accuracy.regressed_samples needs \"sample_metric\" (the accuracy metric whose samples are compared, "
                    + "e.g. \"retrieval\") and \"sample_min\" (a sample passes at or above it, e.g. 0.5)",
                at: path, node.position)
            return false
        }
        guard case .string(let name) = nameNode.value, Metric.isValidAccuracyName(name) else {
            decoder.fail(
                "value",
                "expected the name of an accuracy metric (lowercase letters, digits, '_', '-', '.'), found "
                    + JSONNodeDecoder.describe(nameNode), at: path + ".sample_metric", nameNode.position)
            return false
        }
        guard let bound = number(minNode, metric: .accuracy(name), at: path + ".sample_min", &decoder) else {
            return false
        }
        rule.sampleMetric = name
        rule.sampleMin = bound
        return true
    }
}
