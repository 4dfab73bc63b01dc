/// A metric's value for one gate, with what explains it.
struct Measurement: Sendable {
    var value: MetricValue
    /// Why the value is `notMeasured` (a zero denominator, no branch data); the gate cannot be judged.
    var notMeasuredReason: String?
    /// The value as the message shows it, when it needs more than the number (a unit, the image it belongs to).
    var shownValue: String?
    /// Lines that explain a failure: files with missed lines, failing tests, findings.
    var details: [String] = []
    var failedTests: [FailedTest] = []
    var findings: [Finding] = []
    /// Waived findings the gate would otherwise count.
    var waived: [Finding] = []
    /// Details worth computing only when the gate fails (the files with the most missed lines).
    var explainFailure: (@Sendable () -> [String])?
    /// Changed lines no test executed (diff coverage), for annotations when the gate fails.
    var uncoveredLines: (@Sendable () -> [UncoveredLines])?

    static func notMeasured(_ reason: String) -> Measurement {
        Measurement(value: .notMeasured, notMeasuredReason: reason)
    }
}

/// Every metric one report carries, for the verdict's `reports[].metrics`.
enum ReportMetrics {
    static func values(of content: ReportContent) -> [Metric: MetricValue] {
        switch content {
        case .coverage(let report):
            let measured = CoverageMetrics(report: report)
            return Dictionary(
                uniqueKeysWithValues: Metric.Coverage.allCases.filter { !$0.isDiff }.map {
                    (Metric.coverage($0), measured.value($0).value)
                })
        case .tests(let report):
            return Dictionary(
                uniqueKeysWithValues: Metric.Tests.allCases.map {
                    (Metric.tests($0), TestMetrics.value($0, of: report).value)
                })
        case .findings(let report):
            return Dictionary(
                uniqueKeysWithValues: Metric.Findings.allCases.map {
                    (Metric.findings($0), FindingMetrics.value($0, of: [report], selector: .init()).value)
                })
        case .accuracy(let report): return AccuracyMetrics.values(of: report)
        case .image(let report): return ImageMetrics.values(of: report)
        case .llmCost(let report): return CostMetrics.values(of: report)
        case .latency(let report): return LatencyMetrics.values(of: report)
        }
    }
}
