@_spi(Internals) import GateCheck
import Testing

/// pytest's JUnit output for every outcome (written by the real pytest, `scripts/generate-pytest-fixtures.sh`)
/// against pytest's own terminal summary. docs/pytest-outcomes.md explains each mapping.
struct PytestOutcomeTests {
    @Test(
        "the sample runs: failed, errors and skipped (+ xfailed) equal pytest's summary exactly",
        arguments: ["passing", "failing"])
    func sampleRunsMatchPytest(_ set: String) throws {
        let summary = try Fixtures.json("sample-totals/\(set).pytest-summary.json")
        let report = try Fixtures.tests(try Fixtures.projectFile("sample-reports/\(set)/junit.xml"))
        #expect(report.failed == summary["failed"] as? Int)
        #expect(report.errors == summary["errors"] as? Int)
        #expect(report.skipped == (summary["skipped"] as? Int ?? 0) + (summary["xfailed"] as? Int ?? 0))
        #expect(report.passed == (summary["passed"] as? Int ?? 0) + (summary["xpassed"] as? Int ?? 0))
    }

    @Test(
        "collection errors: the errors equal pytest's",
        arguments: ["collection-error-xunit1", "collection-error-xunit2", "collection-error-continue-xunit2"])
    func collectionErrors(_ name: String) throws {
        let summary = try Fixtures.json("pytest/\(name).summary.json")
        let report = try Fixtures.tests(try Fixtures.bytes("pytest/\(name).xml"))
        #expect(report.errors == summary["errors"] as? Int)
        #expect(report.failed == (summary["failed"] as? Int ?? 0))
        #expect(report.passed == (summary["passed"] as? Int ?? 0))
    }

    /// Every outcome at once. Errors always agree; the differences are the ones docs/pytest-outcomes.md names:
    /// two failing subtests are <failure> elements inside their parent's one testcase (pytest counts each), a
    /// skipped subtest marks its parent testcase skipped (pytest counts the parent passed), and a teardown error
    /// after a passing call is one testcase with only <error> (pytest counts it passed and error).
    @Test(
        "all outcomes: errors equal pytest's; failed, skipped and passed differ only as documented",
        arguments: ["outcomes-xunit1", "outcomes-xunit2"])
    func allOutcomes(_ name: String) throws {
        let summary = try Fixtures.json("pytest/\(name).summary.json")
        let report = try Fixtures.tests(try Fixtures.bytes("pytest/\(name).xml"))
        let failed = try #require(summary["failed"] as? Int)
        let errors = try #require(summary["errors"] as? Int)
        let skipped = try #require(summary["skipped"] as? Int) + (summary["xfailed"] as? Int ?? 0)
        let passed = try #require(summary["passed"] as? Int) + (summary["xpassed"] as? Int ?? 0)
        #expect(report.errors == errors)
        #expect(report.failed == failed - 2, "two SUBFAILED subtests live inside one testcase")
        #expect(report.skipped == skipped + 1, "a skipped subtest marks its parent testcase skipped")
        #expect(report.passed == passed - 2, "the subtest parent and the teardown-error test are not passes here")
        #expect(report.total == 28)
    }

    @Test("a strict xpass is a failure, a plain xfail a skip")
    func xfailAndXpass() throws {
        let report = try Fixtures.tests(try Fixtures.bytes("pytest/outcomes-xunit2.xml"))
        #expect(report.failures.contains { $0.message.contains("XPASS(strict)") })
    }

    @Test("xunit1 keeps pytest's 0-based line and its file; xunit2 drops both")
    func xunitFamilies() throws {
        let one = try Fixtures.tests(try Fixtures.bytes("pytest/outcomes-xunit1.xml"))
        let two = try Fixtures.tests(try Fixtures.bytes("pytest/outcomes-xunit2.xml"))
        #expect(one.failures.allSatisfy { $0.file != nil && $0.line != nil })
        #expect(two.failures.allSatisfy { $0.file == nil && $0.line == nil })
        #expect(one.total == two.total && one.failed == two.failed && one.errors == two.errors)
    }
}
