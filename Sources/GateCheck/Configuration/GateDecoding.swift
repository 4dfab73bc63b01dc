#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Decodes one entry of gates.json `gates`, with the checks that catch the common mistakes (a percentage
/// written as 80 instead of 0.80, both bounds or none, findings options on a non-findings metric).
enum GateDecoding {
    static func decode(_ node: JSONNode, at path: String, _ decoder: inout JSONNodeDecoder) -> GateSpec? {
        guard let fields = decoder.object(node, at: path, keys: ConfigurationDecoder.gateKeys) else { return nil }
        let errorsBefore = errorCount(decoder)
        var id: String?
        if let value = decoder.required(fields, "id", in: path, node.position),
            let text = decoder.string(value, at: path + ".id")
        {
            if isValidID(text) {
                id = text
            } else {
                decoder.fail(
                    "value", "\"\(text)\" is not a valid gate id: use letters, digits, '.', '_' and '-'",
                    at: path + ".id", value.position)
            }
        }
        var metric: Metric?
        if let value = decoder.required(fields, "metric", in: path, node.position),
            let name = decoder.string(value, at: path + ".metric")
        {
            metric = Metric(name: name)
            if metric == nil {
                let known = Metric.fixed.map(\.name).joined(separator: ", ")
                decoder.fail(
                    "unknown-metric", "unknown metric \"\(name)\"; known metrics: \(known), accuracy.<name>",
                    at: path + ".metric", value.position)
            }
        }
        guard let metric else { return nil }
        let rule = fields["baseline"].flatMap {
            BaselineDecoding.decode($0, metric: metric, at: path + ".baseline", &decoder)
        }
        if metric == .change(.accuracyRegressedSamples), fields["baseline"] == nil {
            decoder.fail(
                "missing-key",
                "accuracy.regressed_samples needs a \"baseline\" member with \"sample_metric\" and \"sample_min\", "
                    + "e.g. {\"sample_metric\": \"retrieval\", \"sample_min\": 0.5}", at: path, node.position)
        }
        let history = fields["history"].flatMap {
            HistoryDecoding.decode($0, gate: fields, metric: metric, at: path + ".history", &decoder)
        }
        if fields["baseline"] != nil, let node = fields["history"] {
            decoder.fail(
                "value", "a gate compares with a baseline or with history, not both; write two gates",
                at: path + ".history", node.position)
        }
        // A ratchet or a history gate needs no absolute bound: the comparison alone judges it (docs/baselines.md,
        // docs/history.md).
        let unbounded = fields["min"] == nil && fields["max"] == nil && fields["baseline"] != nil && !metric.isChange
        let bound =
            unbounded
            ? Bound.min(Threshold.placeholder(written: "baseline"))
            : fields["history"] != nil && fields["min"] == nil && fields["max"] == nil
                ? HistoryDecoding.placeholderBound(history)
                : decodeBound(fields, metric: metric, at: path, node.position, &decoder)
        let level = fields["level"].flatMap { decoder.choice($0, at: path + ".level", as: GateLevel.self) } ?? .error
        let required = fields["required"].flatMap { decoder.bool($0, at: path + ".required") } ?? true
        let description = fields["description"].flatMap { decoder.string($0, at: path + ".description") }
        var kinds: [ReportKind]?
        if let value = fields["kinds"],
            let decoded = ConfigurationDecoder.decodeKinds(value, at: path + ".kinds", &decoder)
        {
            let unrelated = decoded.filter { !metric.kinds.contains($0) }
            if !unrelated.isEmpty {
                decoder.fail(
                    "value",
                    "\(metric.name) does not come from \(unrelated.map(\.rawValue).joined(separator: ", ")) reports; "
                        + "it comes from \(metric.kinds.map(\.rawValue).joined(separator: ", "))",
                    at: path + ".kinds", value.position)
            }
            kinds = decoded
        }
        let selector = decodeSelector(fields, metric: metric, at: path, &decoder)
        let stage = GateScopeDecoding.decode(fields, at: path, &decoder)
        let scope = ScopeDecoding.decode(fields, metric: metric, at: path, &decoder)
        guard let id, let bound, errorCount(decoder) == errorsBefore else { return nil }
        var gate = GateSpec(
            id: id, metric: metric, bound: bound, level: level, required: required, kinds: kinds, selector: selector,
            description: description, tags: stage.tags, reports: stage.reports, exclusive: stage.exclusive)
        gate.baseline = rule
        gate.hasBound = !unbounded
        gate.history = history
        gate.history?.hasOwnBound = fields["min"] != nil || fields["max"] != nil
        (gate.scope, gate.perFile) = (scope.paths, scope.perFile)
        gate.scopeClasses = scope.classes
        return gate
    }

    // MARK: - Private

    private static func decodeBound(
        _ fields: [String: JSONNode], metric: Metric, at path: String, _ position: JSONPosition,
        _ decoder: inout JSONNodeDecoder
    ) -> Bound? {
        switch (fields["min"], fields["max"]) {
        case (nil, nil):
            decoder.fail("missing-key", "a gate needs a bound: \"min\" or \"max\"", at: path, position)
            return nil
        case (.some, .some):
            decoder.fail(
                "value", "a gate takes one bound, \"min\" or \"max\"; write two gates for a range", at: path, position)
            return nil
        case (let node?, nil):
            return threshold(node, metric: metric, at: path + ".min", &decoder).map(Bound.min)
        case (nil, let node?):
            return threshold(node, metric: metric, at: path + ".max", &decoder).map(Bound.max)
        }
    }

    private static func threshold(_ node: JSONNode, metric: Metric, at path: String, _ decoder: inout JSONNodeDecoder)
        -> Threshold?
    {
        if metric == .image(.sizeBytes), case .string(let text) = node.value {
            guard let threshold = Threshold.bytes(text) else {
                let units = Threshold.sizeUnits.keys.filter { !$0.isEmpty }.sorted().joined(separator: ", ")
                decoder.fail(
                    "value", "\"\(text)\" is not a size; write a number of bytes or a number with a unit (\(units))",
                    at: path, node.position)
                return nil
            }
            return threshold
        }
        guard case .number(let number) = node.value, let value = decoder.decimal(node, at: path) else {
            if case .number = node.value { return nil }
            decoder.fail("type", "expected a number, found \(JSONNodeDecoder.describe(node))", at: path, node.position)
            return nil
        }
        if metric.isRate, value < 0 || value > 1 {
            let hint = value > 1 && value <= 100 ? "; write \(value / 100) for \(value) %" : ""
            decoder.fail(
                "value", "\(metric.name) is a fraction between 0 and 1, so \(number.text) can never be met\(hint)",
                at: path, node.position)
            return nil
        }
        if value < 0 {
            decoder.fail(
                "value", "\(metric.name) is never negative, so \(number.text) is not a usable bound", at: path,
                node.position)
            return nil
        }
        return Threshold(value, written: number.text)
    }

    private static func decodeSelector(
        _ fields: [String: JSONNode], metric: Metric, at path: String, _ decoder: inout JSONNodeDecoder
    ) -> FindingSelector {
        var selector = FindingSelector()
        let findingKeys = ["min_severity", "min_confidence", "fixable_only", "tools"]
        guard metric.selectsFindings else {
            for key in findingKeys {
                if let node = fields[key] {
                    decoder.fail(
                        "value", "\"\(key)\" applies to findings.* metrics only, not \(metric.name)",
                        at: path + "." + key, node.position)
                }
            }
            return selector
        }
        if metric == .findings(.notAudited) {
            for key in ["min_severity", "min_confidence", "fixable_only"] {
                if let node = fields[key] {
                    decoder.fail(
                        "value",
                        "\"\(key)\" does not apply to findings.not_audited, which counts what a tool could not "
                            + "check (it has no severity); use \"tools\" or \"kinds\" to narrow it",
                        at: path + "." + key, node.position)
                }
            }
        }
        selector.minSeverity = fields["min_severity"].flatMap {
            decoder.choice($0, at: path + ".min_severity", as: Severity.self)
        }
        selector.minConfidence = fields["min_confidence"].flatMap {
            decoder.choice($0, at: path + ".min_confidence", as: Confidence.self)
        }
        selector.fixableOnly = fields["fixable_only"].flatMap { decoder.bool($0, at: path + ".fixable_only") } ?? false
        selector.tools = fields["tools"].flatMap {
            ConfigurationDecoder.nonEmptyStrings($0, at: path + ".tools", &decoder)
        }
        for (index, tool) in (selector.tools ?? []).enumerated() where !ToolNames.isKnown(tool) {
            if let known = ToolNames.nearMiss(of: tool, among: ToolNames.known) {
                decoder.warn(
                    "unknown-tool",
                    "\"\(tool)\" is not a tool gatecheck knows; did you mean \"\(known)\"? A tools entry that matches no "
                        + "tool in the reports makes the gate an error (exit 2)",
                    at: "\(path).tools[\(index)]", fields["tools"]?.position)
            }
        }
        return selector
    }

    /// Errors found so far; warnings (a near-miss tool name) do not drop the gate.
    private static func errorCount(_ decoder: JSONNodeDecoder) -> Int {
        decoder.problems.count { $0.severity == .error }
    }

    /// Whether a gate id (or a tag) is letters, digits, `.`, `_` and `-`, at most 64, starting with a letter or digit.
    static func isValidID(_ id: String) -> Bool {
        guard let first = id.utf8.first, id.utf8.count <= 64, isAlphanumeric(first) else { return false }
        return id.utf8.allSatisfy { isAlphanumeric($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
}
