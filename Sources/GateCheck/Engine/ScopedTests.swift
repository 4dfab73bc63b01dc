/// Tests gates with `scope`: `scope.paths` counts the testcases whose file (``TestPlace/file``), mapped to a
/// repository path like coverage's, matches a glob; `scope.classes` those whose `classname` matches one.
///
/// Fail-closed rules (docs/coverage-and-tests.md, "Scope"): under `scope.paths` a testcase whose file cannot be
/// told (no `file` attribute, not pytest, or a pytest `classname` without a test module) or a count that comes from
/// suite attributes alone cannot be placed, so the gate is refused rather than judged without it; a scope that
/// matches no testcase is refused too (a typo must not pass).
enum ScopedTests {
    /// The metric over the testcases in scope.
    static func measure(_ metric: Metric.Tests, _ gate: GateSpec, reports: [TestReport], mapper: PathMapper?)
        -> Measurement
    {
        guard reports.allSatisfy(\.placesCollected) else {
            return .notMeasured(
                "the test reports were read without counts per class and file (ReadOptions.collectsPlaces), which "
                    + "a gate with \"scope\" needs (JUnit XML only in this version); read them with GateChecker")
        }
        let byClass = gate.scopeClasses != nil
        let globs = (gate.scopeClasses ?? gate.scope ?? []).map(Glob.init)
        let globText = (gate.scopeClasses ?? gate.scope ?? []).map { "`\($0)`" }.joined(separator: ", ")
        var known: [String: Bool] = [:]
        func inScope(_ place: TestPlace) -> Bool? {
            if byClass { return globs.contains { $0.matches(place.className) } }
            guard let file = place.file else { return nil }
            if let answer = known[file] { return answer }
            let answer = ScopedCoverage.inScope(file, sources: [], globs: globs, mapper: mapper)
            known[file] = answer
            return answer
        }
        var sum = TestTally()
        var unplaced: [String] = []
        var unplacedCount = 0
        var attributeCounted = 0
        for report in reports {
            var placed = 0
            for (place, tally) in report.countsByPlace {
                placed = placed.saturatingAdd(tally.total)
                guard let answer = inScope(place) else {
                    unplacedCount = unplacedCount.saturatingAdd(tally.total)
                    if unplaced.count < 3 {
                        unplaced.append(place.className.isEmpty ? "(no classname)" : place.className)
                    }
                    continue
                }
                if answer { sum.add(tally) }
            }
            // Testcases counted from suite attributes alone have neither class nor file.
            if report.total > placed { attributeCounted = attributeCounted.saturatingAdd(report.total - placed) }
        }
        // No scope can place them, by class or by file.
        guard attributeCounted == 0 else {
            return .notMeasured(
                "\(attributeCounted) test(s) are counted from suite attributes without <testcase> elements, so the "
                    + "scope \(globText) cannot place them; write testcases, or gate that report without a scope "
                    + "(docs/coverage-and-tests.md, scope)")
        }
        if !byClass, unplacedCount > 0 {
            return .notMeasured(
                "\(unplacedCount) testcase(s) have no file that the scope \(globText) could match (e.g. "
                    + "\(unplaced.sorted().joined(separator: ", "))): write the file attribute (pytest: "
                    + "-o junit_family=xunit1) or scope by \"classes\" (docs/coverage-and-tests.md, scope)")
        }
        guard sum.total > 0 else {
            return .notMeasured(
                "the scope \(globText) of gate \(gate.id) matches no testcase of the test reports; fix the globs "
                    + (byClass ? "(they match the classname)" : "or the `paths` rules")
                    + " (docs/coverage-and-tests.md, scope)")
        }
        // Failures a report's summary states but no testcase shows have no place, so a scope cannot count them out.
        let unseen = reports.reduce(0) { $0 + $1.statedFailuresUnseen + $1.statedErrorsUnseen }
        if metric == .failed || metric == .errors, unseen > 0 {
            return .notMeasured(
                "\(unseen) failure(s) that a report's summary states but no testcase shows have no class or file, so "
                    + "gate \(gate.id)'s scope cannot place them; fix the report or use an unscoped gate")
        }
        var report = TestReport()
        report.total = sum.total
        report.passed = sum.passed
        report.failed = sum.failed
        report.errors = sum.errors
        report.skipped = sum.skipped
        report.flaky = sum.flaky
        // A failing test is placed as its testcase was counted: by its own file, else by its class's place.
        var fileOfClass: [String: String] = [:]
        for source in reports {
            for place in source.countsByPlace.keys { if let file = place.file { fileOfClass[place.className] = file } }
        }
        report.failures = reports.flatMap(\.failures).filter { failure in
            inScope(TestPlace(className: failure.className, file: failure.file ?? fileOfClass[failure.className]))
                ?? false
        }
        var measurement = TestMetrics.value(metric, of: report)
        if metric == .flaky { measurement.details = [] }
        return measurement
    }
}
