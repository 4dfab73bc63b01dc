/// The scores of a ragas result export (`EvaluationResult.to_pandas()` written as CSV or as JSON records), tallied
/// row by row: one ``ScoreTally`` per metric column, so memory follows the number of columns, never of rows.
///
/// A column is a metric unless it is one of ragas's sample fields (``sampleFields``): the export holds the
/// evaluation dataset's columns, then one column per metric. Rows are named by `user_input` (ragas 0.1: `question`).
struct RagasTotals {
    /// The fields of ragas's `SingleTurnSample` and `MultiTurnSample` (ragas 0.2 to 0.4) and ragas 0.1's dataset
    /// columns: the dataset, not scores.
    static let sampleFields: Set<String> = [
        "user_input", "retrieved_contexts", "reference_contexts", "retrieved_context_ids", "reference_context_ids",
        "response", "multi_responses", "reference", "rubrics", "persona_name", "query_style", "query_length",
        "reference_tool_calls", "reference_topics", "synthesizer_name",
        // ragas 0.1's dataset columns (`ground_truths`, a list, in ragas 0.0).
        "question", "contexts", "answer", "ground_truth", "ground_truths",
    ]
    /// How many metric columns an export may have: beyond it a hostile file would grow memory.
    static let maxMetrics = 1000

    let format: String
    var rows = 0
    /// The metric columns in the order written.
    var order: [String] = []
    var tallies: [String: ScoreTally] = [:]

    init(format: String) {
        self.format = format
    }

    /// Whether a column holds scores.
    static func isMetric(_ column: String) -> Bool { !column.isEmpty && !sampleFields.contains(column) }

    /// Starts tallying a metric column (in the order first seen); `false` when there are already too many.
    mutating func declare(_ metric: String) -> Bool {
        guard tallies[metric] == nil else { return true }
        guard order.count < Self.maxMetrics else { return false }
        order.append(metric)
        tallies[metric] = ScoreTally()
        return true
    }

    /// A row's name in a gate's note: its `user_input`, else its 1-based number.
    func name(userInput: String?) -> String {
        guard let userInput, !userInput.isEmpty else { return "row \(rows)" }
        return userInput
    }

    /// The report, once every row has been read.
    func finish(mapping: AccuracyMapping) throws(ReportError) -> ParsedMetricReport {
        guard rows > 0 else {
            throw .invalidValue(
                "the ragas export has no rows: the evaluation scored no sample, so nothing can be judged", at: nil,
                keyPath: nil)
        }
        guard !order.isEmpty else {
            throw .invalidValue(
                "the ragas export has no metric column (only the dataset's columns), so nothing can be judged; "
                    + "export `evaluate(...).to_pandas()`, which adds one column per metric", at: nil, keyPath: nil)
        }
        var diagnostics: [Diagnostic] = []
        var metrics: [AccuracyMetric] = []
        for name in order {
            let metric = tallies[name, default: ScoreTally()].metric(named: name)
            if let problem = metric.problem {
                diagnostics.append(warning("cannot-judge", "\"\(name)\" cannot be judged: \(problem)"))
            } else if metric.unscored > 0 {
                diagnostics.append(
                    warning(
                        "unscored",
                        "\(metric.unscored) of the \(metric.samples) rows have no \"\(name)\" score (NaN: the metric "
                            + "failed on them); its value is the mean of the \(metric.samples - metric.unscored) scored"
                    ))
            }
            metrics.append(metric)
        }
        let report = AccuracyReport(
            format: format, dataset: nil, datasetSize: rows, metrics: mapping.apply(to: metrics))
        return ParsedMetricReport(content: .accuracy(report), diagnostics: diagnostics)
    }

    private func warning(_ code: String, _ message: String) -> Diagnostic {
        Diagnostic(.warning, code: "accuracy.\(code)", message: "ragas: " + message)
    }
}
