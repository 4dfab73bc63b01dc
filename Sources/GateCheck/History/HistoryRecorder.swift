#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Turns a run's reports into one history line: every metric the reports carry, measured over the whole run as a
/// gate without a selection measures it (coverage merged, tests and findings summed, the worst accuracy, latency
/// and image).
///
/// Pure: the caller reads the reports (through the checker, with the configuration's waivers and limits) and the
/// clock, and appends the line itself.
///
/// ```swift
/// switch HistoryRecorder.line(collection, checker: checker, time: now, labels: ["provider": "anthropic"]) {
/// case .success(let line): append(line.encoded)
/// case .failure(let refusal): print(refusal.problems)   // exit 2
/// }
/// ```
@_spi(Internals) public enum HistoryRecorder {
    /// Why a run is not recorded: its reports could not all be read, or they measure nothing.
    public struct Refusal: Error, Sendable, Hashable {
        /// The errors, each naming its file.
        public var problems: [Diagnostic]
    }

    /// The line for a run, or why it must not be recorded (a history of unread runs would compare with nothing
    /// real).
    public static func line(
        _ collection: ReportCollection, checker: GateChecker, time: Timestamp, labels: [String: String]
    ) -> Result<HistoryLine, Refusal> {
        var accuracyNames: Set<String> = []
        for report in collection.loaded {
            if case .accuracy(let accuracy) = report.content { accuracyNames.formUnion(accuracy.metrics.keys) }
        }
        // A run's own figures only: change metrics need a baseline and diff metrics a diff, neither of which a
        // history line describes.
        let metrics =
            Metric.fixed.filter { !$0.isChange && !$0.isDiffCoverage } + accuracyNames.sorted().map(Metric.accuracy)
        var configuration = checker.configuration
        configuration.gates = metrics.map { metric in
            GateSpec(id: metric.name, metric: metric, bound: worstSide(metric), required: false)
        }
        var measuring = GateChecker(
            configuration: configuration, today: checker.today, configurationName: checker.configurationName)
        measuring.history = nil
        let verdict = measuring.verdict(collection)
        let problems = verdict.diagnostics.filter { $0.severity == .error && $0.code != "verdict.nothing-judged" }
        guard problems.isEmpty else { return .failure(Refusal(problems: problems)) }
        var values: [String: MetricValue] = [:]
        for gate in verdict.gates where gate.status != .skipped && gate.status != .error {
            if let actual = gate.actual, actual != .notMeasured { values[gate.metric.name] = actual }
        }
        guard !values.isEmpty else {
            return .failure(
                Refusal(problems: [
                    Diagnostic(
                        .error, code: "history.nothing-measured",
                        message: "no report among the inputs measures any metric, so there is nothing to record; "
                            + "check that the steps writing the reports ran")
                ]))
        }
        return .success(HistoryLine(time: time, labels: labels, metrics: values))
    }

    /// The side whose worst unit a gate reports: the lowest accuracy and request count, the highest of everything
    /// else (latency, image size); merged metrics (coverage, tests, findings, cost) do not depend on it.
    private static func worstSide(_ metric: Metric) -> Bound {
        if case .accuracy = metric { return .min(Threshold(0)) }
        if case .latency(.requests) = metric { return .min(Threshold(0)) }
        return .max(Threshold(0))
    }
}
