/// Decodes gates.json `paths` (`strip_prefix`, `replace`) and `diff` (`require_measured`).
enum PathRulesDecoding {
    static let pathKeys = ["strip_prefix", "replace"]
    static let replaceKeys = ["from", "to"]
    static let diffKeys = ["require_measured"]

    /// The `paths` object; a `replace.from` that is not a regular expression is an error at its key path.
    static func decodePaths(_ node: JSONNode, _ decoder: inout JSONNodeDecoder) -> PathRules? {
        guard let fields = decoder.object(node, at: "paths", keys: pathKeys) else { return nil }
        var rules = PathRules()
        if let value = fields["strip_prefix"] {
            rules.stripPrefix = ConfigurationDecoder.nonEmptyStrings(value, at: "paths.strip_prefix", &decoder) ?? []
        }
        if let value = fields["replace"],
            let elements = ConfigurationDecoder.nonEmptyArray(value, at: "paths.replace", &decoder)
        {
            for (index, element) in elements.enumerated() {
                let path = "paths.replace[\(index)]"
                guard let rule = decoder.object(element, at: path, keys: replaceKeys) else { continue }
                let from = decoder.required(rule, "from", in: path, element.position).flatMap {
                    decoder.string($0, at: path + ".from")
                }
                let to = decoder.required(rule, "to", in: path, element.position).flatMap {
                    decoder.string($0, at: path + ".to")
                }
                guard let from, let to else { continue }
                if from.isEmpty || (try? Regex(from)) == nil {
                    decoder.fail(
                        "value", "\"\(from)\" is not a regular expression (Swift Regex syntax, like PCRE)",
                        at: path + ".from", element.position)
                    continue
                }
                rules.replace.append(.init(from: from, to: to))
            }
        }
        return rules
    }

    /// The `diff` object.
    static func decodeDiff(_ node: JSONNode, _ decoder: inout JSONNodeDecoder) -> DiffOptions? {
        guard let fields = decoder.object(node, at: "diff", keys: diffKeys) else { return nil }
        var options = DiffOptions()
        if let value = fields["require_measured"] {
            options.requireMeasured =
                ConfigurationDecoder.nonEmptyStrings(value, at: "diff.require_measured", &decoder) ?? []
        }
        return options
    }
}
