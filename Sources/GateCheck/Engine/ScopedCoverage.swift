/// Coverage gates with `scope.paths` (only the files in scope count) and `per_file` (each file must meet the bound).
enum ScopedCoverage {
    /// Whether a report's file is in scope: a glob matches its repository path (or, for a path that stays absolute,
    /// any of its trailing segments, since without `--root` a `<source>` root cannot be made relative).
    static func inScope(_ key: String, sources: [String], globs: [Glob], mapper: PathMapper?) -> Bool {
        let candidates =
            (mapper ?? PathMapper(root: "/nonexistent-root")).candidates(filename: key, sources: sources)
            + [PathMapper.normalize(key)]
        return candidates.contains { candidate in
            globs.contains { glob in
                if glob.matches(candidate) { return true }
                guard candidate.hasPrefix("/") else { return false }
                var rest = Substring(candidate.dropFirst())
                while let slash = rest.firstIndex(of: "/") {
                    if glob.matches(String(rest)) { return true }
                    rest = rest[rest.index(after: slash)...]
                }
                return glob.matches(String(rest))
            }
        }
    }

    /// The report with only the files in scope; `nil` when the scope matches none.
    static func restrict(_ report: CoverageReport, to scope: [String], mapper: PathMapper?) -> CoverageReport? {
        let globs = scope.map(Glob.init)
        var result = report
        result.files = report.files.filter { inScope($0.key, sources: report.sources, globs: globs, mapper: mapper) }
        result.summary = CoverageSummary()
        return result.files.isEmpty ? nil : result
    }

    /// A scoped or per-file measurement of a (non-diff) coverage metric.
    static func measure(
        _ gate: GateSpec, _ metric: Metric.Coverage, _ report: CoverageReport, mapper: PathMapper?
    ) -> Measurement {
        var report = report
        if let scope = gate.scope {
            guard let restricted = restrict(report, to: scope, mapper: mapper) else {
                return .notMeasured(
                    "the scope \(scope.joined(separator: ", ")) of gate \(gate.id) matches no file of the coverage "
                        + "reports; fix the globs (see docs/diff-coverage.md, path mapping)")
            }
            report = restricted
        }
        guard gate.perFile else {
            let metrics = CoverageMetrics(report: report)
            var measurement = metrics.value(metric)
            measurement.explainFailure = {
                metric == .branchRate ? metrics.mostMissedBranches(limit: 5) : metrics.mostMissed(limit: 5)
            }
            return measurement
        }
        let files = report.files.compactMap { path, file -> (String, Int, Int)? in
            let (covered, total) =
                metric == .branchRate ? file.branchTotals : (file.lines.covered, file.lines.count)
            return total > 0 ? (path, covered, total) : nil
        }
        return perFile(
            files.sorted { $0.0 < $1.0 }, bound: gate.bound, unit: metric == .branchRate ? "branches" : "lines")
    }

    /// Each file's ratio against the bound: the worst file is the gate's value, the failing files its details.
    static func perFile(_ files: [(path: String, covered: Int, total: Int)], bound: Bound, unit: String) -> Measurement
    {
        guard !files.isEmpty else {
            return .notMeasured("no file in scope has \(unit) to measure")
        }
        var worst: MetricValue?
        var failing: [String] = []
        for file in files {
            let value = MetricValue.ratio(numerator: min(file.covered, file.total), denominator: file.total)
            if bound.isSatisfied(by: value) == false {
                failing.append(
                    "\(file.path): \(value.display(against: bound.threshold.value)) (\(file.covered) of \(file.total) "
                        + "\(unit))")
            }
            if let current = worst {
                if bound.isWorse(value, than: current) { worst = value }
            } else {
                worst = value
            }
        }
        var measurement = Measurement(value: worst ?? .notMeasured)
        measurement.shownValue = worst.map {
            "\($0.display(against: bound.threshold.value)) in its worst file (\(files.count) file(s), "
                + "\(failing.count) below the bound)"
        }
        measurement.details = failing
        return measurement
    }
}

extension Bound {
    /// Whether `a` is further from meeting the bound than `b` (lower for `min`, higher for `max`).
    func isWorse(_ a: MetricValue, than b: MetricValue) -> Bool {
        let less: Bool
        if case .ratio(let an, let ad) = a, case .ratio(let bn, let bd) = b {
            // Exactly: an/ad < bn/bd ⇔ an·bd < bn·ad (denominators are positive).
            less = an.multipliedFullWidth(by: bd) < bn.multipliedFullWidth(by: ad)
        } else {
            less = (a.double ?? 0) < (b.double ?? 0)
        }
        let greater = !less && a != b && !(a.double == b.double)
        switch self {
        case .min: return less
        case .max: return greater
        }
    }
}
