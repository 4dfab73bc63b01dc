/// The change metrics: what this run has that the baseline's did not (`findings.new`, `tests.newly_failing`) or
/// the reverse (`tests.removed`), counted from what both runs kept.
enum ChangeMetrics {
    /// How many details a failing change gate lists.
    static let detailLimit = 10

    static func measure(
        _ metric: Metric.Change, _ gate: GateSpec, sources: [LoadedReport], baseline: Baseline
    ) -> Measurement {
        switch metric {
        case .findingsNew: return newFindings(gate.selector, sources: sources, baseline: baseline.findings ?? [:])
        case .testsNewlyFailing, .testsRemoved:
            var head = TestReport()
            for report in sources {
                if case .tests(let content) = report.content { head.add(content) }
            }
            let base = baseline.tests ?? [:]
            let ids: [String]
            if metric == .testsRemoved {
                ids = base.keys.filter { head.outcomes[$0] == nil }.sorted()
            } else {
                ids = head.outcomes.filter { $0.value.isFailing && base[$0.key] == .passed }.map(\.key).sorted()
            }
            var measurement = Measurement(value: .integer(ids.count))
            measurement.details = Array(ids.prefix(detailLimit))
            if ids.count > detailLimit { measurement.details.append("… and \(ids.count - detailLimit) more") }
            return measurement
        }
    }

    /// Findings selected by the gate whose fingerprint occurs more often (not waived) than in the baseline.
    private static func newFindings(
        _ selector: FindingSelector, sources: [LoadedReport], baseline: [String: FindingTally]
    ) -> Measurement {
        var head = FindingsReport()
        for report in sources {
            if case .findings(let content) = report.content { head.addTallies(content.tallies) }
        }
        var total = 0
        var details: [(FindingTally, Int)] = []
        for (fingerprint, tally) in head.tallies
        where selector.selects(tool: tally.tool)
            && selector.selects(severity: tally.severity, confidence: tally.confidence, fixable: tally.fixable)
        {
            let added = tally.count - tally.waived - (baseline[FindingTally.hex(fingerprint)]?.count ?? 0)
            guard added > 0 else { continue }
            total += added
            details.append((tally, added))
        }
        details.sort {
            ($0.0.severity, $0.0.tool, $0.0.rule, $0.0.place) > ($1.0.severity, $1.0.tool, $1.0.rule, $1.0.place)
        }
        var measurement = Measurement(value: .integer(total))
        measurement.details = details.prefix(detailLimit).map { tally, added in
            "\(tally.severity.rawValue.uppercased()) \(tally.rule) in \(tally.place) [\(tally.tool)]"
                + (added > 1 ? " (\(added) new)" : "")
        }
        if details.count > detailLimit { measurement.details.append("… and \(details.count - detailLimit) more") }
        return measurement
    }
}
