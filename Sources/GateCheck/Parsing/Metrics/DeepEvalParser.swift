#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What a DeepEval test run holds that gatecheck uses.
struct DeepEvalRun {
    /// Whether any test-run key was seen (`testCases`, `testRunData`, ...).
    var sawRun = false
    var dataset: String?
    var testCases = 0
    /// Per metric name as DeepEval writes it (`Contextual Recall`), in first-seen order.
    var order: [String] = []
    var tallies: [String: ScoreTally] = [:]
    /// `metricsScores`: per metric, how many scores and errors DeepEval itself counted, and the exact sum of its
    /// scores (`nil` when one is not a finite number).
    var stated: [String: (scored: Int, errors: Int, sum: Decimal?)] = [:]
    /// The metrics of `metricsScores`, in order.
    var statedOrder: [String] = []
    /// Whether each tally keeps every test case's score by name (a baseline is written or compared with).
    var keepsScores = false
}

/// Reads a DeepEval test run (formats.md §8): `.deepeval/.latest_test_run.json` (`{"testRunData": {...}}`) or a run
/// saved to `DEEPEVAL_RESULTS_FOLDER` (the run itself), from DeepEval's `testCases[].metricsData[]` (older versions:
/// `metricsMetadata[]` with `metric` for `name`) and conversational test cases with their turns.
///
/// Each metric is recomputed from the test cases: its value is the mean of the scores of the cases where it has a
/// score and no error; the others count as unscored. `metricsScores` is a cross-check (below). Metric names are
/// normalised (`Contextual Recall` → `contextual_recall`) and then mapped by gates.json `accuracy_mapping`.
///
/// `metricsScores` states the same figures again: counts that disagree with the test cases make the metric
/// unjudgeable, a mean that disagrees is judged by the worse of the two (docs/accuracy-report.md).
enum DeepEvalParser {
    /// The keys of a test run (top level, or inside `testRunData`) read.
    enum RunKey: String, JSONKeyEnum {
        case testRunData, testCases, conversationalTestCases, metricsScores, datasetAlias, identifier
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of a test case (or conversational test case) read.
    enum CaseKey: String, JSONKeyEnum {
        case name, metricsData, metricsMetadata, turns, testCases
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of a metric result read.
    enum MetricKey: String, JSONKeyEnum {
        case name, metric, score, error
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of an entry of `metricsScores` read.
    enum ScoresKey: String, JSONKeyEnum {
        case metric, scores, errors
        static let table = JSONKeyTable<Self>()
    }

    /// Reads the value of one known run key.
    static func read<Source: ByteSource>(
        _ key: RunKey, from reader: inout JSONReader<Source>, into run: inout DeepEvalRun, nested: Bool
    ) throws {
        run.sawRun = true
        switch key {
        case .testRunData where !nested:
            try reader.beginObject()
            while let inner = try reader.nextKey(RunKey.self) {
                switch inner {
                case .known(let inner): try read(inner, from: &reader, into: &run, nested: true)
                case .unknown: try reader.skipValue()
                }
            }
        case .testCases, .conversationalTestCases:
            try reader.forEachElement { reader in
                try readCase(&reader, into: &run, conversational: key == .conversationalTestCases)
            }
        case .metricsScores:
            try reader.forEachElement { reader in try readStatedScores(&reader, into: &run) }
        case .datasetAlias, .identifier:
            let name = try reader.readOptionalString()
            if key == .datasetAlias || run.dataset == nil { run.dataset = name ?? run.dataset }
        case .testRunData:
            try reader.skipValue()
        }
    }

    /// The report, once the whole run has been read.
    static func finish(_ run: DeepEvalRun, mapping: AccuracyMapping) throws(ReportError) -> ParsedMetricReport {
        guard !run.order.isEmpty else {
            throw .invalidValue(
                "the DeepEval test run has no metric results (no test case has metricsData), so nothing can be judged",
                at: nil, keyPath: nil)
        }
        var diagnostics: [Diagnostic] = []
        var metrics: [AccuracyMetric] = []
        // A metric only metricsScores names has results no test case holds: it is listed, and cannot be judged.
        for name in run.order + run.statedOrder.filter({ run.tallies[$0] == nil }) {
            let tally = run.tallies[name, default: ScoreTally()]
            var metric = tally.metric(named: name)
            if tally.entries == 0 { metric.problem = nil }
            let shown = "\"\(name)\""
            if let stated = run.stated[name] {
                check(&metric, against: stated, shown: shown, into: &diagnostics)
            }
            if metric.value == nil, metric.problem == nil { metric.problem = "no test case has a result for it" }
            metrics.append(metric)
            if let problem = metric.problem {
                diagnostics.append(warning("cannot-judge", "\(shown) cannot be judged: \(problem)"))
            } else if metric.unscored > 0 {
                diagnostics.append(
                    warning(
                        "unscored",
                        "\(metric.unscored) of the \(metric.samples) results of \(shown) have no score (an "
                            + "error, null or NaN); its value is the mean of the \(metric.samples - metric.unscored) scored"
                    ))
            }
        }
        let report = AccuracyReport(
            format: "DeepEval test run", dataset: run.dataset, datasetSize: nil, metrics: mapping.apply(to: metrics))
        return ParsedMetricReport(content: .accuracy(report), diagnostics: diagnostics)
    }

    // MARK: - Private

    /// Checks a metric recomputed from the test cases against `metricsScores`: other counts make it unjudgeable (a
    /// test case is missing or was added, so neither figure is the run's), another mean is kept beside it so that
    /// each gate judges the worse.
    private static func check(
        _ metric: inout AccuracyMetric, against stated: (scored: Int, errors: Int, sum: Decimal?), shown: String,
        into diagnostics: inout [Diagnostic]
    ) {
        let scored = metric.samples - metric.unscored
        if stated.scored != scored || stated.errors != metric.unscored {
            let problem =
                "metricsScores counts \(stated.scored) scores and \(stated.errors) errors but the test cases have "
                + "\(scored) and \(metric.unscored)"
            diagnostics.append(warning("count-mismatch", "\(shown) cannot be judged: \(problem)"))
            if metric.problem == nil { metric.problem = problem }
            metric.value = nil
            return
        }
        guard let mean = metric.value, let sum = stated.sum, scored > 0 else { return }
        let statedMean = sum / Decimal(scored)
        guard statedMean != mean else { return }
        metric.statedValue = statedMean
        diagnostics.append(
            warning(
                "value-mismatch",
                "the scores metricsScores lists for \(shown) average \(DecimalText.rounded(statedMean, digits: 6)) "
                    + "but the test cases' \(DecimalText.rounded(mean, digits: 6)); each gate judges the worse"))
    }

    private static func warning(_ code: String, _ message: String) -> Diagnostic {
        Diagnostic(.warning, code: "accuracy.\(code)", message: "DeepEval: " + message)
    }

    /// One test case (or conversational test case, whose turns are test cases too).
    private static func readCase<Source: ByteSource>(
        _ reader: inout JSONReader<Source>, into run: inout DeepEvalRun, conversational: Bool
    ) throws(JSONError) {
        guard try reader.peek() == .object else { return try reader.skipValue() }
        run.testCases += 1
        let index = run.testCases
        var name: String?
        var results: [(metric: String, score: JSONNumber?)] = []
        try reader.beginObject()
        while let key = try reader.nextKey(CaseKey.self) {
            switch key {
            case .known(.name): name = try reader.readOptionalString()
            case .known(.metricsData), .known(.metricsMetadata): try readResults(&reader, into: &results)
            case .known(.turns), .known(.testCases):
                guard conversational, try reader.peek() == .array else { try reader.skipValue(); continue }
                try reader.beginArray()
                while try reader.nextElement() { try readCase(&reader, into: &run, conversational: false) }
            case .unknown: try reader.skipValue()
            }
        }
        let id = name.flatMap { $0.isEmpty ? nil : $0 } ?? "test case \(index)"
        for result in results {
            if run.tallies[result.metric] == nil { run.order.append(result.metric) }
            run.tallies[result.metric, default: ScoreTally(keepsScores: run.keepsScores)].add(result.score, sample: id)
        }
    }

    /// `metricsData` (or the older `metricsMetadata`): a score counts only without an error.
    private static func readResults<Source: ByteSource>(
        _ reader: inout JSONReader<Source>, into results: inout [(metric: String, score: JSONNumber?)]
    ) throws(JSONError) {
        guard try reader.peek() == .array else { return try reader.skipValue() }
        try reader.beginArray()
        while try reader.nextElement() {
            guard try reader.peek() == .object else { try reader.skipValue(); continue }
            var metric: String?
            var score: JSONNumber?
            var failed = false
            try reader.beginObject()
            while let key = try reader.nextKey(MetricKey.self) {
                switch key {
                case .known(.name), .known(.metric): metric = try reader.readOptionalString() ?? metric
                case .known(.score): score = try reader.readNullableNumber()
                case .known(.error):
                    failed = !(try reader.readMessage().isEmpty)
                case .unknown: try reader.skipValue()
                }
            }
            guard let metric, !metric.isEmpty else { continue }
            results.append((metric, failed ? nil : score))
        }
    }

    private static func readStatedScores<Source: ByteSource>(
        _ reader: inout JSONReader<Source>, into run: inout DeepEvalRun
    ) throws(JSONError) {
        guard try reader.peek() == .object else { return try reader.skipValue() }
        var metric: String?
        var scored = 0
        var errors = 0
        var sum: Decimal? = 0
        try reader.beginObject()
        while let key = try reader.nextKey(ScoresKey.self) {
            switch key {
            case .known(.metric): metric = try reader.readOptionalString()
            case .known(.scores):
                guard try reader.peek() == .array else { try reader.skipValue(); continue }
                try reader.beginArray()
                while try reader.nextElement() {
                    scored += 1
                    let number = try reader.peek() == .number ? try reader.readNumber() : nil
                    if let number, !number.isNonFinite, let score = Decimal(string: number.text) {
                        sum? += score
                    } else {
                        sum = nil
                    }
                }
            case .known(.errors): errors = Int(try reader.readInt64())
            case .unknown: try reader.skipValue()
            }
        }
        if let metric {
            if run.stated[metric] == nil { run.statedOrder.append(metric) }
            run.stated[metric] = (scored, errors, sum)
        }
    }
}
