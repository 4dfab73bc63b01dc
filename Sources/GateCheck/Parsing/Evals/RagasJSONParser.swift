/// Reads a ragas result exported as JSON records, streaming: `to_pandas().to_json(path, orient="records")` (NaN
/// written as `null`) or `json.dump(result.scores, f)` (NaN written bare, as Python does).
///
/// Each element is one evaluated sample; a key that is not one of ragas's sample fields is a metric, whose value
/// must be a number, `null` or NaN (unscored). pandas' default `to_json()` (`orient="columns"`: one object per
/// column) is refused with the fix, since its rows can only be rebuilt by keeping the whole file.
enum RagasJSONParser {
    /// Parses one export.
    ///
    /// - Throws: ``ReportError`` when the JSON is not well-formed or cut short, is not an array of records, or a
    ///   metric value is not a number.
    static func parse<Source: ByteSource>(_ source: Source, options: ReadOptions) throws(ReportError)
        -> ParsedMetricReport
    {
        let totals = try MetricReportInput.stream(source, kind: .ragas, limits: options.limits) { reader in
            try read(&reader)
        }
        return try totals.finish(mapping: options.accuracyMapping)
    }

    // MARK: - Private

    private static func read(_ reader: inout JSONReader<JSONReportInput>) throws -> RagasTotals {
        switch try reader.peek() {
        case .array: break
        case .object:
            var seen = SeenKeys()
            var byColumns = false
            try reader.beginObject()
            while try reader.nextKey(in: JSONKeySet.noKeys) != nil {
                seen.record(reader)
                byColumns = byColumns || reader.lastKey == "user_input"
                try reader.skipValue()
            }
            guard byColumns else { throw ReportError.wrongKind(expected: .ragas, found: seen.description) }
            throw ReportError.invalidValue(
                "this is pandas' `to_json()` by columns (an object per column); write the ragas result as records, "
                    + "`result.to_pandas().to_json(path, orient=\"records\")`, or as CSV, `to_csv(path)`", at: nil,
                keyPath: nil)
        default:
            throw ReportError.wrongKind(expected: .ragas, found: try reader.peek().asTopLevel)
        }
        var totals = RagasTotals(format: "ragas JSON records")
        try reader.beginArray()
        while try reader.nextElement() {
            let position = reader.position
            guard try reader.peek() == .object else {
                throw ReportError.invalid(
                    "row \(totals.rows + 1) is a \(try reader.peek().rawValue), not an object", at: position,
                    keyPath: "[\(totals.rows)]")
            }
            totals.rows += 1
            var userInput: String?
            var scores: [(String, JSONNumber?, JSONPosition)] = []
            try reader.beginObject()
            while try reader.nextKey(in: JSONKeySet.noKeys) != nil {
                let key = reader.lastKey
                let valuePosition = reader.position
                if key == "user_input", try reader.peek() == .string {
                    let (text, truncated) = try reader.readStringPrefix(maxBytes: PromptfooRow.nameLimit)
                    userInput = truncated ? text + "…" : text
                } else if !RagasTotals.isMetric(key) {
                    try reader.skipValue()
                } else {
                    let kind = try reader.peek()
                    guard kind == .number || kind == .null else {
                        throw ReportError.invalid(
                            "the score \"\(key)\" of row \(totals.rows) is a \(kind.rawValue), not a number",
                            at: valuePosition, keyPath: "[\(totals.rows - 1)].\(key)")
                    }
                    guard !scores.contains(where: { $0.0 == key }) else {
                        throw ReportError.invalid(
                            "the score \"\(key)\" is written twice in row \(totals.rows)", at: valuePosition,
                            keyPath: "[\(totals.rows - 1)].\(key)")
                    }
                    scores.append((key, try reader.readNullableNumber(), valuePosition))
                }
            }
            let id = totals.name(userInput: userInput)
            for (name, score, scorePosition) in scores {
                guard totals.declare(name) else {
                    throw ReportError.invalid(
                        "more than \(RagasTotals.maxMetrics) metric columns", at: scorePosition,
                        keyPath: "[\(totals.rows - 1)].\(name)")
                }
                totals.tallies[name]?.add(score, sample: id)
            }
        }
        return totals
    }
}
