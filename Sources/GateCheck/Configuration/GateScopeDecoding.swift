/// Decodes the keys of a gate that say when it runs and what it reads: `tags`, `reports` and `exclusive`.
///
/// Each is a selector, so each refuses what would select nothing or everything by accident: an empty list, an
/// empty entry, a tag that is not written like an id, `exclusive` without `reports`.
enum GateScopeDecoding {
    /// What a gate's scope keys hold; the defaults when they are absent.
    struct Scope {
        /// The gate's tags (`[]` when it has none).
        var tags: [String] = []
        /// The gate's report globs (`nil`: every report of its kinds).
        var reports: [String]?
        /// Whether the gate claims the reports its globs match.
        var exclusive = false
    }

    /// Decodes `tags`, `reports` and `exclusive` from a gate's fields, reporting each problem with its key path.
    static func decode(_ fields: [String: JSONNode], at path: String, _ decoder: inout JSONNodeDecoder) -> Scope {
        var scope = Scope()
        if let node = fields["tags"],
            let tags = ConfigurationDecoder.nonEmptyStrings(node, at: path + ".tags", &decoder)
        {
            var seen: Set<String> = []
            for (index, tag) in tags.enumerated() {
                if !GateDecoding.isValidID(tag) {
                    decoder.fail(
                        "value",
                        "\"\(tag)\" is not a valid tag: use letters, digits, '.', '_' and '-' (at most 64, starting "
                            + "with a letter or digit), so that `--only` and `--skip` can name it",
                        at: "\(path).tags[\(index)]", node.position)
                } else if !seen.insert(tag).inserted {
                    decoder.fail(
                        "value", "the tag \"\(tag)\" is listed twice", at: "\(path).tags[\(index)]", node.position)
                }
            }
            scope.tags = tags
        }
        if let node = fields["reports"] {
            scope.reports = ConfigurationDecoder.nonEmptyStrings(node, at: path + ".reports", &decoder)
        }
        if let node = fields["exclusive"], let exclusive = decoder.bool(node, at: path + ".exclusive") {
            if exclusive, fields["reports"] == nil {
                decoder.fail(
                    "value",
                    "\"exclusive\" claims the reports that the gate's \"reports\" globs match, and this gate has no "
                        + "\"reports\"; add \"reports\" or remove \"exclusive\"",
                    at: path + ".exclusive", node.position)
            }
            scope.exclusive = exclusive
        }
        return scope
    }
}
