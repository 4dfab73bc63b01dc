/// Reads promptfoo's results file (`promptfoo eval -o results.json`) into an ``AccuracyReport``, streaming.
///
/// docs/accuracy-report.md "promptfoo" gives the mapping. It reads `results.results[]` rows, `results.stats` as a cross-check, `config.description` as the
/// dataset name. Every version since the results object (`results.version` 2, 3 and later, with or without `evalId`)
/// is read the same way.
///
/// Metrics: `pass_rate`, the share of rows with `success` true (an errored row is not a pass; a report where every
/// row errored cannot be judged), and each named score (`namedScores`) as the mean over the rows that have it.
/// Names are then mapped by gates.json `accuracy_mapping`. `stats` counts that disagree with the rows make every
/// metric unjudgeable: the rows are not the whole evaluation.
enum PromptfooParser {
    /// The top-level keys read.
    enum TopKey: String, JSONKeyEnum {
        case results, config
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of the `results` object read.
    enum ResultsKey: String, JSONKeyEnum {
        case results, stats
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of `results.stats` read.
    enum StatsKey: String, JSONKeyEnum {
        case successes, failures, errors
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of `config` read.
    enum ConfigKey: String, JSONKeyEnum {
        case description
        static let table = JSONKeyTable<Self>()
    }

    /// The name of the pass-rate metric, before `accuracy_mapping`.
    static let passRate = "pass_rate"
    /// How many different named scores a file may carry: beyond it a hostile file would grow memory.
    static let maxNamedScores = 1000

    /// Parses one results file.
    ///
    /// - Throws: ``ReportError`` when the JSON is not well-formed, is not a promptfoo results file, has no rows, a
    ///   row without `success`, a value of the wrong type, or more than ``maxNamedScores`` named scores.
    static func parse<Source: ByteSource>(_ source: Source, options: ReadOptions) throws(ReportError)
        -> ParsedMetricReport
    {
        let run = try MetricReportInput.stream(source, kind: .promptfoo, limits: options.limits) { reader in
            try read(&reader)
        }
        return try PromptfooTotals.finish(run, mapping: options.accuracyMapping)
    }

    // MARK: - Private

    private static func read(_ reader: inout JSONReader<JSONReportInput>) throws -> PromptfooTotals {
        guard try reader.peek() == .object else {
            throw ReportError.wrongKind(expected: .promptfoo, found: try reader.peek().asTopLevel)
        }
        var run = PromptfooTotals()
        var seen = SeenKeys()
        try reader.beginObject()
        while let key = try reader.nextKey(TopKey.self) {
            seen.record(reader)
            switch key {
            case .known(.results) where try reader.peek() == .object:
                run.sawResults = true
                try reader.beginObject()
                while let inner = try reader.nextKey(ResultsKey.self) {
                    switch inner {
                    case .known(.results): try readRows(&reader, into: &run)
                    case .known(.stats): run.stated = try readStats(&reader)
                    case .unknown: try reader.skipValue()
                    }
                }
            case .known(.config) where try reader.peek() == .object:
                try reader.beginObject()
                while let inner = try reader.nextKey(ConfigKey.self) {
                    if inner == .known(.description), try reader.peek() == .string {
                        run.dataset = try reader.readStringPrefix(maxBytes: PromptfooRow.nameLimit).0
                    } else {
                        try reader.skipValue()
                    }
                }
            default: try reader.skipValue()
            }
        }
        guard run.sawResults else {
            throw ReportError.wrongKind(
                expected: .promptfoo,
                found: seen.description + " but no `results` object (write `promptfoo eval -o "
                    + "results.json`)")
        }
        return run
    }

    private static func readRows(_ reader: inout JSONReader<JSONReportInput>, into run: inout PromptfooTotals) throws {
        let position = reader.position
        guard try reader.peek() == .array else {
            throw ReportError.invalid(
                "`results.results` is a \(try reader.peek().rawValue), not the array of rows", at: position,
                keyPath: "results.results")
        }
        run.sawRows = true
        try reader.beginArray()
        while try reader.nextElement() {
            let position = reader.position
            let index = run.rows + 1
            guard try reader.peek() == .object else {
                throw ReportError.invalid(
                    "result \(index) is a \(try reader.peek().rawValue), not an object", at: position,
                    keyPath: "results.results[\(index - 1)]")
            }
            let row = try PromptfooRow.read(&reader)
            guard row.success != nil else {
                throw ReportError.invalid(
                    "result \(index) has no `success`, so whether it passed is unknown", at: position,
                    keyPath: "results.results[\(index - 1)].success")
            }
            try run.add(row, at: position)
        }
    }

    private static func readStats(_ reader: inout JSONReader<JSONReportInput>) throws -> PromptfooTotals.Stated? {
        guard try reader.peek() == .object else {
            try reader.skipValue()
            return nil
        }
        var stated = PromptfooTotals.Stated()
        try reader.beginObject()
        while let key = try reader.nextKey(StatsKey.self) {
            guard key != .unknown else {
                try reader.skipValue()
                continue
            }
            let position = reader.position
            let value = try reader.readInt64()
            guard value >= 0 else {
                throw ReportError.invalid(
                    "a count of \(value) results", at: position, keyPath: "results.stats.\(reader.lastKey)")
            }
            switch key {
            case .known(.successes): stated.successes = Int(value)
            case .known(.failures): stated.failures = Int(value)
            case .known(.errors): stated.errors = Int(value)
            case .unknown: break
            }
        }
        return stated
    }
}
