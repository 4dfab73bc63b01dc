/// Applies a configuration's gates to a set of reports and returns the verdict.
///
/// Pure: no files, clock or output.
///
/// ```swift
/// let verdict = GateEngine.evaluate(reports, configuration: .builtIn, today: Day(Date()))
/// if verdict.status != .pass { print(verdict.gates.filter { $0.status == .fail }.map(\.message)) }
/// ```
@_spi(Internals) public enum GateEngine {
    /// Evaluates every gate.
    ///
    /// - Parameters:
    ///   - reports: what the inputs yielded; the order of its arrays does not matter (the verdict is sorted).
    ///   - configuration: the gates; ``Configuration/builtIn`` when the user gave none.
    ///   - today: the UTC date that decides waiver expiry (injected; the library reads no clock).
    ///   - diagnostics: problems found before evaluation (configuration warnings), carried into the verdict.
    ///   - baseline: what gates with a `baseline` member and change metrics compare with.
    ///   - history: the history that gates with a `history` member compare with, and the moment that ends their
    ///     windows (`nil`: none was given, which such a gate reports).
    ///   - diff: the diff the `coverage.diff_*` gates measure, if one was given.
    public static func evaluate(
        _ reports: ReportSet, configuration: Configuration, today: Day, diagnostics: [Diagnostic] = [],
        baseline: BaselineContext = .none, history: HistoryContext? = nil, diff: DiffInput? = nil
    ) -> Verdict {
        // A findings report counted with other waivers than these would be judged on the wrong counts.
        let context = WaiverContext(waivers: configuration.waivers, today: today)
        let misread = reports.reports.filter { $0.readWith.map { $0 != context } ?? false }
        let loaded = reports.reports.filter { $0.readWith.map { $0 == context } ?? true }.sorted { $0.path < $1.path }
        let failed =
            (reports.failed + misread.map { FailedReport(path: $0.path, kind: $0.kind, error: .readWithOtherWaivers) })
            .sorted { $0.path < $1.path }
        let measuresCoverage = configuration.gates.contains { if case .coverage = $0.metric { true } else { false } }
        let coverage = measuresCoverage ? coverageUnion(of: loaded, prepared: reports.coverageUnion) : nil
        let usesDiff = configuration.gates.contains { $0.metric.isDiffCoverage }
        let (diffState, diffDiagnostics) =
            usesDiff
            ? DiffGating.prepare(diff, coverage: coverage?.report, options: configuration.diffOptions) : (.absent, [])
        let scope = ReportScope(configuration)
        // Without a diff, scoped gates still map report paths by the configuration's `paths` rules.
        let mapper = diff?.mapper ?? PathMapper(root: "/nonexistent-root", rules: configuration.pathRules)
        let gates = configuration.gates.map { gate in
            let inputs = scope.inputs(of: gate, loaded: loaded, failed: failed)
            let narrowedCoverage =
                inputs.narrowed && coverage != nil
                ? coverageUnion(of: inputs.loaded, prepared: reports.coverageUnion) : coverage
            return evaluate(
                gate, loaded: inputs.loaded, failed: inputs.failed, coverage: narrowedCoverage, baseline: baseline,
                history: history, diff: diffState, mapper: mapper)
        }

        var allDiagnostics = diagnostics + configuration.warnings + reports.diagnostics + failed.map(\.diagnostic)
        allDiagnostics += BaselineDiagnostics.diagnostics(gates, configuration: configuration, baseline: baseline)
        allDiagnostics += HistoryGating.diagnostics(gates, history: history)
        allDiagnostics += diffDiagnostics + (diff?.diagnostic.map { [$0] } ?? [])
        allDiagnostics += loaded.flatMap(\.diagnostics)
        allDiagnostics += WaiverAudit.diagnostics(
            configuration.waivers, reports: loaded, today: today, warningDays: configuration.waiverWarningDays)
        // A pass needs a blocking gate that was judged: warnings never block, so a run that judged only warnings
        // (or nothing) has checked nothing that could stop it. (No gates at all is `detect`, which gates nothing.)
        let judgedBlocking = gates.contains { $0.level == .error && ($0.status == .pass || $0.status == .fail) }
        if !gates.isEmpty, !judgedBlocking, !gates.contains(where: \.blocksAsError),
            !allDiagnostics.contains(where: { $0.severity == .error })
        {
            allDiagnostics.append(nothingJudged(reports, gates: gates))
        }
        allDiagnostics.sort()

        let summaries =
            (loaded.map { ReportSummary(path: $0.path, kind: $0.kind, metrics: ReportMetrics.values(of: $0.content)) }
            + failed.map { ReportSummary(path: $0.path, kind: $0.kind, metrics: [:], error: $0.error) })
            .sorted { $0.path < $1.path }

        let status: Verdict.Status
        if allDiagnostics.contains(where: { $0.severity == .error }) || gates.contains(where: \.blocksAsError) {
            status = .error
        } else if gates.contains(where: { $0.status == .fail }) {
            status = .fail
        } else {
            status = .pass
        }
        return Verdict(
            status: status, gates: gates, reports: summaries,
            ignored: reports.ignored.sorted { $0.path < $1.path }, diagnostics: allDiagnostics)
    }

    // MARK: - Private

    /// The error of a run in which no blocking gate was judged: nothing that could stop it was checked, so it must
    /// not pass (an empty directory, a report step that wrote nothing, a glob that matched nothing while every gate
    /// is optional, only a report that a warning gate reads).
    private static func nothingJudged(_ reports: ReportSet, gates: [GateResult]) -> Diagnostic {
        let warnings = gates.filter { $0.level == .warn && ($0.status == .pass || $0.status == .warn) }.map(\.id)
        if !warnings.isEmpty {
            let blocking = gates.filter { $0.level == .error }.map(\.id)
            let fix =
                blocking.isEmpty
                ? "every gate of the configuration is level \"warn\": make at least one gate level \"error\""
                : "give gatecheck the reports that a blocking gate reads (\(blocking.prefix(5).joined(separator: ", "))"
                    + "\(blocking.count > 5 ? ", …" : "")), or make a judged gate level \"error\" in gates.json"
            return Diagnostic(
                .error, code: "verdict.nothing-judged",
                message: "no blocking gate was judged: only the warning gate(s) \(warnings.joined(separator: ", ")) "
                    + "were, and a warning never blocks, so nothing in this run could have stopped it; a run passes "
                    + "only when at least one blocking gate was judged. Fix: " + fix)
        }
        let ignored = reports.ignored.isEmpty ? "" : " (\(reports.ignored.count) file(s) ignored)"
        let found =
            reports.reports.isEmpty
            ? "no report was among the inputs" + ignored : "no input is a report of a kind the gates read"
        return Diagnostic(
            .error, code: "verdict.nothing-judged",
            message: "nothing was judged: every gate was skipped because " + found
                + "; a run that checks nothing does not pass. Check that the steps writing the reports ran, and name "
                + "the reports or bind them in gates.json `inputs`")
    }

    /// The union of the coverage reports (sorted by path): the loader's when it holds exactly them, else merged here.
    static func coverageUnion(of loaded: [LoadedReport], prepared: CoverageUnion?) -> CoverageUnion {
        let coverage = loaded.compactMap { report -> (path: String, report: CoverageReport)? in
            if case .coverage(let content) = report.content { return (report.path, content) }
            return nil
        }
        if let prepared, prepared.paths == coverage.map(\.path) { return prepared }
        return CoverageUnion(coverage)
    }

    private static func evaluate(
        _ gate: GateSpec, loaded: [LoadedReport], failed: [FailedReport], coverage: CoverageUnion?,
        baseline: BaselineContext, history: HistoryContext?, diff: DiffGating.State, mapper: PathMapper?
    ) -> GateResult {
        let kinds = gate.sourceKinds
        let ofKind = loaded.filter { kinds.contains($0.kind) }
        let sources = ofKind.filter { $0.carries(gate.metric) }
        let broken = failed.filter { $0.kind.map(kinds.contains) ?? false }
        let kindNames =
            kinds.count == 1
            ? "\(kinds[0].rawValue) report" : "report of kind \(kinds.map(\.rawValue).joined(separator: ", "))"

        func result(
            _ status: GateResult.Status, _ message: String, actual: MetricValue? = nil, blocks: Bool = false
        ) -> GateResult {
            var made = GateResult(
                id: gate.id, metric: gate.metric, status: status, level: gate.level, required: gate.required,
                actual: actual, bound: gate.bound, message: message, sources: sources.map(\.path),
                blocksAsError: blocks)
            (made.scopePaths, made.scopeClasses) = (gate.scope, gate.scopeClasses)
            return made
        }

        if !broken.isEmpty {
            let names = broken.map(\.path).joined(separator: ", ")
            return result(.error, "cannot judge: \(names) could not be read", blocks: gate.level == .error)
        }
        if gate.required, let glob = ReportScope.unmatchedGlob(of: gate, loaded: loaded, failed: failed) {
            return result(
                .error,
                "cannot judge: its reports glob `\(glob)` matches no \(kindNames) among the inputs, and this gate "
                    + "requires one; correct the glob, or mark the gate \"required\": false",
                blocks: true)
        }
        if sources.isEmpty {
            let absence =
                ofKind.isEmpty
                ? "no \(kindNames) among the inputs"
                    + (gate.reports.map { " matches `\($0.joined(separator: "`, `"))`" } ?? "")
                : ReportContent.absence(of: gate.metric, in: ofKind)
            return gate.required
                ? result(.error, "cannot judge: \(absence), and this gate requires one", blocks: true)
                : result(.skipped, "skipped: \(absence)")
        }
        if let problem = Evidence.problem(gate, sources: sources, ofKind: ofKind) {
            return result(.error, "cannot judge: \(problem)", blocks: gate.level == .error)
        }

        if gate.usesBaseline {
            return BaselineJudge(gate: gate, context: baseline).judge(
                measure: { base in
                    measure(
                        gate, sources: sources, coverage: coverage ?? CoverageUnion(), mapper: mapper, baseline: base)
                },
                result: { status, message, actual, blocks in result(status, message, actual: actual, blocks: blocks) })
        }
        let measurement: Measurement
        if case .coverage(let metric) = gate.metric, metric.isDiff {
            let (measured, skip) = DiffGating.measure(metric, diff, gate: gate)
            // Zero measurable changed lines: a visible skip, never a rate of 100 %.
            if let skip { return result(.skipped, "skipped: \(skip)") }
            measurement = measured
        } else {
            measurement = measure(gate, sources: sources, coverage: coverage ?? CoverageUnion(), mapper: mapper)
        }
        if let spec = gate.history {
            return HistoryGating.judge(
                gate, spec, measurement: measurement, history: history, template: result(.pass, ""))
        }
        guard let holds = gate.bound.isSatisfied(by: measurement.value) else {
            let reason = measurement.notMeasuredReason ?? "the value was not measured"
            return result(.error, "cannot judge: \(reason)", actual: .notMeasured, blocks: gate.level == .error)
        }
        let status: GateResult.Status = holds ? .pass : (gate.level == .error ? .fail : .warn)
        let verb = holds ? "meets" : "does not meet"
        var outcome = result(
            status,
            "\(gate.metric.name)\(gate.scopeLabel) is \(measurement.shownValue ?? measurement.value.display(against: gate.bound.threshold.value)), which \(verb) "
                + "\(gate.bound.symbol) \(gate.bound.threshold)",
            actual: measurement.value)
        if !holds {
            outcome.details = measurement.details + (measurement.explainFailure?() ?? [])
            outcome.uncoveredLines = measurement.uncoveredLines?() ?? []
        }
        outcome.failedTests = holds ? [] : measurement.failedTests
        outcome.findings = measurement.findings
        outcome.waived = measurement.waived
        return outcome
    }

    private static func measure(
        _ gate: GateSpec, sources: [LoadedReport], coverage: CoverageUnion, mapper: PathMapper?,
        baseline: Baseline? = nil
    ) -> Measurement {
        switch gate.metric {
        case .change(let metric):
            guard let baseline else { return .notMeasured("\(gate.metric.name) needs a baseline") }
            return ChangeMetrics.measure(metric, gate, sources: sources, baseline: baseline)
        case .coverage(let metric):
            // A report with only root totals has no lines to merge; merging would silently drop it.
            if coverage.paths.count > 1, let summaryOnly = coverage.withoutLines.first {
                return .notMeasured(
                    "\(summaryOnly) has no <line> elements, only root totals, so it cannot be merged with the "
                        + "other coverage reports")
            }
            if coverage.paths.count > 1, !coverage.isExact {
                return .notMeasured(
                    "the coverage reports were read for their totals only (CoverageDetail.totals), so they cannot be "
                        + "merged; read them with CoverageDetail.lines")
            }
            if gate.scope != nil || gate.perFile {
                return ScopedCoverage.measure(gate, metric, coverage.report, mapper: mapper)
            }
            let metrics = CoverageMetrics(report: coverage.report)
            var measurement = metrics.value(metric)
            measurement.explainFailure = {
                metric == .branchRate || metric == .branchesCovered
                    ? metrics.mostMissedBranches(limit: 5) : metrics.mostMissed(limit: 5)
            }
            return measurement
        case .tests(let metric):
            if gate.scope != nil || gate.scopeClasses != nil {
                let reports = sources.compactMap { report -> TestReport? in
                    if case .tests(let content) = report.content { return content }
                    return nil
                }
                return ScopedTests.measure(metric, gate, reports: reports, mapper: mapper)
            }
            var sum = TestReport()
            for report in sources {
                if case .tests(let content) = report.content { sum.add(content) }
            }
            return TestMetrics.value(metric, of: sum)
        case .findings(let metric):
            let findings = sources.compactMap { report -> FindingsReport? in
                if case .findings(let content) = report.content { return content }
                return nil
            }
            if let scope = gate.scope {
                return ScopedFindings.measure(metric, gate, scope: scope, reports: findings, mapper: mapper)
            }
            return FindingMetrics.value(metric, of: findings, selector: gate.selector)
        case .accuracy(let name): return AccuracyMetrics.measure(name, gate.bound, sources: sources)
        case .image: return ImageMetrics.measure(gate.bound, sources: sources)
        case .llm(let metric): return CostMetrics.measure(metric, gate.bound, sources: sources)
        case .latency(let metric): return LatencyMetrics.measure(metric, gate.bound, sources: sources)
        }
    }
}
