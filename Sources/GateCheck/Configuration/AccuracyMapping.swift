/// gates.json `accuracy_mapping`: which metric of an evaluation tool is which gatecheck accuracy metric (DeepEval's
/// `Contextual Recall` → `retrieval`, `Faithfulness` → `attribution`).
///
/// Names are compared after ``normalize(_:)``, so `"Contextual Recall"` and `"contextual_recall"` are the same key.
/// A metric that no entry maps keeps its normalised name and is gateable as `accuracy.<normalised name>`.
///
/// ```swift
/// let mapping = AccuracyMapping(["Contextual Recall": "retrieval"])
/// mapping.name(for: "Contextual Recall")   // "retrieval"
/// mapping.name(for: "Answer Relevancy")    // "answer_relevancy"
/// ```
@_spi(Internals) public struct AccuracyMapping: Sendable, Hashable {
    /// Normalised tool metric name → gatecheck accuracy name.
    public private(set) var targets: [String: String]

    /// Creates a mapping; keys are normalised.
    public init(_ pairs: [String: String] = [:]) {
        targets = Dictionary(pairs.map { (Self.normalize($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// The gatecheck name of a tool's metric: its mapped name, or else its normalised name.
    public func name(for sourceName: String) -> String {
        let normalized = Self.normalize(sourceName)
        return targets[normalized] ?? normalized
    }

    /// Lowercases ASCII letters, turns every run of other characters outside `a-z 0-9 _ . -` into one `_`, and
    /// trims `_` at both ends: `Contextual Recall` → `contextual_recall`.
    public static func normalize(_ name: String) -> String {
        var bytes: [UInt8] = []
        for byte in name.utf8 {
            let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) || lower == 0x2E || lower == 0x2D
                || lower == 0x5F
            {
                bytes.append(lower)
            } else if bytes.last != 0x5F {
                bytes.append(0x5F)
            }
        }
        while bytes.last == 0x5F { bytes.removeLast() }
        while bytes.first == 0x5F { bytes.removeFirst() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Renames a report's metrics (keyed by their source names, in document order) to gatecheck names.
    ///
    /// Two metrics that end up with the same name make that metric unusable, since gatecheck cannot tell which one to
    /// gate.
    func apply(to metrics: [AccuracyMetric]) -> [String: AccuracyMetric] {
        var named: [String: AccuracyMetric] = [:]
        for metric in metrics {
            let name = self.name(for: metric.sourceName)
            guard var existing = named[name] else {
                named[name] = metric
                continue
            }
            existing.value = nil
            existing.problem =
                "both \"\(existing.sourceName)\" and \"\(metric.sourceName)\" give accuracy.\(name) "
                + "(check `accuracy_mapping` in gates.json)"
            named[name] = existing
        }
        return named
    }

    /// Decodes gates.json `accuracy_mapping`: an object of tool metric names to gatecheck accuracy names.
    static func decode(_ node: JSONNode, at path: String, _ decoder: inout JSONNodeDecoder) -> AccuracyMapping? {
        guard case .object(let members) = node.value else {
            decoder.fail("type", "expected an object, found \(node.value.kind.rawValue)", at: path, node.position)
            return nil
        }
        var pairs: [String: String] = [:]
        var seen: [String: String] = [:]
        for member in members {
            let memberPath = "\(path).\(member.key)"
            guard let target = decoder.string(member.node, at: memberPath) else { continue }
            let key = normalize(member.key)
            if key.isEmpty {
                decoder.fail("value", "\"\(member.key)\" is not a metric name", at: memberPath, member.keyPosition)
            } else if let earlier = seen[key] {
                decoder.fail(
                    "duplicate-key",
                    "\"\(member.key)\" and \"\(earlier)\" are the same metric name once normalised "
                        + "(\"\(key)\"); keep one", at: memberPath, member.keyPosition)
            } else if target.hasPrefix("accuracy.") {
                decoder.fail(
                    "value",
                    "write the accuracy metric without its family: \"\(target.dropFirst(9))\", not \"\(target)\"",
                    at: memberPath, member.node.position)
            } else if !Metric.isValidAccuracyName(target) {
                decoder.fail(
                    "value",
                    "\"\(target)\" is not an accuracy metric name: use lowercase letters, digits, '_', '-' and "
                        + "'.' (gated as accuracy.<name>)", at: memberPath, member.node.position)
            } else {
                seen[key] = member.key
                pairs[key] = target
            }
        }
        return AccuracyMapping(pairs)
    }
}
