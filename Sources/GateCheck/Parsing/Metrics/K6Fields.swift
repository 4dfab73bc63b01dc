/// One k6 metric's stats: the members read, where they are, and the path prefix (`values.` in `handleSummary`'s
/// data, nothing in `--summary-export`'s).
struct K6Stats {
    /// The stats read, by key.
    var fields: [K6SummaryParser.Key: JSONNode]
    /// `"values."` or `""`, for key paths.
    var prefix: String
    /// Where the stats object starts.
    var position: JSONPosition
}

/// Member access for the k6 summary, whose objects carry many keys gatecheck does not read (every other metric,
/// stat and option): those are skipped silently, while a key that is read must appear once and in the right type.
enum K6Fields {
    /// The members of an object that ``K6SummaryParser/Key`` names; a repeated one is an error (JSON readers
    /// disagree on which copy counts).
    static func read(_ node: JSONNode, at path: String, _ decoder: inout JSONNodeDecoder)
        -> [K6SummaryParser.Key: JSONNode]
    {
        guard case .object(let members) = node.value else {
            decoder.fail("type", "expected an object, found \(node.value.kind.rawValue)", at: path, node.position)
            return [:]
        }
        var fields: [K6SummaryParser.Key: JSONNode] = [:]
        for member in members {
            guard let key = K6SummaryParser.Key(rawValue: member.key) else { continue }
            let memberPath = JSONNodeDecoder.join(path, member.key)
            if fields[key] != nil {
                decoder.fail(
                    "duplicate-key",
                    "the key \"\(member.key)\" appears twice in one object; JSON readers disagree on which one "
                        + "counts, so the summary is ambiguous", at: memberPath, member.keyPosition)
            } else {
                fields[key] = member.node
            }
        }
        return fields
    }

    /// A metric's stats, from either shape: under `values` (with `type` and `contains` beside it) or directly.
    static func stats(_ node: JSONNode, at path: String, _ decoder: inout JSONNodeDecoder) -> K6Stats {
        let fields = read(node, at: path, &decoder)
        guard let values = fields[.values] else { return K6Stats(fields: fields, prefix: "", position: node.position) }
        let inner = read(values, at: path + ".values", &decoder)
        return K6Stats(fields: inner, prefix: "values.", position: values.position)
    }
}
