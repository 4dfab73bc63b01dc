#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Reads LLM spend: gatecheck's `gatecheck.llm-cost/v1` (`schemas/llm-cost.schema.json`) or, as is, what the
/// pipeline's cost script writes.
///
/// The script writes, for example:
///
/// ```json
/// {"total_cost": 1.23, "openai": {"input_tokens": 120000, "output_tokens": 9000, "cost": 1.2},
///  "embeddings": {"tokens": 300000, "cost": 0.03}}
/// ```
///
/// The gated spend follows from the stated total and the parts (`docs/llm-cost-report.md`): the total when the parts
/// agree with it (to a millionth of a dollar); the larger of the two when they disagree, with a warning, since a
/// spend ceiling must not pass on the smaller of two contradicting numbers; the sum of the parts when there is no
/// total. A part without a cost (the script's `embeddings` may have none) is taken to be inside the total.
enum CostReportParser {
    static let schemaID = "gatecheck.llm-cost/v1"
    static let ownKeys = ["$schema", "schema", "currency", "total_usd", "by_model", "generated_at"]
    static let modelKeys = ["input_tokens", "output_tokens", "cached_input_tokens", "cost_usd"]
    static let scriptPartKeys = ["input_tokens", "output_tokens", "cached_input_tokens", "tokens", "cost"]
    /// The most tokens one part may state (2^53): beyond any real spend, and small enough that the sums stay exact.
    static let tokenLimit = 1 << 53

    /// What the decoders of either shape read: the root's scalars, `by_model`'s models, and each part's fields;
    /// the rest is skipped as it streams (``JSONReader/readPruned(_:)``).
    static let shape = JSONShape.object(
        known: [
            "$schema": .scalar, "schema": .scalar, "currency": .scalar, "total_usd": .scalar, "total_cost": .scalar,
            "generated_at": .scalar, "by_model": .object(known: [:], other: .fields(modelKeys)),
        ], other: .fields(scriptPartKeys))

    static func parse(_ root: JSONNode) throws(ReportError) -> ParsedMetricReport {
        var decoder = JSONNodeDecoder(file: "", codePrefix: "llm-cost")
        var report: CostReport?
        if case .object(let members) = root.value, members.contains(where: { $0.key == "schema" }) {
            report = decodeOwn(root, &decoder)
        } else {
            report = decodeScript(root, &decoder)
        }
        if let decoded = report { report = resolve(decoded, &decoder) }
        let diagnostics = try decoder.reportDiagnostics()
        guard let report else { throw .invalidValue("the cost report cannot be read", at: nil, keyPath: nil) }
        return ParsedMetricReport(content: .llmCost(report), diagnostics: diagnostics)
    }

    // MARK: - Private

    private static func decodeOwn(_ root: JSONNode, _ decoder: inout JSONNodeDecoder) -> CostReport? {
        guard let fields = decoder.object(root, at: "", keys: ownKeys) else { return nil }
        decoder.requireSchema(schemaID, in: fields, root)
        if let node = decoder.required(fields, "currency", in: "", root.position),
            let currency = decoder.string(node, at: "currency"), currency != "USD"
        {
            decoder.fail(
                "value", "the currency is \"\(currency)\"; gatecheck gates spend in USD only", at: "currency",
                node.position)
        }
        if let node = fields["generated_at"] { _ = decoder.string(node, at: "generated_at") }
        let total = decoder.required(fields, "total_usd", in: "", root.position).flatMap {
            cost($0, at: "total_usd", &decoder)
        }
        var parts: [CostPart] = []
        if let node = decoder.required(fields, "by_model", in: "", root.position) {
            guard case .object(let members) = node.value else {
                decoder.fail(
                    "type", "expected an object, found \(node.value.kind.rawValue)", at: "by_model", node.position)
                return nil
            }
            for member in members {
                let path = "by_model.\(member.key)"
                guard let model = decoder.object(member.node, at: path, keys: modelKeys) else { continue }
                let price = decoder.required(model, "cost_usd", in: path, member.node.position).flatMap {
                    cost($0, at: path + ".cost_usd", &decoder)
                }
                if let part = tokens(model, name: member.key, at: path, member.node.position, required: true, &decoder)
                {
                    parts.append(
                        CostPart(
                            name: part.name, inputTokens: part.inputTokens, outputTokens: part.outputTokens,
                            cachedInputTokens: part.cachedInputTokens, costUSD: price))
                }
            }
        }
        return CostReport(format: schemaID, statedTotal: total, parts: parts, costUSD: nil)
    }

    /// The cost script's shape: `total_cost`, and one object per provider or service.
    private static func decodeScript(_ root: JSONNode, _ decoder: inout JSONNodeDecoder) -> CostReport? {
        guard case .object(let members) = root.value else {
            decoder.fail("type", "expected an object, found \(root.value.kind.rawValue)", at: "", root.position)
            return nil
        }
        var total: Decimal?
        var parts: [CostPart] = []
        for member in members {
            switch (member.key, member.node.value) {
            case ("total_cost", _):
                total = cost(member.node, at: "total_cost", &decoder)
            case ("currency", .string(let currency)) where currency != "USD":
                decoder.fail(
                    "value", "the currency is \"\(currency)\"; gatecheck gates spend in USD only", at: "currency",
                    member.node.position)
            case ("currency", _):
                _ = decoder.string(member.node, at: "currency")
            case (_, .object):
                let path = member.key
                guard let fields = decoder.object(member.node, at: path, keys: scriptPartKeys) else { continue }
                // A script writing Python's None for an unknown cost means the same as leaving it out.
                let price = fields["cost"].flatMap { $0.value == .null ? nil : cost($0, at: path + ".cost", &decoder) }
                if let part = tokens(
                    fields, name: member.key, at: path, member.node.position, required: false, &decoder)
                {
                    parts.append(
                        CostPart(
                            name: part.name, inputTokens: part.inputTokens, outputTokens: part.outputTokens,
                            cachedInputTokens: part.cachedInputTokens, costUSD: price))
                }
            default:
                decoder.warn(
                    "unknown-key", "\"\(member.key)\" is neither total_cost nor a provider object",
                    at: member.key, member.keyPosition)
            }
        }
        if total == nil, parts.isEmpty {
            decoder.fail(
                "missing-key", "the cost report has neither total_cost nor any provider", at: "", root.position)
        }
        return CostReport(format: "cost script", statedTotal: total, parts: parts, costUSD: nil)
    }

    /// The token counts of a part: `input_tokens` (or the script's `tokens`, for embeddings), `output_tokens` and
    /// `cached_input_tokens`, the latter included in the input tokens.
    private static func tokens(
        _ fields: [String: JSONNode], name: String, at path: String, _ position: JSONPosition, required: Bool,
        _ decoder: inout JSONNodeDecoder
    ) -> CostPart? {
        func count(_ key: String) -> Int? {
            fields[key].flatMap { decoder.integer($0, at: path + "." + key, range: 0...tokenLimit) }
        }
        if fields["tokens"] != nil, fields["input_tokens"] != nil {
            decoder.fail("value", "give \"tokens\" or \"input_tokens\", not both", at: path, position)
            return nil
        }
        if required {
            for key in ["input_tokens", "output_tokens"] where fields[key] == nil {
                decoder.fail("missing-key", "the required key \"\(key)\" is missing", at: path + "." + key, position)
            }
        }
        let input = count("input_tokens") ?? count("tokens") ?? 0
        let cached = count("cached_input_tokens") ?? 0
        if cached > input {
            decoder.fail(
                "value",
                "cached_input_tokens (\(cached)) is more than input_tokens (\(input)); cached tokens are part "
                    + "of the input tokens", at: path + ".cached_input_tokens", position)
        }
        return CostPart(
            name: name, inputTokens: input, outputTokens: count("output_tokens") ?? 0, cachedInputTokens: cached,
            costUSD: nil)
    }

    private static func cost(_ node: JSONNode, at path: String, _ decoder: inout JSONNodeDecoder) -> Decimal? {
        guard let value = decoder.decimal(node, at: path) else { return nil }
        guard value >= 0 else {
            decoder.fail("value", "a cost is never negative", at: path, node.position)
            return nil
        }
        return value
    }

    /// Decides the gated spend from the stated total and the parts.
    private static func resolve(_ report: CostReport, _ decoder: inout JSONNodeDecoder) -> CostReport {
        var report = report
        let tolerance = Decimal(sign: .plus, exponent: -6, significand: 1)
        let priced = report.parts.compactMap(\.costUSD)
        let sum = priced.reduce(Decimal(0), +)
        let unpriced = report.parts.filter { $0.costUSD == nil }.map(\.name)
        let totalKey = report.format == schemaID ? "total_usd" : "total_cost"
        guard let total = report.statedTotal else {
            if unpriced.isEmpty {
                report.costUSD = sum
            } else {
                report.problem = "there is no \(totalKey) and \(unpriced.joined(separator: ", ")) has no cost"
            }
            return report
        }
        let difference = total > sum ? total - sum : sum - total
        if !report.parts.isEmpty, unpriced.isEmpty ? difference > tolerance : sum > total + tolerance {
            report.costUSD = max(total, sum)
            decoder.warn(
                "total-mismatch",
                "\(totalKey) is \(total) USD but the parts add up to \(sum) USD; gatecheck gates the "
                    + "larger, \(max(total, sum)) USD", at: totalKey, nil)
        } else {
            report.costUSD = total
        }
        return report
    }
}
