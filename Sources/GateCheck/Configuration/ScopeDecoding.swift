/// Decodes a gate's `scope` (`{"paths": [globs]}`) and `per_file`, which apply to coverage metrics.
enum ScopeDecoding {
    static let scopeKeys = ["paths"]

    /// The scope's globs and `per_file`; errors for a metric they do not apply to.
    static func decode(
        _ fields: [String: JSONNode], metric: Metric, at path: String, _ decoder: inout JSONNodeDecoder
    ) -> (paths: [String]?, perFile: Bool) {
        var paths: [String]?
        if let node = fields["scope"], let scope = decoder.object(node, at: path + ".scope", keys: scopeKeys) {
            if let value = decoder.required(scope, "paths", in: path + ".scope", node.position) {
                paths = ConfigurationDecoder.nonEmptyStrings(value, at: path + ".scope.paths", &decoder)
            }
        }
        let perFile = fields["per_file"].flatMap { decoder.bool($0, at: path + ".per_file") } ?? false
        guard case .coverage(let coverage) = metric else {
            for key in ["scope", "per_file"] {
                if let node = fields[key] {
                    decoder.fail(
                        "value", "\"\(key)\" applies to coverage.* metrics only in this version, not \(metric.name)",
                        at: path + "." + key, node.position)
                }
            }
            return (nil, false)
        }
        if perFile, let node = fields["per_file"], ![.lineRate, .branchRate, .diffLineRate].contains(coverage) {
            decoder.fail(
                "value",
                "\"per_file\" applies to coverage.line_rate, coverage.branch_rate and coverage.diff_line_rate, not "
                    + metric.name,
                at: path + ".per_file", node.position)
        }
        return (paths, perFile)
    }
}
