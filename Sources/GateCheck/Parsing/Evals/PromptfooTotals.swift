/// What a promptfoo results file holds that gatecheck uses, tallied row by row as it streams: memory follows the
/// number of named scores, never the number of rows.
struct PromptfooTotals {
    /// `results.stats`: the counts promptfoo itself wrote.
    struct Stated {
        var successes: Int?
        var failures: Int?
        /// Absent before promptfoo counted errors apart (their rows were among the failures).
        var errors: Int?
    }

    var sawResults = false
    var sawRows = false
    var dataset: String?
    var rows = 0
    var passes = 0
    var errored = 0
    var stated: Stated?
    /// 1 for a passed row, 0 for a failed or errored one.
    var passTally = ScoreTally()
    /// Per named score, in first-seen order.
    var order: [String] = []
    var named: [String: ScoreTally] = [:]

    /// Counts one row.
    mutating func add(_ row: PromptfooRow, at position: JSONPosition) throws {
        rows += 1
        let id = row.name(index: rows)
        let errored = row.isErrored
        let passed = row.success == true && !errored
        if passed { passes += 1 }
        if errored { self.errored += 1 }
        _ = passTally.add(text: passed ? "1" : "0", sample: id)
        for (name, score) in row.scores {
            if named[name] == nil {
                guard order.count < PromptfooParser.maxNamedScores else {
                    throw ReportError.invalid(
                        "more than \(PromptfooParser.maxNamedScores) different named scores", at: position,
                        keyPath: "results.results[\(rows - 1)].namedScores")
                }
                order.append(name)
            }
            if errored {
                named[name, default: ScoreTally()].addUnscored()
            } else {
                named[name, default: ScoreTally()].add(score, sample: id)
            }
        }
    }

    /// The report, once the whole file has been read.
    static func finish(_ run: PromptfooTotals, mapping: AccuracyMapping) throws(ReportError) -> ParsedMetricReport {
        guard run.sawRows else {
            throw .invalidValue(
                "the promptfoo results file has no `results.results` rows, so nothing can be judged", at: nil,
                keyPath: "results.results")
        }
        guard run.rows > 0 else {
            throw .invalidValue(
                "`results.results` is empty: the evaluation ran no test, so nothing can be judged", at: nil,
                keyPath: "results.results")
        }
        var diagnostics: [Diagnostic] = []
        var passRate = run.passTally.metric(named: PromptfooParser.passRate)
        if run.errored == run.rows {
            passRate.value = nil
            passRate.problem = "every one of its \(run.rows) results errored (no test was graded)"
        } else if run.errored > 0 {
            diagnostics.append(
                warning(
                    "errors",
                    "\(run.errored) of the \(run.rows) results errored (the provider or the evaluation failed); "
                        + "they count as not passed in pass_rate and as unscored in the named scores"))
        }
        var metrics = [passRate]
        for name in run.order {
            metrics.append(run.named[name, default: ScoreTally()].metric(named: name))
        }
        if let mismatch = run.contradiction {
            diagnostics.append(warning("count-mismatch", "the results cannot be judged: \(mismatch)"))
            for index in metrics.indices {
                metrics[index].value = nil
                metrics[index].statedValue = nil
                metrics[index].problem = mismatch
            }
        }
        for metric in metrics {
            if let problem = metric.problem {
                diagnostics.append(warning("cannot-judge", "\"\(metric.sourceName)\" cannot be judged: \(problem)"))
            } else if metric.unscored > 0, metric.sourceName != PromptfooParser.passRate {
                diagnostics.append(
                    warning(
                        "unscored",
                        "\(metric.unscored) of the \(metric.samples) results with \"\(metric.sourceName)\" have no "
                            + "score (an error, null or NaN); its value is the mean of the "
                            + "\(metric.samples - metric.unscored) scored"))
            }
        }
        let report = AccuracyReport(
            format: "promptfoo results", dataset: run.dataset, datasetSize: nil, metrics: mapping.apply(to: metrics))
        return ParsedMetricReport(content: .accuracy(report), diagnostics: diagnostics)
    }

    // MARK: - Private

    /// Why `stats` contradicts the rows, if it does: a row is missing or was added, so no figure is the run's.
    private var contradiction: String? {
        guard let stated else { return nil }
        let failed = rows - passes - errored
        // Before promptfoo counted errors apart, an errored row was a failure.
        let statedFailures = stated.errors == nil ? failed + errored : failed
        let agree =
            (stated.successes.map { $0 == passes } ?? true) && (stated.failures.map { $0 == statedFailures } ?? true)
            && (stated.errors.map { $0 == errored } ?? true)
        guard !agree else { return nil }
        func shown(_ count: Int?) -> String { count.map(String.init) ?? "-" }
        return "`results.stats` counts \(shown(stated.successes)) successes, \(shown(stated.failures)) failures and "
            + "\(shown(stated.errors)) errors but the \(rows) results hold \(passes), \(failed) and \(errored)"
    }

    private static func warning(_ code: String, _ message: String) -> Diagnostic {
        Diagnostic(.warning, code: "accuracy.\(code)", message: "promptfoo: " + message)
    }
}
