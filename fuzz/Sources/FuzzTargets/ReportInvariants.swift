@_spi(Internals) import GateCheck

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What every successfully read report promises, whatever the input: counts never negative, parts never more than
/// their whole, kept lists within their limits, the content of the kind that was asked for.
enum ReportInvariants {
    static func check(_ result: Result<LoadedReport, ReportError>, kind: ReportKind, path: String) throws(FuzzFailure) {
        let report: LoadedReport
        switch result {
        case .failure(let error):
            try expect(!error.description.isEmpty, "a \(kind.rawValue) error has no message: \(error.code)")
            return
        case .success(let loaded):
            report = loaded
        }
        try expect(report.kind == kind, "read as \(kind.rawValue) but loaded as \(report.kind.rawValue)")
        try expect(report.path == path, "the path '\(report.path)' is not the one given, '\(path)'")
        for diagnostic in report.diagnostics {
            try expect(diagnostic.file == path, "a diagnostic names '\(diagnostic.file ?? "nil")', not '\(path)'")
        }
        switch report.content {
        case .coverage(let coverage):
            try expect(kind.producesCoverage, "\(kind.rawValue) produced coverage")
            try check(coverage)
        case .tests(let tests):
            try expect(kind.producesTests, "\(kind.rawValue) produced tests")
            try check(tests)
        case .findings(let findings):
            try expect(kind.producesFindings, "\(kind.rawValue) produced findings")
            try check(findings)
        case .accuracy(let accuracy):
            try expect(Metric.accuracy("x").kinds.contains(kind), "\(kind.rawValue) produced accuracy")
            try check(accuracy)
        case .image(let image):
            try expect(kind == .image, "\(kind.rawValue) produced image sizes")
            for size in image.images {
                // A negative size is kept with a problem, which makes the image gates unable to judge it.
                try expect(
                    ((size.bytes ?? 0) >= 0 || size.problem != nil) && size.tolerance >= 0,
                    "\(size.name): \(size.bytes ?? 0) ± \(size.tolerance)")
                try expect(size.bytes != nil || size.problem != nil, "\(size.name) has neither a size nor a problem")
            }
        case .llmCost(let cost):
            try expect(kind == .llmCost, "\(kind.rawValue) produced a cost")
            try expect(
                (cost.costUSD ?? 0) >= 0 && (cost.statedTotal ?? 0) >= 0, "cost \(String(describing: cost.costUSD))")
            try expect(cost.costUSD != nil || cost.problem != nil, "a cost report with neither a cost nor a problem")
            for part in cost.parts {
                try expect(
                    part.inputTokens >= 0 && part.outputTokens >= 0 && part.cachedInputTokens >= 0
                        && (part.costUSD ?? 0) >= 0,
                    "part \(part.name): \(part)")
            }
            try expect(cost.inputTokens >= 0 && cost.outputTokens >= 0, "token totals")
        case .latency(let latency):
            try expect(kind.producesLatency, "\(kind.rawValue) produced latency")
            try LatencyInvariants.check(latency, kind: kind)
        }
    }

    static func check(_ accuracy: AccuracyReport) throws(FuzzFailure) {
        try expect((accuracy.datasetSize ?? 0) >= 0, "dataset size \(accuracy.datasetSize ?? 0)")
        for (name, metric) in accuracy.metrics {
            if let value = metric.value { try expect((0...1).contains(value), "\(name) is \(value)") }
            try expect(metric.value != nil || metric.problem != nil, "\(name) has neither a value nor a problem")
            try expect(
                metric.samples >= 0 && (0...metric.samples).contains(metric.unscored),
                "\(name): \(metric.unscored) unscored of \(metric.samples)")
            try expect(
                metric.lowestSamples.count <= AccuracyMetric.sampleLimit
                    && metric.highestSamples.count <= AccuracyMetric.sampleLimit,
                "\(name) keeps \(metric.lowestSamples.count) + \(metric.highestSamples.count) samples")
        }
    }

    static func check(_ coverage: CoverageReport) throws(FuzzFailure) {
        let totals = coverage.totals
        try expect(
            totals.linesValid >= 0 && (0...totals.linesValid).contains(totals.linesCovered),
            "line totals \(totals.linesCovered)/\(totals.linesValid)")
        try expect(
            totals.branchesValid >= 0 && (0...totals.branchesValid).contains(totals.branchesCovered),
            "branch totals \(totals.branchesCovered)/\(totals.branchesValid)")
        for (path, file) in coverage.files {
            try expect(
                file.lines.count >= 0 && (0...file.lines.count).contains(file.lines.covered),
                "\(path): lines \(file.lines.covered)/\(file.lines.count)")
            let branches = file.branchTotals
            try expect(
                branches.total >= 0 && (0...branches.total).contains(branches.covered),
                "\(path): branches \(branches.covered)/\(branches.total)")
        }
        let summary = coverage.summary
        for (name, value) in [
            ("lines-valid", summary.linesValid), ("lines-covered", summary.linesCovered),
            ("branches-valid", summary.branchesValid), ("branches-covered", summary.branchesCovered),
        ] {
            try expect((value ?? 0) >= 0, "the root's \(name) is \(value ?? 0)")
        }
        for (covered, valid) in [
            (summary.linesCovered, summary.linesValid), (summary.branchesCovered, summary.branchesValid),
        ] {
            if let covered, let valid { try expect(covered <= valid, "the root states \(covered) covered of \(valid)") }
        }
        for (name, rate) in [("line-rate", summary.lineRate), ("branch-rate", summary.branchRate)] {
            if let rate { try expect(rate.isFinite && (0...1).contains(rate), "the root's \(name) is \(rate)") }
        }
    }

    static func check(_ tests: TestReport) throws(FuzzFailure) {
        let counts = [tests.total, tests.passed, tests.failed, tests.errors, tests.skipped, tests.flaky]
        try expect(counts.allSatisfy { $0 >= 0 }, "negative test counts \(counts)")
        try expect(
            tests.total == tests.passed + tests.failed + tests.errors + tests.skipped,
            "total \(tests.total) is not passed + failed + errors + skipped (\(counts))")
        try expect(tests.flaky <= tests.passed, "\(tests.flaky) flaky of \(tests.passed) passed")
        // Durations may add up to infinity (time="1e308" twice): the duration metric is then not measured.
        try expect(
            !tests.durationSeconds.isNaN && tests.durationSeconds >= 0, "duration \(tests.durationSeconds)")
        try expect(tests.failures.count <= TestReport.failureLimit, "\(tests.failures.count) failures kept")
        try expect(tests.flakyTests.count <= TestReport.failureLimit, "\(tests.flakyTests.count) flaky names kept")
        try expect(tests.failuresOmitted >= 0, "failuresOmitted \(tests.failuresOmitted)")
        try expect(
            tests.failures.count + tests.failuresOmitted == tests.failed + tests.errors,
            "\(tests.failures.count) kept + \(tests.failuresOmitted) omitted failures, but "
                + "\(tests.failed) failed + \(tests.errors) errors")
        for failure in tests.failures {
            try expect(failure.state == .failed || failure.state == .error, "a kept failure is \(failure.state)")
            try expect(
                failure.message.utf8.count <= FailedTest.messageLimit * 4,
                "a failure message of \(failure.message.utf8.count) bytes")
            try expect((failure.line ?? 0) >= 0, "a failure at line \(failure.line ?? 0)")
        }
    }

    static func check(_ findings: FindingsReport) throws(FuzzFailure) {
        let counts = findings.counts
        let all = counts.count { _, _, _, _ in true }
        let waived = counts.count { _, _, _, waived in waived }
        try expect(all >= 0 && waived >= 0 && waived <= all, "findings \(all), waived \(waived)")
        for (tool, toolCounts) in findings.countsByTool {
            try expect(toolCounts.count { _, _, _, _ in true } >= 0, "\(tool) has a negative count")
        }
        let keptCounted = findings.findings.count { $0.waiver == nil }
        let keptWaived = findings.findings.count - keptCounted
        try expect(
            keptCounted <= min(FindingsReport.keptLimit, all - waived),
            "\(keptCounted) counted findings kept of \(all - waived)")
        try expect(
            keptWaived <= min(FindingsReport.keptWaivedLimit, waived), "\(keptWaived) waived findings kept of \(waived)"
        )
        try expect(findings.suppressedByTool >= 0, "suppressedByTool \(findings.suppressedByTool)")
        try expect(findings.notAuditedByTool.values.allSatisfy { $0 >= 0 }, "negative not-audited counts")
        try expect(findings.notAudited.count <= FindingsReport.notAuditedLimit, "\(findings.notAudited.count) kept")
        try expect(
            findings.notAudited.count <= findings.notAuditedByTool.values.reduce(0, +),
            "more not-audited descriptions than counted")
        for match in findings.waiverMatches.values {
            try expect(
                match.waived >= 0 && match.alsoMatched >= 0 && match.expiredMatches >= 0,
                "negative waiver match counts")
        }
        for finding in findings.findings {
            try expect(
                finding.message.utf8.count <= Finding.messageLimit * 4,
                "a finding message of \(finding.message.utf8.count) bytes")
            try expect((finding.location?.line ?? 0) >= 0, "a finding at line \(finding.location?.line ?? 0)")
        }
    }
}
