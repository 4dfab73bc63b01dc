extension JUnitHandler {
    /// What a suite's attributes claim, used when it has no testcase and for the mismatch warning.
    struct SuiteClaims {
        var name: String?
        var tests: Int?
        var failures: Int?
        var errors: Int?
        var skipped: Int?
        /// The `time` attribute: a duration, `.failure` when it is written but is not one.
        var time: Result<Double, XMLBytes.NotAMeasure>?
        /// The first count attribute that is present but not a count (`failures="NaN"`, `tests="-1"`, a number too
        /// large to count exactly), as written: a suite without testcases whose counts are used cannot be judged.
        var invalid: String?
        var contributed = false
        /// Whether a `<failure>` or `<error>` directly inside the suite has been counted as its `<init>` test.
        var hasSuiteLevelFailure = false

        /// The largest count a suite attribute may claim: far above any real suite, and small enough that summing
        /// the claims of every suite a report can hold never overflows.
        static let countLimit = 1 << 32

        init(_ attributes: XMLAttributes) {
            name = attributes.value("name")?.string(limit: 200)
            var invalid: String?
            func count(_ attribute: StaticString) -> Int? {
                guard let value = attributes.value(attribute) else { return nil }
                // Beyond 2^32 no suite is real, and capping the claims keeps every sum of them far from overflow.
                guard let count = value.exactCount, count <= Self.countLimit else {
                    if invalid == nil { invalid = "\(attribute)='\(value.string(limit: 40))'" }
                    return nil
                }
                return count
            }
            tests = count("tests")
            failures = count("failures")
            errors = count("errors")
            let disabled = count("disabled")
            let skippedCount = count("skipped")
            skipped = skippedCount.map { $0.saturatingAdd(disabled ?? 0) } ?? disabled
            time = attributes.value("time")?.nonNegativeMeasure
            self.invalid = invalid
        }
    }
}

extension JUnitHandler.SuiteClaims {
    static var zero: Self {
        var claims = Self(XMLAttributes(base: nil, count: 0))
        claims.tests = 0
        return claims
    }
}

/// Compares what the suite attributes claim with the testcases counted, so a report whose summary disagrees with
/// its detail says so.
enum JUnitAttributeCheck {
    /// The totals the report states for itself: the root's attributes, or the sum of the top-level suites'.
    static func stated(root rootClaims: JUnitHandler.SuiteClaims?, topLevel topLevelClaims: [JUnitHandler.SuiteClaims])
        -> JUnitHandler.SuiteClaims?
    {
        if rootClaims?.tests != nil { return rootClaims }
        guard !topLevelClaims.isEmpty else { return nil }
        return topLevelClaims.reduce(into: nil) { sum, claims in
            guard let tests = claims.tests else { return }
            var total = sum ?? JUnitHandler.SuiteClaims.zero
            total.tests = (total.tests ?? 0).saturatingAdd(tests)
            total.failures = (total.failures ?? 0).saturatingAdd(claims.failures ?? 0)
            total.errors = (total.errors ?? 0).saturatingAdd(claims.errors ?? 0)
            sum = total
        }
    }

    /// A warning when the stated totals disagree with the report's final counts.
    static func mismatch(
        _ claims: JUnitHandler.SuiteClaims?, _ report: TestReport, withAttributes: Bool = false
    ) -> Diagnostic? {
        guard let claims, let tests = claims.tests else { return nil }
        let unit = withAttributes ? "tests counted from testcases and suite attributes" : "<testcase> elements"
        let plural = withAttributes ? "tests" : "testcases"
        var differences: [String] = []
        if tests != report.total { differences.append("tests=\(tests) but \(report.total) \(unit)") }
        if let failures = claims.failures, failures != report.failed {
            differences.append("failures=\(failures) but \(report.failed) failed \(plural)")
        }
        if let errors = claims.errors, errors != report.errors {
            differences.append("errors=\(errors) but \(report.errors) erroring \(plural)")
        }
        guard !differences.isEmpty else { return nil }
        return Diagnostic(
            .warning, code: "junit.attribute-mismatch",
            message: "the suite attributes disagree with the testcases (" + differences.joined(separator: "; ")
                + "); gatecheck counts the testcases"
                + (claimsMore(claims, report)
                    ? ", and the failed-test and errored-test gates also count the failures and errors the attributes "
                        + "state beyond them" : ""))
    }

    /// Whether the attributes state failures or errors where no testcase failed.
    private static func claimsMore(_ claims: JUnitHandler.SuiteClaims, _ report: TestReport) -> Bool {
        report.failed == 0 && report.errors == 0 && (claims.failures ?? 0).saturatingAdd(claims.errors ?? 0) > 0
    }
}
