import Foundation
@_spi(Internals) import GateCheck

/// Small reports built in code, for engine and reporter tests.
enum Build {
    static let today = Day("2026-11-26")!

    static func coverage(_ path: String = "coverage.xml", covered: Int, of total: Int, file: String = "a.py")
        -> LoadedReport
    {
        var fileCoverage = FileCoverage()
        for line in 1...max(total, 1) where total > 0 {
            fileCoverage.lines.record(line: UInt32(line), hit: line <= covered)
        }
        let report = CoverageReport(files: total > 0 ? [file: fileCoverage] : [:])
        return LoadedReport(path: path, kind: .cobertura, content: .coverage(report))
    }

    /// A coverage report that states only root totals (no lines), for large exact counts.
    static func summaryCoverage(_ path: String = "coverage.xml", covered: Int, of total: Int) -> LoadedReport {
        var summary = CoverageSummary()
        summary.linesValid = total
        summary.linesCovered = covered
        return LoadedReport(path: path, kind: .cobertura, content: .coverage(CoverageReport(summary: summary)))
    }

    static func tests(
        _ path: String = "junit.xml", total: Int, failed: Int = 0, errors: Int = 0, skipped: Int = 0
    ) -> LoadedReport {
        var report = TestReport()
        report.total = total
        report.failed = failed
        report.errors = errors
        report.skipped = skipped
        report.passed = total - failed - errors - skipped
        for index in 0..<failed {
            report.failures.append(
                FailedTest(
                    state: .failed, className: "tests.test_x", name: "test_\(index)", message: "assert \(index) == 1"))
        }
        for index in 0..<errors {
            report.failures.append(
                FailedTest(state: .error, className: "tests.test_y", name: "test_e\(index)", message: "fixture failed"))
        }
        return LoadedReport(path: path, kind: .junit, content: .tests(report))
    }

    static func gate(
        _ id: String, _ metric: Metric, min: String? = nil, max: String? = nil, level: GateLevel = .error,
        required: Bool = true
    ) -> GateSpec {
        let bound: Bound =
            if let min { .min(Threshold(Decimal(string: min)!, written: min)) } else {
                .max(Threshold(Decimal(string: max ?? "0")!, written: max ?? "0"))
            }
        return GateSpec(id: id, metric: metric, bound: bound, level: level, required: required)
    }

    static func evaluate(_ reports: [LoadedReport], _ gates: [GateSpec], failed: [FailedReport] = []) -> Verdict {
        GateEngine.evaluate(
            ReportSet(reports: reports, failed: failed), configuration: Configuration(gates: gates), today: today)
    }
}
