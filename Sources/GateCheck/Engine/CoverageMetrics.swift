#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Coverage metrics of one (possibly merged) coverage report.
struct CoverageMetrics {
    let report: CoverageReport
    let totals: CoverageTotals

    init(report: CoverageReport) {
        self.report = report
        self.totals = report.totals
    }

    /// The value of a coverage metric, from the lines when there are any, else from the root attributes.
    func value(_ metric: Metric.Coverage) -> Measurement {
        let fromLines = totals.linesValid > 0
        let summary = report.summary
        let linesValid = fromLines ? totals.linesValid : summary.linesValid
        let linesCovered = fromLines ? totals.linesCovered : summary.linesCovered
        // Branches come from the lines, else from the root: for a report without lines, or one whose lines carry
        // none while its root describes those very lines (istanbul; the parser's `cobertura.branches-from-root`
        // note says so). A union has no root.
        let rootBranches = fromLines ? CoberturaChecks.rootBranches(report, totals: totals) : nil
        let branchesFromLines = fromLines && rootBranches == nil
        let hasBranches = branchesFromLines ? totals.branchesValid > 0 : (summary.branchesValid ?? 0) > 0
        let branchesValid = branchesFromLines ? totals.branchesValid : summary.branchesValid
        let branchesCovered = branchesFromLines ? totals.branchesCovered : summary.branchesCovered
        switch metric {
        case .diffLinesValid, .diffLinesCovered, .diffLinesMissed, .diffLineRate, .diffBranchRate:
            // Measured over a diff by DiffCoverage, never from a report alone.
            return .notMeasured("\(Metric.coverage(metric).name) needs a diff (--diff or --diff-base)")
        case .linesValid: return Self.count(linesValid)
        case .linesCovered: return Self.count(linesCovered)
        case .linesMissed:
            guard let valid = linesValid, let covered = linesCovered else { return Self.count(nil) }
            return Self.count(max(0, valid - covered))
        case .branchesValid: return Self.count(branchesValid)
        case .branchesCovered: return Self.count(branchesCovered)
        case .lineRate:
            if let valid = linesValid, let covered = linesCovered, valid > 0 {
                return Measurement(value: .ratio(numerator: min(covered, valid), denominator: valid))
            }
            if !fromLines, linesValid == nil, let rate = summary.lineRate {
                return Measurement(value: Self.decimal(rate))
            }
            return .notMeasured("the coverage report contains no executable lines (0 lines valid)")
        case .branchRate:
            guard hasBranches, let valid = branchesValid, let covered = branchesCovered else {
                return .notMeasured("branch coverage was not measured (the report has no branch data)")
            }
            return Measurement(value: .ratio(numerator: min(covered, valid), denominator: valid))
        case .combinedRate:
            guard let valid = linesValid, let covered = linesCovered else {
                return .notMeasured("the coverage report states no line counts")
            }
            let (total, totalOverflows) = valid.addingReportingOverflow(hasBranches ? branchesValid ?? 0 : 0)
            let (hit, hitOverflows) = covered.addingReportingOverflow(hasBranches ? branchesCovered ?? 0 : 0)
            guard !totalOverflows, !hitOverflows else {
                return .notMeasured("the report's line and branch counts are too large to add up exactly")
            }
            guard total > 0 else {
                return .notMeasured("the coverage report contains no executable lines or branches")
            }
            return Measurement(value: .ratio(numerator: min(hit, total), denominator: total))
        }
    }

    /// The files with the most missed branches, for a failing branch gate.
    func mostMissedBranches(limit: Int) -> [String] {
        Self.top(limit, of: report.files) { file in
            let totals = file.branchTotals
            return (totals.total - totals.covered, totals.total)
        }
        .map { "\($0.path): \($0.missed) of \($0.total) branch(es) not taken" }
    }

    /// The files with the most missed lines, for a failing line or combined coverage gate.
    func mostMissed(limit: Int) -> [String] {
        Self.top(limit, of: report.files) { ($0.lines.count - $0.lines.covered, $0.lines.count) }
            .map { entry in
                let file = report.files[entry.path]
                let lines = (file?.lines.missedLines(limit: 8) ?? []).map(String.init).joined(separator: ", ")
                let more = entry.missed > 8 ? ", …" : ""
                return "\(entry.path): \(entry.missed) line(s) missed (\(lines)\(more))"
            }
    }

    /// The `limit` files with the most missed items (ties by path), without copying every file.
    private static func top(
        _ limit: Int, of files: [String: FileCoverage], _ measure: (FileCoverage) -> (missed: Int, total: Int)
    ) -> [(path: String, missed: Int, total: Int)] {
        var best: [(path: String, missed: Int, total: Int)] = []
        for (path, file) in files {
            let (missed, total) = measure(file)
            guard missed > 0 else { continue }
            let entry = (path: path, missed: missed, total: total)
            let index = best.firstIndex { missed > $0.missed || (missed == $0.missed && path < $0.path) } ?? best.count
            if index < limit {
                best.insert(entry, at: index)
                if best.count > limit { best.removeLast() }
            }
        }
        return best
    }

    private static func count(_ value: Int?) -> Measurement {
        value.map { Measurement(value: .integer($0)) } ?? .notMeasured("the coverage report states no such count")
    }

    private static func decimal(_ value: Double) -> MetricValue {
        Decimal(string: String(value)).map(MetricValue.decimal) ?? .notMeasured
    }
}
