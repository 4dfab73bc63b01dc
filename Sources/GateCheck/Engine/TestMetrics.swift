#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Test metrics of one (possibly summed) test report.
enum TestMetrics {
    static func value(_ metric: Metric.Tests, of report: TestReport) -> Measurement {
        switch metric {
        case .total: return Measurement(value: .integer(report.total))
        case .durationSeconds:
            guard report.invalidTimes == 0 else {
                return .notMeasured(
                    "\(report.invalidTimes) time attribute(s) are not durations (negative, NaN or not a number), so "
                        + "the total duration is unknown")
            }
            return Measurement(
                value: Decimal(string: String(report.durationSeconds)).map(MetricValue.decimal) ?? .notMeasured)
        case .passed, .failed, .errors, .skipped, .flaky:
            // "No test failed" is not a pass when nothing ran: a zero denominator cannot be judged.
            guard report.total > 0 else {
                return .notMeasured("the test report contains no tests, so it shows nothing about failures")
            }
            let count: Int
            switch metric {
            case .passed: count = report.passed
            case .failed: count = report.failed
            case .errors: count = report.errors
            case .skipped: count = report.skipped
            default: count = report.flaky
            }
            var measurement = Measurement(value: .integer(count))
            if metric == .failed || metric == .errors {
                let state: TestState = metric == .failed ? .failed : .error
                measurement.failedTests = report.failures.filter { $0.state == state }
                measurement.details = measurement.failedTests.prefix(10).map { test in
                    let firstLine = test.message.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
                    return firstLine.isEmpty ? test.displayName : "\(test.displayName): \(firstLine)"
                }
                let shown = measurement.details.count
                if count > shown { measurement.details.append("… and \(count - shown) more") }
            }
            if metric == .flaky {
                measurement.details = Array(report.flakyTests.prefix(10))
            }
            return measurement
        }
    }
}
