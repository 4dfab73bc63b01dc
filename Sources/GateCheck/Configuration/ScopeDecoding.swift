/// Decodes a gate's `scope` and `per_file`: `scope.paths` (globs over repository paths) on coverage, findings and
/// tests gates, `scope.classes` (globs over JUnit `classname`) on tests gates, `per_file` on coverage rates only.
enum ScopeDecoding {
    static let scopeKeys = ["paths", "classes"]

    /// What a gate's `scope` and `per_file` hold.
    struct Decoded {
        /// `scope.paths`, or `nil`.
        var paths: [String]?
        /// `scope.classes`, or `nil`.
        var classes: [String]?
        /// `per_file`.
        var perFile = false
    }

    /// The scope's globs and `per_file`; errors for a metric they do not apply to.
    static func decode(
        _ fields: [String: JSONNode], metric: Metric, at path: String, _ decoder: inout JSONNodeDecoder
    ) -> Decoded {
        var decoded = Decoded()
        if let node = fields["scope"], let scope = decoder.object(node, at: path + ".scope", keys: scopeKeys) {
            if let value = scope["paths"] {
                decoded.paths = ConfigurationDecoder.nonEmptyStrings(value, at: path + ".scope.paths", &decoder)
            }
            if let value = scope["classes"] {
                decoded.classes = ConfigurationDecoder.nonEmptyStrings(value, at: path + ".scope.classes", &decoder)
            }
            switch (scope["paths"], scope["classes"]) {
            case (nil, nil):
                decoder.fail(
                    "missing-key", "a scope needs \"paths\" (or, on a tests gate, \"classes\")",
                    at: path + ".scope", node.position)
            case (.some, .some(let classes)):
                // Both at once would leave open whether they intersect or add up: one reading, stated.
                decoder.fail(
                    "value", "a scope has \"paths\" or \"classes\", not both; split it into two gates",
                    at: path + ".scope.classes", classes.position)
            default: break
            }
        }
        let perFile = fields["per_file"].flatMap { decoder.bool($0, at: path + ".per_file") } ?? false
        switch metric {
        case .coverage(let coverage):
            if let node = fields["scope"], decoded.classes != nil {
                decoder.fail(
                    "value", "\"scope.classes\" applies to tests.* metrics only, not \(metric.name)",
                    at: path + ".scope.classes", node.position)
            }
            if perFile, let node = fields["per_file"], ![.lineRate, .branchRate, .diffLineRate].contains(coverage) {
                decoder.fail(
                    "value",
                    "\"per_file\" applies to coverage.line_rate, coverage.branch_rate and coverage.diff_line_rate, "
                        + "not " + metric.name,
                    at: path + ".per_file", node.position)
            }
            decoded.perFile = perFile
            return decoded
        case .findings(let findings) where findings != .notAudited:
            if let node = fields["scope"], decoded.classes != nil {
                decoder.fail(
                    "value",
                    "\"scope.classes\" applies to tests.* metrics only; a findings gate takes "
                        + "\"scope.paths\"", at: path + ".scope.classes", node.position)
            }
            rejectPerFile(fields, metric: metric, at: path, &decoder)
            return decoded
        case .tests(let tests):
            if tests == .durationSeconds, let node = fields["scope"] {
                decoder.fail(
                    "value", "\"scope\" applies to the tests.* counts, not tests.duration_seconds, in this version",
                    at: path + ".scope", node.position)
            }
            rejectPerFile(fields, metric: metric, at: path, &decoder)
            return decoded
        default:
            for key in ["scope", "per_file"] {
                if let node = fields[key] {
                    decoder.fail(
                        "value",
                        "\"\(key)\" applies to coverage.*, findings.* (except findings.not_audited) and tests.* "
                            + "metrics only, not \(metric.name)",
                        at: path + "." + key, node.position)
                }
            }
            return Decoded()
        }
    }

    /// `per_file` on findings and tests gates: not implemented for counts (a gate counts over its whole scope), so
    /// it is refused rather than ignored: an ignored key would let a user believe each file is bounded.
    private static func rejectPerFile(
        _ fields: [String: JSONNode], metric: Metric, at path: String, _ decoder: inout JSONNodeDecoder
    ) {
        guard let node = fields["per_file"] else { return }
        decoder.fail(
            "value",
            "\"per_file\" applies to coverage rates only, not \(metric.name): a findings or tests gate counts over "
                + "its whole scope; remove \"per_file\", or write one scoped gate per directory",
            at: path + ".per_file", node.position)
    }
}
