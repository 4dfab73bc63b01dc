@_spi(Internals) import GateCheck
import Testing

/// Every JUnit file of the shared corpus, counted by `<testcase>` elements with the priority
/// error > failure > skipped > passed, against the facts its MANIFEST row states.
@Suite(.enabled(if: Corpus.isAvailable, Corpus.absenceReason))
struct JUnitCorpusTests {
    struct Expectation: Sendable, CustomTestStringConvertible {
        var path: String
        var total: Int
        var failed: Int
        var errors: Int
        var skipped: Int
        var flaky = 0
        var note = ""
        var testDescription: String { path }
    }

    private static let e = "junit/publish-unit-test-result-action/"
    private static let d = "junit/test-reporter/"
    private static let m = "junit/action-junit-report/"
    private static let g = "junit/go-junit-report/"

    static let expectations: [Expectation] = [
        Expectation(path: e + "junit.fail.xml", total: 5, failed: 1, errors: 0, skipped: 1),
        Expectation(path: e + "junit.gloo.elastic.spark.tf.xml", total: 22, failed: 0, errors: 0, skipped: 2),
        Expectation(path: e + "no-attributes.xml", total: 4, failed: 1, errors: 1, skipped: 1),
        Expectation(path: e + "minimal-attributes.xml", total: 4, failed: 1, errors: 1, skipped: 1),
        Expectation(path: e + "no-cases.xml", total: 0, failed: 0, errors: 0, skipped: 0),
        Expectation(
            path: e + "no-cases-but-tests.xml", total: 6, failed: 1, errors: 0, skipped: 2,
            note: "the suite has no <testcase>, so its attributes (tests=6 skipped=2 failures=1) are counted"),
        Expectation(path: e + "empty-system-out-err.xml", total: 1, failed: 0, errors: 0, skipped: 0),
        Expectation(path: e + "testsuite-in-testsuite.xml", total: 5, failed: 0, errors: 0, skipped: 0),
        Expectation(path: e + "testsuite-root.xml", total: 5, failed: 0, errors: 0, skipped: 0),
        Expectation(path: e + "unsupported-unicode.xml", total: 7, failed: 2, errors: 2, skipped: 2),
        Expectation(path: e + "with-xml-entities.xml", total: 4, failed: 1, errors: 1, skipped: 2),
        Expectation(
            path: e + "junit.multiresult.xml", total: 4, failed: 1, errors: 1, skipped: 1,
            note: "testcases carry several results; each counts once at its most severe (EnricoMi agrees)"),
        Expectation(
            path: e + "TEST-uk.co.gresearch.spark.diff.DiffOptionsSuite.xml", total: 5, failed: 0, errors: 0, skipped: 0
        ),
        Expectation(path: e + "latex-utensils.xml", total: 109, failed: 0, errors: 0, skipped: 0),
        Expectation(path: e + "jest-junit.xml", total: 2, failed: 0, errors: 0, skipped: 0),
        Expectation(path: e + "suite-logs.xml", total: 1, failed: 0, errors: 1, skipped: 0),
        Expectation(
            path: e + "xunit.xml", total: 2, failed: 0, errors: 0, skipped: 0,
            note: "EDGE: the root claims tests=173; the two testcases are what ran (a mismatch warning is given)"),
        Expectation(
            path: e + "disabled.xml", total: 31, failed: 19, errors: 1, skipped: 5,
            note: "EnricoMi reports 5 'disabled'; gatecheck counts status=disabled as skipped"),
        Expectation(path: e + "dotnet-trx.trx-to-junit.xml", total: 11, failed: 5, errors: 0, skipped: 1),
        Expectation(path: e + "NUnit-net461-sample.trx-to-junit.xml", total: 6, failed: 3, errors: 0, skipped: 1),
        Expectation(path: e + "pickles.trx-to-junit.xml", total: 4, failed: 1, errors: 0, skipped: 0),
        Expectation(path: e + "yami_YAMILEX.trx-to-junit.xml", total: 25, failed: 2, errors: 0, skipped: 21),
        Expectation(
            path: e + "NUnitUnicode.nunit-to-junit.xml", total: 1, failed: 1, errors: 0, skipped: 0,
            note: "the root claims tests=4 over nested suites holding one testcase"),
        Expectation(path: e + "fixie.xunit-to-junit.xml", total: 7, failed: 3, errors: 0, skipped: 1),
        Expectation(path: e + "dart-tests.json-to-junit.xml", total: 20, failed: 1, errors: 2, skipped: 1),
        Expectation(path: e + "mocha-tests.json-to-junit.xml", total: 5, failed: 1, errors: 1, skipped: 1),
        Expectation(path: e + "FluentValidation.Tests.trx-to-junit.xml", total: 804, failed: 0, errors: 0, skipped: 1),
        Expectation(
            path: d + "python-xunit-pytest.xml", total: 10, failed: 2, errors: 0, skipped: 2,
            note: "dorny: 10 tests, 6 passed, 2 failed, 2 skipped"),
        Expectation(
            path: d + "python-xunit-unittest.xml", total: 8, failed: 1, errors: 1, skipped: 2,
            note: "dorny reports 2 failed because it folds <error> into failed; gatecheck keeps them apart"),
        Expectation(path: d + "jest-junit.xml", total: 6, failed: 4, errors: 0, skipped: 1),
        Expectation(path: d + "jest-junit-eslint.xml", total: 1, failed: 0, errors: 0, skipped: 0),
        Expectation(path: d + "junit-with-message.xml", total: 1, failed: 1, errors: 0, skipped: 0),
        Expectation(path: d + "swift-xunit.xml", total: 3, failed: 1, errors: 0, skipped: 0),
        Expectation(path: d + "phpunit.xml", total: 12, failed: 2, errors: 0, skipped: 0),
        Expectation(path: d + "tester-v1.7-report.xml", total: 65, failed: 1, errors: 0, skipped: 3),
        Expectation(
            path: d + "TEST-org.apache.pulsar.AddMissingPatchVersionTest.xml", total: 2, failed: 1, errors: 0,
            skipped: 1),
        Expectation(path: d + "pulsar-test-report.xml", total: 808, failed: 1, errors: 0, skipped: 14),
        Expectation(path: d + "empty_failures.xml", total: 3, failed: 1, errors: 0, skipped: 0),
        Expectation(path: d + "empty-java-junit.xml", total: 0, failed: 0, errors: 0, skipped: 0),
        Expectation(path: d + "empty-jest-junit.xml", total: 0, failed: 0, errors: 0, skipped: 0),
        Expectation(path: d + "empty-jest-junit-empty-testsuite.xml", total: 0, failed: 0, errors: 0, skipped: 0),
        Expectation(path: d + "empty-phpunit.xml", total: 0, failed: 0, errors: 0, skipped: 0),
        Expectation(
            path: d + "jest-test-errors-results.xml", total: 2, failed: 0, errors: 2, skipped: 0,
            note: "dorny: 2 failed (it folds errors into failed)"),
        Expectation(path: d + "jest-test-results-large.xml", total: 4239, failed: 2, errors: 0, skipped: 30),
        Expectation(
            path: m + "surefire-report.xml", total: 1, failed: 0, errors: 0, skipped: 0, flaky: 1,
            note: "a <flakyFailure> only: the test passed on rerun, so it passes and counts as flaky"),
        Expectation(
            path: m + "flaky_with_classname_file.xml", total: 5, failed: 1, errors: 1, skipped: 0,
            note: "mikepenz with retry handling merges same-named testcases (3 tests, 2 retried); gatecheck counts "
                + "every <testcase> element, so failed attempts stay visible"),
        Expectation(
            path: m + "flaky_all_failures.xml", total: 3, failed: 2, errors: 1, skipped: 0,
            note: "mikepenz merges the three attempts into 1 failed test; gatecheck counts three failing elements"),
        Expectation(
            path: m + "flaky_success_first.xml", total: 3, failed: 1, errors: 1, skipped: 0,
            note: "mikepenz keeps the first success; gatecheck counts the failing attempts, which fail the gate"),
        Expectation(path: m + "marathon_junit_report.xml", total: 1, failed: 0, errors: 0, skipped: 0, flaky: 1),
        Expectation(path: m + "mixed_flaky_and_passed.xml", total: 3, failed: 0, errors: 0, skipped: 0, flaky: 1),
        Expectation(
            path: m + "report.xml", total: 4, failed: 1, errors: 0, skipped: 1,
            note: "mikepenz reports totalCount=3 with one retried test merged"),
        Expectation(
            path: m + "nested-junit.xml", total: 5, failed: 3, errors: 0, skipped: 0,
            note: "mikepenz asserts totalCount=5 too"),
        Expectation(
            path: m + "multi-level.xml", total: 3, failed: 0, errors: 0, skipped: 0,
            note: "EDGE: the root claims tests=57; mikepenz also trusts the three testcases"),
        Expectation(path: m + "testEmpty.xml", total: 0, failed: 0, errors: 0, skipped: 0),
        Expectation(path: m + "testFailure.xml", total: 4, failed: 1, errors: 0, skipped: 0),
        Expectation(path: m + "xunit-report.xml", total: 4, failed: 1, errors: 0, skipped: 0),
        Expectation(path: m + "catch2-report.xml", total: 1, failed: 1, errors: 0, skipped: 0),
        Expectation(
            path: m + "container-structure-test.xml", total: 3, failed: 0, errors: 0, skipped: 0,
            note: "the root claims tests=8; mikepenz asserts totalCount=3 like gatecheck"),
        Expectation(path: m + "perl-result.xml", total: 1, failed: 0, errors: 0, skipped: 0),
        Expectation(path: m + "nextest-basic.xml", total: 3, failed: 1, errors: 0, skipped: 0),
        Expectation(
            path: m + "testDisabled.xml", total: 22, failed: 4, errors: 2, skipped: 10,
            note: "mikepenz: totalCount=22 skipped=10 (status=disabled counted as skipped), as gatecheck"),
        Expectation(
            path: m + "testFailedDisabled.xml", total: 1, failed: 1, errors: 0, skipped: 0,
            note: "mikepenz counts this status=disabled testcase as skipped although it holds a <failure>; "
                + "gatecheck's priority puts a failure above skipped, so a failure is never hidden"),
        Expectation(
            path: m + "test_multiple_failures.xml", total: 4, failed: 2, errors: 0, skipped: 1,
            note: "one testcase with three <failure> elements is one failed test (mikepenz agrees)"),
        Expectation(
            path: m + "test_multiple_errors.xml", total: 3, failed: 0, errors: 2, skipped: 0,
            note: "mikepenz reports failed=2 (errors folded into failed)"),
        Expectation(
            path: m + "TEST-action.surefire.report.email.EmailAddressTest.xml", total: 9, failed: 2, errors: 5,
            skipped: 0),
        Expectation(
            path: m + "TEST-action.surefire.report.calc.CalcUtilsTest.xml", total: 2, failed: 2, errors: 0, skipped: 0),
        Expectation(path: m + "pytest-report.xml", total: 3, failed: 2, errors: 0, skipped: 0),
        Expectation(path: m + "marathon-DummyUtilTest-test_01_dummy.xml", total: 1, failed: 1, errors: 0, skipped: 0),
        Expectation(path: g + "001-report.xml", total: 5, failed: 1, errors: 0, skipped: 2),
        Expectation(path: g + "012-report.xml", total: 11, failed: 4, errors: 0, skipped: 1),
        Expectation(path: g + "013-report.xml", total: 5, failed: 0, errors: 3, skipped: 0),
        Expectation(path: g + "014-report.xml", total: 2, failed: 0, errors: 2, skipped: 0),
        Expectation(path: g + "015-report.xml", total: 0, failed: 0, errors: 0, skipped: 0),
        Expectation(path: g + "017-report.xml", total: 1, failed: 1, errors: 0, skipped: 0),
        Expectation(path: g + "022-report.xml", total: 3, failed: 0, errors: 0, skipped: 0),
        Expectation(path: g + "034-report.xml", total: 0, failed: 0, errors: 0, skipped: 0),
        Expectation(path: g + "039-report.xml", total: 1, failed: 0, errors: 0, skipped: 0),
        Expectation(path: g + "102-report.xml", total: 1, failed: 0, errors: 1, skipped: 0),
        Expectation(path: "junit/trivy/alpine-310.junit.golden", total: 4, failed: 4, errors: 0, skipped: 0),
        Expectation(path: "junit/analysis-model/junit.xml", total: 6, failed: 2, errors: 0, skipped: 0),
        Expectation(path: "junit/analysis-model/junit-skipped.xml", total: 5, failed: 0, errors: 0, skipped: 1),
        Expectation(path: "junit/analysis-model/issue64117.junit", total: 3, failed: 0, errors: 1, skipped: 0),
    ]

    /// Files that must be rejected, and the error each must give.
    static let malformed: [(path: String, code: String)] = [
        (e + "corrupt-xml.xml", "report.truncated"),
        (e + "empty.xml", "report.empty"),
        (e + "non-xml.xml", "report.malformed"),
        (e + "non-junit.xml", "report.wrong-kind"),
        (m + "TEST-test.CorruptTest.xml", "report.truncated"),
        (m + "expectedRetries.xml", "report.malformed"),
    ]

    @Test("every JUnit file in the manifest is either expected or rejected here")
    func everyFileIsCovered() {
        let listed = Set(Corpus.entries("junit").map(\.path))
        let covered = Set(Self.expectations.map(\.path) + Self.malformed.map(\.path))
        #expect(listed == covered)
    }

    @Test("testcase counts", arguments: expectations)
    func counts(_ expectation: Expectation) throws {
        var source = BytesSource(try Corpus.bytes(expectation.path))
        let report = try JUnitParser.parse(&source).report
        #expect(report.total == expectation.total, "\(expectation.note)")
        #expect(report.failed == expectation.failed, "\(expectation.note)")
        #expect(report.errors == expectation.errors, "\(expectation.note)")
        #expect(report.skipped == expectation.skipped, "\(expectation.note)")
        #expect(report.flaky == expectation.flaky)
        #expect(report.passed == report.total - report.failed - report.errors - report.skipped)
        #expect(report.failures.count + report.failuresOmitted == report.failed + report.errors)
    }

    @Test("malformed and wrong-kind files are rejected with the right error", arguments: malformed.map(\.path))
    func rejects(_ path: String) throws {
        let expected = try #require(Self.malformed.first { $0.path == path }).code
        var source = BytesSource(try Corpus.bytes(path))
        #expect {
            _ = try JUnitParser.parse(&source)
        } throws: { error in
            (error as? ReportError)?.code == expected
        }
    }

    @Test("a truncated file is rejected with its position, although partial totals were seen")
    func truncatedHasPosition() throws {
        var source = BytesSource(try Corpus.bytes(Self.e + "corrupt-xml.xml"))
        do {
            _ = try JUnitParser.parse(&source)
            Issue.record("a truncated file was accepted")
        } catch {
            #expect(error.location?.line == 11)
        }
    }

    @Test("attribute totals that disagree with the testcases give a warning naming both numbers")
    func mismatchWarning() throws {
        var source = BytesSource(try Corpus.bytes(Self.m + "multi-level.xml"))
        let parsed = try JUnitParser.parse(&source)
        let warning = try #require(parsed.diagnostics.first { $0.code == "junit.attribute-mismatch" })
        #expect(warning.message.contains("tests=57") && warning.message.contains("3 <testcase>"))
    }

    @Test("failing tests are kept with their class, name and message")
    func failuresAreNamed() throws {
        var source = BytesSource(try Corpus.bytes(Self.m + "pytest-report.xml"))
        let report = try JUnitParser.parse(&source).report
        #expect(report.failures.count == 2)
        #expect(report.failures.allSatisfy { !$0.name.isEmpty && !$0.message.isEmpty })
    }

    @Test("time attributes with thousands separators and exponents are summed")
    func durations() throws {
        var source = BytesSource(
            """
            <testsuite><testcase name="a" time="1,234.5"/><testcase name="b" time="4.5e-05"/></testsuite>
            """)
        let report = try JUnitParser.parse(&source).report
        #expect(abs(report.durationSeconds - 1234.500045) < 1e-9)
    }
}
