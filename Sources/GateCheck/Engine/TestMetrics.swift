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
            // Nor when every test was skipped: a skip condition that hid the whole suite (a missing service or
            // variable) shows nothing about failures either.
            if metric == .failed || metric == .errors, report.skipped >= report.total {
                return .notMeasured(
                    "all \(report.total) test(s) in the reports were skipped, so they show nothing about failures; "
                        + "find out why no test ran (a skip condition on a missing service or variable)")
            }
            let count: Int
            switch metric {
            case .passed: count = report.passed
            case .failed: count = report.failed.saturatingAdd(report.statedFailuresUnseen)
            case .errors: count = report.errors.saturatingAdd(report.statedErrorsUnseen)
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
                let unseen = metric == .failed ? report.statedFailuresUnseen : report.statedErrorsUnseen
                let shown = measurement.details.count
                if count - unseen > shown { measurement.details.append("… and \(count - unseen - shown) more") }
                if unseen > 0 {
                    measurement.details.append(
                        "\(unseen) more that the report's suite attributes state but no testcase shows (counted: "
                            + "contradicting figures are judged on the worse)")
                }
            }
            if metric == .flaky {
                measurement.details = Array(report.flakyTests.prefix(10))
            }
            return measurement
        }
    }
}
