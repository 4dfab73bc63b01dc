/// Findings gates with `scope.paths`: only findings whose path, mapped to a repository path by the same rules as
/// coverage (``ScopedCoverage/inScope(_:sources:globs:mapper:)``), matches a glob are counted.
///
/// Fail-closed rules (docs/findings.md, "Scope"):
/// - a finding the gate would count that has no path (a pip-audit or Safety dependency finding, a SARIF result
///   without a location) cannot be placed in or out of the scope, so the gate cannot be judged: it is refused, not
///   left out, since leaving it out would pass a gate on a finding nobody looked at;
/// - a scope that matches no finding and no file the scanners report scanning (Bandit's `metrics` keys, SARIF
///   `artifacts`, the paths of findings of any severity) is a typo or a scan of other files, not a clean scan.
enum ScopedFindings {
    /// The metric over the findings in scope.
    static func measure(
        _ metric: Metric.Findings, _ gate: GateSpec, scope: [String], reports: [FindingsReport], mapper: PathMapper?
    ) -> Measurement {
        guard reports.allSatisfy(\.placesCollected) else {
            return .notMeasured(
                "the findings reports were read without counts per path (ReadOptions.collectsPlaces), which a gate "
                    + "with \"scope\" needs; read them with GateChecker, or set collectsPlaces")
        }
        let globs = scope.map(Glob.init)
        var known: [String: Bool] = [:]
        func inScope(_ path: String) -> Bool {
            if let answer = known[path] { return answer }
            let answer = ScopedCoverage.inScope(
                FindingFingerprint.normalizedPath(path), sources: [], globs: globs, mapper: mapper)
            known[path] = answer
            return answer
        }
        let selector = gate.selector
        var total = 0
        var matched = false
        var pathless: [String: Int] = [:]
        for report in reports {
            for (place, counts) in report.countsByPlace where selector.selects(tool: place.tool) {
                let count = counts.count { severity, confidence, fixable, waived in
                    selector.selects(severity: severity, confidence: confidence, fixable: fixable)
                        && FindingMetrics.isCounted(metric, severity: severity, waived: waived)
                }
                guard let path = place.path else {
                    if count > 0 { pathless[place.tool, default: 0] += count }
                    continue
                }
                if inScope(path) {
                    matched = true
                    total += count
                }
            }
            if !matched, report.scannedPaths.contains(where: inScope) { matched = true }
        }
        let globText = scope.map { "`\($0)`" }.joined(separator: ", ")
        guard pathless.isEmpty else {
            let tools = pathless.sorted { $0.key < $1.key }.map { "\($0.value) from \($0.key)" }
            return .notMeasured(
                "\(pathless.values.reduce(0, +)) finding(s) this gate counts have no path (\(tools.joined(separator: ", "))), "
                    + "so the scope \(globText) cannot tell whether they are in it; leave their tool out of this gate "
                    + "(\"tools\" or \"kinds\") and gate it with an unscoped gate (docs/findings.md, scope)")
        }
        guard matched else {
            return .notMeasured(
                "the scope \(globText) of gate \(gate.id) matches no finding and no file the scanners report "
                    + "scanning (Bandit `metrics`, SARIF `artifacts`); fix the globs or the `paths` rules, or use a "
                    + "tool that lists the files it scanned (docs/findings.md, scope)")
        }
        let selected = reports.flatMap(\.findings).filter { finding in
            guard let path = finding.location?.path, !path.isEmpty, inScope(path) else { return false }
            return selector.selects(tool: finding.tool)
                && selector.selects(
                    severity: finding.severity, confidence: finding.confidence, fixable: finding.isFixable)
        }
        var measurement = Measurement(value: .integer(total))
        measurement.findings = Array(
            selected.filter { FindingMetrics.isCounted(metric, severity: $0.severity, waived: $0.waiver != nil) }
                .sorted(by: Finding.precedes).prefix(FindingMetrics.listedLimit))
        if metric != .waived {
            measurement.waived = Array(
                selected.filter {
                    $0.waiver != nil && FindingMetrics.isCounted(metric, severity: $0.severity, waived: false)
                }
                .sorted(by: Finding.precedes).prefix(FindingMetrics.listedLimit))
        }
        measurement.details = measurement.findings.prefix(10).map(FindingMetrics.describe)
        if total > measurement.details.count, metric != .waived {
            measurement.details.append("… \(total) finding(s) in scope in all")
        }
        return measurement
    }
}
