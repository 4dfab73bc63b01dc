#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Builds the baseline of a run from what it read and how its gates came out.
enum BaselineBuilder {
    static func build(
        _ reports: ReportSet, verdict: Verdict, configuration: Configuration, meta: [String: String]
    ) -> Baseline {
        var baseline = Baseline(meta: meta, unreadableReports: reports.failed.count)
        for (spec, gate) in zip(configuration.gates, verdict.gates) where spec.id == gate.id {
            // A change metric's value is the change itself: the next run measures its own, from the data below.
            let value = spec.metric.isChange ? nil : gate.actual.flatMap(ExactValue.init)
            baseline.gates[spec.id] = BaselineGate(
                metric: spec.metric.name, definition: GateDefinition.hash(spec), value: value)
        }
        let loaded = reports.reports.sorted { $0.path < $1.path }
        if loaded.contains(where: { $0.kind == .cobertura }) {
            let report = GateEngine.coverageUnion(of: loaded, prepared: reports.coverageUnion).report
            var coverage = BaselineCoverage(linesValid: 0, linesCovered: 0, files: [:])
            for (path, file) in report.files {
                let counts = FileCounts(linesValid: file.lines.count, linesCovered: file.lines.covered)
                coverage.files[path] = counts
                coverage.linesValid += counts.linesValid
                coverage.linesCovered += counts.linesCovered
            }
            baseline.coverage = coverage
            if let version = report.toolVersion { baseline.tools["cobertura"] = version }
        }
        var tests: TestReport?
        var findings: FindingsReport?
        for report in loaded {
            switch report.content {
            case .tests(let content): tests = tests ?? TestReport(); tests?.add(content)
            case .findings(let content):
                findings = findings ?? FindingsReport()
                findings?.addChangeData(of: content)
            case .accuracy(let content):
                for (name, metric) in content.metrics {
                    guard let scores = metric.sampleScores else { continue }
                    var kept = baseline.accuracy?[name] ?? [:]
                    // Several reports of one metric: a sample keeps its lowest score, as when it is compared.
                    for (id, score) in scores {
                        let known = kept[id].map { $0.flatMap { Decimal(string: $0) } }
                        if let known, (known ?? -1) <= (score ?? -1) { continue }
                        kept[id] = .some(score.map { $0.description })
                    }
                    baseline.accuracy = baseline.accuracy ?? [:]
                    baseline.accuracy?[name] = kept
                }
            default: break
            }
        }
        baseline.tests = tests?.outcomes
        baseline.findings = findings.map { report in
            Dictionary(uniqueKeysWithValues: report.tallies.map { (FindingTally.hex($0.key), $0.value) })
        }
        // Written whenever findings are (even empty), so that its absence means a baseline older than it.
        baseline.packages = findings.map { $0.allScannedPackages.sorted() }
        return baseline
    }
}
