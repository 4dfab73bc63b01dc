extension JUnitHandler {
    /// What a suite's attributes claim, used when it has no testcase and for the mismatch warning.
    struct SuiteClaims {
        var tests: Int?
        var failures: Int?
        var errors: Int?
        var skipped: Int?
        var time: Double?
        var contributed = false
        /// A count attribute above ``countLimit`` (the name of the first), which no real suite has.
        var implausible: String?

        /// The largest count a suite attribute may claim: far above any real suite, and small enough that summing
        /// the claims of every suite a report can hold never overflows.
        static let countLimit = 1 << 32

        init(_ attributes: XMLAttributes) {
            var implausible: String?
            func count(_ name: StaticString) -> Int? {
                guard let value = attributes.value(name)?.nonNegativeInteger else { return nil }
                guard value <= Self.countLimit else {
                    if implausible == nil { implausible = "\(name)='\(value)'" }
                    return Self.countLimit
                }
                return value
            }
            tests = count("tests")
            failures = count("failures")
            errors = count("errors")
            let disabled = count("disabled")
            let skippedCount = count("skipped")
            skipped = skippedCount.map { $0 + (disabled ?? 0) } ?? disabled
            time = attributes.value("time")?.double
            self.implausible = implausible
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
    static func warnings(
        root rootClaims: JUnitHandler.SuiteClaims?, topLevel topLevelClaims: [JUnitHandler.SuiteClaims],
        counted report: TestReport, attributeOnlySuites: Int
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if attributeOnlySuites > 0 {
            diagnostics.append(
                Diagnostic(
                    .note, code: "junit.attribute-totals",
                    message: "\(attributeOnlySuites) test suite(s) have no <testcase> elements; their tests/failures/"
                        + "errors/skipped attributes were counted instead"))
        }
        let claims: JUnitHandler.SuiteClaims? =
            rootClaims?.tests != nil ? rootClaims : topLevelClaims.isEmpty ? nil : topLevelClaims.reduce(into: nil) {
                sum, claims in
                guard let tests = claims.tests else { return }
                var total = sum ?? JUnitHandler.SuiteClaims.zero
                total.tests = (total.tests ?? 0) + tests
                total.failures = (total.failures ?? 0) + (claims.failures ?? 0)
                total.errors = (total.errors ?? 0) + (claims.errors ?? 0)
                sum = total
            }
        guard let claims, let tests = claims.tests, attributeOnlySuites == 0 else { return diagnostics }
        var differences: [String] = []
        if tests != report.total { differences.append("tests=\(tests) but \(report.total) <testcase> elements") }
        if let failures = claims.failures, failures != report.failed {
            differences.append("failures=\(failures) but \(report.failed) failed testcases")
        }
        if let errors = claims.errors, errors != report.errors {
            differences.append("errors=\(errors) but \(report.errors) erroring testcases")
        }
        if !differences.isEmpty {
            diagnostics.append(
                Diagnostic(
                    .warning, code: "junit.attribute-mismatch",
                    message: "the suite attributes disagree with the testcases (" + differences.joined(separator: "; ")
                        + "); gatecheck counts the testcases"))
        }
        return diagnostics
    }
}
