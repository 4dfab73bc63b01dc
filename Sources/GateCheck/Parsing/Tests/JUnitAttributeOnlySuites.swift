extension JUnitAttributeCheck {
    /// The report's counts with those of its suites without any `<testcase>` (their attributes), unless those suites
    /// repeat what the testcases already give; with the diagnostics that say which was done.
    ///
    /// JUnit written from NUnit (EnricoMi's transform of `NUnit-issue44527.xml`) gives each parameterised method a
    /// suite with `tests="1"` and no testcase, beside the suite that holds its case: adding those attributes counted
    /// 10 tests that do not exist. So attribute-only suites are trusted only when the root's totals (or the
    /// top-level suites') confirm them: when the testcases alone equal the stated `tests`, `failures` and `errors`,
    /// the attribute-only suites are repeats and are left out (a note says so); when testcases plus attributes equal
    /// them, both count; otherwise both count, as before, and the warning names the disagreement.
    static func combine(
        counted: TestReport, attributeOnly: TestReport, suites: Int, root: JUnitHandler.SuiteClaims?,
        topLevel: [JUnitHandler.SuiteClaims]
    ) -> ParsedTests {
        let claims = stated(root: root, topLevel: topLevel)
        guard suites > 0 else {
            return ParsedTests(
                report: judgingTheWorse(claims, counted), diagnostics: mismatch(claims, counted).map { [$0] } ?? [])
        }
        if counted.total > 0, let claims, agrees(claims, counted) {
            let note = Diagnostic(
                .note, code: "junit.attribute-repeats",
                message: "\(suites) test suite(s) without <testcase> elements claim \(attributeOnly.total) test(s) "
                    + "that the testcases already give (the root states \(claims.tests ?? 0), as many as the "
                    + "testcases); their attributes were not counted again")
            return ParsedTests(report: counted, diagnostics: [note])
        }
        var combined = counted
        combined.add(attributeOnly)
        var diagnostics = [
            Diagnostic(
                .note, code: "junit.attribute-totals",
                message: "\(suites) test suite(s) have no <testcase> elements; their tests/failures/"
                    + "errors/skipped attributes were counted instead")
        ]
        if let warning = mismatch(claims, combined, withAttributes: true) { diagnostics.append(warning) }
        return ParsedTests(report: judgingTheWorse(claims, combined), diagnostics: diagnostics)
    }

    /// The report with the failures and errors its summary states beyond those it shows kept aside for the failure
    /// gates: contradicting figures never pass on the better one.
    private static func judgingTheWorse(_ claims: JUnitHandler.SuiteClaims?, _ report: TestReport) -> TestReport {
        // Only when no testcase failed: then the attributes alone tell of failures, and passing on the testcases
        // would pass on the better figure. When testcases fail, the gates fail on them, with their figures (pytest's
        // xunit1 summary counts a test that fails and then errors in teardown twice: 11 failures for 9 tests).
        guard let claims, claims.tests != nil, report.failed == 0, report.errors == 0 else { return report }
        var report = report
        report.statedFailuresUnseen = claims.failures ?? 0
        report.statedErrorsUnseen = claims.errors ?? 0
        return report
    }

    /// Whether the stated totals equal the counts exactly (those the claims state).
    private static func agrees(_ claims: JUnitHandler.SuiteClaims, _ report: TestReport) -> Bool {
        claims.tests == report.total && (claims.failures.map { $0 == report.failed } ?? true)
            && (claims.errors.map { $0 == report.errors } ?? true)
    }
}
