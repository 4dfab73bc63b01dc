/// Gates on `coverage.diff_*` metrics: the changed lines' coverage, its notes and its refusals.
enum DiffGating {
    /// What the diff gates of one run share: the measured diff, or why there is none.
    enum State {
        /// No diff was given.
        case absent
        /// The diff could not be read, or its paths could not be matched: every diff gate is an error.
        case unusable(String)
        /// Measured.
        case measured(DiffCoverage)
    }

    /// Measures the diff once for every diff gate of a run; the diagnostics it makes (unmeasured files, ties).
    static func prepare(
        _ input: DiffInput?, coverage: CoverageReport?, options: DiffOptions
    ) -> (State, [Diagnostic]) {
        guard let input else { return (.absent, []) }
        let diff: UnifiedDiff
        switch input.diff {
        case .failure(let error):
            return (.unusable("the diff \(input.name) cannot be read (line \(error.line))"), [])
        case .success(let parsed): diff = parsed
        }
        guard let coverage else { return (.unusable("no coverage report was read"), []) }
        // A report read for its totals keeps the lines of files a changed file's name could be (a single Cobertura
        // report); any other file without its lines, which a changed file could be, cannot be measured.
        let names = input.mapper.rules.replace.isEmpty ? DiffCoverage.changedBaseNames(of: diff) : nil
        let couldBeChanged = { (path: String) in names?.contains(DiffCoverage.baseName(of: path)) ?? true }
        if coverage.files.contains(where: { !$0.value.lines.hasDetail && couldBeChanged($0.key) }) {
            return (
                .unusable("the coverage reports were read for their totals only; read them with CoverageDetail.lines"),
                []
            )
        }
        let measured = DiffCoverage.compute(diff: diff, coverage: coverage, mapper: input.mapper)
        var diagnostics: [Diagnostic] = []
        for tie in measured.ties {
            diagnostics.append(Diagnostic(.error, code: "paths.tie", message: tie, file: input.name))
        }
        if !measured.unmeasured.isEmpty {
            let globs = options.requireMeasured.map(Glob.init)
            let required = measured.unmeasured.filter { path in globs.contains { $0.matches(path) } }
            let others = measured.unmeasured.filter { !required.contains($0) }
            if !required.isEmpty {
                diagnostics.append(
                    Diagnostic(
                        .error, code: "diff.unmeasured",
                        message: "changed file(s) that `diff.require_measured` requires a coverage report to measure, "
                            + "and none does: \(required.joined(separator: ", ")); run the tests with coverage of them, "
                            + "or fix the paths (`paths` in gates.json, `--root`; see `--explain`)",
                        file: input.name))
            }
            if !others.isEmpty {
                diagnostics.append(
                    Diagnostic(
                        .note, code: "diff.unmeasured",
                        message: "changed file(s) no coverage report measures (not counted): "
                            + others.joined(separator: ", "),
                        file: input.name))
            }
        }
        if !measured.unmapped.isEmpty {
            diagnostics.append(
                Diagnostic(
                    .error, code: "diff.unmapped",
                    message: "no changed file is measured, because the diff's paths and the coverage report's do not "
                        + "map: \(measured.unmapped.joined(separator: "; ")); add `paths.strip_prefix` or "
                        + "`paths.replace` in gates.json (or run with --root) so that they do (see --explain)",
                    file: input.name))
            return (.unusable("the diff's paths and the coverage report's do not map (diff.unmapped)"), diagnostics)
        }
        if !measured.ties.isEmpty { return (.unusable("report paths match changed files ambiguously"), diagnostics) }
        return (.measured(measured), diagnostics)
    }

    /// The measurement of one diff metric, or why the gate is skipped.
    static func measure(_ metric: Metric.Coverage, _ state: State, gate spec: GateSpec) -> (
        Measurement, skip: String?
    ) {
        let gate = spec.id
        var coverage: DiffCoverage
        switch state {
        case .absent:
            return (
                .notMeasured(
                    "gate \(gate) measures \(Metric.coverage(metric).name), which needs a diff, and none was given; "
                        + "pass --diff FILE or --diff-base REF"), nil
            )
        case .unusable(let reason): return (.notMeasured(reason), nil)
        case .measured(let measured): coverage = measured
        }
        if let scope = spec.scope {
            let globs = scope.map(Glob.init)
            coverage.files = coverage.files.filter { file in globs.contains { $0.matches(file.path) } }
            coverage.unmeasured = coverage.unmeasured.filter { path in globs.contains { $0.matches(path) } }
            if coverage.files.isEmpty, coverage.unmeasured.isEmpty {
                return (
                    .notMeasured(
                        "the scope \(scope.joined(separator: ", ")) of gate \(gate) matches no changed file; fix "
                            + "the globs (they match repository paths, as the diff names them)"), nil
                )
            }
        }
        if spec.perFile, metric == .diffLineRate {
            let files = coverage.files.filter { $0.measured > 0 }.map { ($0.path, $0.covered, $0.measured) }
            guard !files.isEmpty else {
                let note = "no changed line in scope is measured: a rate over nothing is not 100 %"
                return (.notMeasured(note), note)
            }
            return (ScopedCoverage.perFile(files, bound: spec.bound, unit: "changed lines"), nil)
        }
        let valid = coverage.linesValid
        let zeroNote =
            "no changed line is measured by the coverage reports (\(coverage.changedLines) changed line(s), "
            + "\(coverage.unmeasured.count) changed file(s) unmeasured): a rate over nothing is not 100 %"
        var measurement: Measurement
        switch metric {
        case .diffLinesValid: measurement = Measurement(value: .integer(valid))
        case .diffLinesCovered: measurement = Measurement(value: .integer(coverage.linesCovered))
        case .diffLinesMissed: measurement = Measurement(value: .integer(valid - coverage.linesCovered))
        case .diffLineRate:
            guard valid > 0 else { return (.notMeasured(zeroNote), zeroNote) }
            measurement = Measurement(value: .ratio(numerator: coverage.linesCovered, denominator: valid))
        case .diffBranchRate:
            guard coverage.branchesValid > 0 else {
                let note = "no measured changed line has branches (branch coverage off, or no branch changed)"
                return (.notMeasured(note), note)
            }
            measurement = Measurement(
                value: .ratio(numerator: coverage.branchesCovered, denominator: coverage.branchesValid))
        default:
            return (.notMeasured("\(Metric.coverage(metric).name) is not a diff metric"), nil)
        }
        let measured = coverage
        measurement.explainFailure = { uncoveredLines(measured) }
        measurement.uncoveredLines = {
            measured.files.flatMap { UncoveredLines.runs(path: $0.path, $0.missedLines) }
        }
        return (measurement, nil)
    }

    /// Each file's uncovered changed lines, as `path: lines 3, 5-7 not covered (2 of 6 changed lines)`.
    static func uncoveredLines(_ coverage: DiffCoverage) -> [String] {
        coverage.files.filter { !$0.missedLines.isEmpty }.map { file in
            "\(file.path): changed line(s) \(ranges(file.missedLines)) not covered "
                + "(\(file.missedLines.count) of \(file.measured) measured)"
        }
    }

    /// `1, 3-5, 9` for `[1, 3, 4, 5, 9]`.
    static func ranges(_ lines: [UInt32]) -> String {
        var parts: [String] = []
        var index = 0
        while index < lines.count {
            var end = index
            while end + 1 < lines.count, lines[end + 1] == lines[end] + 1 { end += 1 }
            parts.append(end == index ? "\(lines[index])" : "\(lines[index])-\(lines[end])")
            index = end + 1
        }
        return parts.joined(separator: ", ")
    }
}
