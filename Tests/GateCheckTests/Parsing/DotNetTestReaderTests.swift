import Foundation
@_spi(Internals) import GateCheck
import Testing

/// NUnit 3, xUnit.net v2 and TRX files written by the real runners (from dorny/test-reporter and
/// EnricoMi/publish-unit-test-result-action; see each fixture folder's NOTICE) read with the runners' own figures:
/// the root totals, the action's expected-results file or dorny's rendered summary.
struct DotNetTestReaderTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        var kind: ReportKind
        var file: String
        var total: Int
        var passed: Int
        /// Failed and errored together: NUnit's and the actions' "failed".
        var failing: Int
        var skipped: Int
        var testDescription: String { file }
    }

    static let expected: [Expected] = [
        // dorny: "9 tests ... 3 passed, 5 failed and 1 skipped"; the test-run: total=9 passed=3 failed=5 skipped=1.
        Expected(kind: .nunit, file: "nunit/dotnet-nunit.xml", total: 9, passed: 3, failing: 5, skipped: 1),
        // NUnit's own sample: total=18 passed=12 failed=2 inconclusive=1 skipped=3 (inconclusive counted skipped).
        Expected(kind: .nunit, file: "nunit/nunit-sample.xml", total: 18, passed: 12, failing: 2, skipped: 4),
        // EnricoMi .results: suite_tests=150 suite_failures=144 suite_skipped=0.
        Expected(kind: .nunit, file: "nunit/NUnit-issue44527.xml", total: 150, passed: 6, failing: 144, skipped: 0),
        Expected(kind: .nunit, file: "nunit/NUnit-issue50162.xml", total: 6, passed: 3, failing: 3, skipped: 0),
        Expected(kind: .nunit, file: "nunit/NUnit-issue33493.xml", total: 2, passed: 1, failing: 0, skipped: 1),
        Expected(kind: .xunit, file: "xunit/fixie.xml", total: 7, passed: 3, failing: 3, skipped: 1),
        Expected(kind: .xunit, file: "xunit/testcase1.xml", total: 3, passed: 1, failing: 1, skipped: 1),
        Expected(kind: .xunit, file: "xunit/testcase6.xml", total: 1, passed: 0, failing: 1, skipped: 0),
        // dorny: "11 tests ... 5 passed, 5 failed and 1 skipped".
        Expected(kind: .trx, file: "trx/dotnet-trx.trx", total: 11, passed: 5, failing: 5, skipped: 1),
        // dorny: "4 tests ... 1 passed, 3 failed and 0 skipped".
        Expected(kind: .trx, file: "trx/dotnet-xunitv3.trx", total: 4, passed: 1, failing: 3, skipped: 0),
        Expected(kind: .trx, file: "trx/pickles.trx", total: 4, passed: 3, failing: 1, skipped: 0),
        Expected(kind: .trx, file: "trx/NUnit-net461-sample.trx", total: 6, passed: 2, failing: 3, skipped: 1),
        Expected(kind: .trx, file: "trx/xUnit-netcoreapp3.1-sample.trx", total: 6, passed: 2, failing: 3, skipped: 1),
        // Read only after the reader was written (EnricoMi's SilentNotes.results: 79 tests, 12 skipped).
        Expected(kind: .trx, file: "trx/SilentNotes.trx", total: 79, passed: 67, failing: 0, skipped: 12),
    ]

    static func read(_ kind: ReportKind, _ bytes: [UInt8], chunkSize: Int = .max) throws(ReportError) -> ParsedTests {
        var source = BytesSource(bytes, chunkSize: chunkSize)
        return try DotNetTestParser.parse(kind, from: &source)
    }

    @Test(
        "detected by content and counted as the runner counts, with no disagreement with its totals",
        arguments: expected)
    func producerFigures(_ expected: Expected) throws {
        let bytes = try Fixtures.bytes(expected.file)
        #expect(ReportDetector.detect(prefix: bytes, isWholeFile: true) == .report(expected.kind))
        for chunkSize in [1, 4096, Int.max] {
            let parsed = try Self.read(expected.kind, bytes, chunkSize: chunkSize)
            let report = parsed.report
            #expect(report.total == expected.total)
            #expect(report.passed == expected.passed)
            #expect(report.failed + report.errors == expected.failing)
            #expect(report.skipped == expected.skipped)
            #expect(report.failures.count + report.failuresOmitted == report.failed + report.errors)
            #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        }
    }

    @Test("the expected-results files of EnricoMi's action state the figures asserted above")
    func expectedResultsFiles() throws {
        let withResults =
            Self.expected.filter { $0.file.contains("NUnit-") || $0.file.contains("xunit/") }
            + Self.expected.filter {
                $0.file == "trx/pickles.trx" || $0.file.hasPrefix("trx/xUnit-") || $0.file == "trx/SilentNotes.trx"
            }
        #expect(withResults.count == 10)
        for expected in withResults {
            let path = expected.file.replacingOccurrences(of: ".xml", with: ".results")
                .replacingOccurrences(of: ".trx", with: ".results")
            let results = String(decoding: try Fixtures.bytes(path), as: UTF8.self)
            #expect(results.contains("suite_tests=\(expected.total),"), "\(expected.file)")
            #expect(results.contains("suite_failures=\(expected.failing),"), "\(expected.file)")
        }
    }

    @Test("NUnit's `result=\"Failed\" label=\"Error\"` is an error, a plain failure a failure, named with its message")
    func nunitErrorsAndNames() throws {
        let report = try Self.read(.nunit, try Fixtures.bytes("nunit/dotnet-nunit.xml")).report
        #expect(report.failed == 3)
        #expect(report.errors == 2)
        let failing = try #require(report.failures.first { $0.state == .failed })
        #expect(failing.className == "DotnetTests.XUnitTests.CalculatorTests")
        #expect(!failing.name.isEmpty)
        #expect(!failing.message.isEmpty)
    }

    @Test("failing TRX and xUnit tests are named with the first line of their message")
    func failuresNamed() throws {
        let trx = try Self.read(.trx, try Fixtures.bytes("trx/dotnet-trx.trx")).report
        #expect(trx.failures.count == 5)
        #expect(trx.failures.allSatisfy { !$0.name.isEmpty && !$0.message.isEmpty })
        let xunit = try Self.read(.xunit, try Fixtures.bytes("xunit/fixie.xml")).report
        #expect(xunit.failures.count == 3)
        #expect(xunit.failures.allSatisfy { !$0.name.isEmpty })
    }

    @Test("an outcome the format does not define is refused at its line; totals that disagree are a warning")
    func unknownOutcomeAndMismatch() throws {
        let unknown = #"<test-run total="1">"# + "\n" + #"<test-case name="t" result="Maybe"/></test-run>"#
        do {
            _ = try Self.read(.nunit, Array(unknown.utf8))
            Issue.record("an unknown outcome was read")
        } catch {
            #expect(error.code == "report.invalid-value")
            #expect(error.location?.line == 2)
        }
        let mismatch =
            #"<assemblies><assembly total="3" failed="0"><collection><test name="t" result="Pass"/>"#
            + "</collection></assembly></assemblies>"
        let parsed = try Self.read(.xunit, Array(mismatch.utf8))
        #expect(parsed.report.total == 1)
        #expect(parsed.diagnostics.map(\.code) == ["xunit.totals-mismatch"])
    }

    @Test("an xUnit error outside any test (a failing fixture) is an errored test")
    func xunitErrors() throws {
        let text =
            #"<assemblies><assembly total="1" errors="1"><errors><error type="fixture-cleanup" name="Demo">"#
            + "<failure><message>boom</message></failure></error></errors>"
            + #"<collection><test name="t" result="Pass"/></collection></assembly></assemblies>"#
        let parsed = try Self.read(.xunit, Array(text.utf8))
        #expect(parsed.report.total == 2)
        #expect(parsed.report.errors == 1)
        #expect(parsed.report.failures.first?.message == "boom")
        #expect(parsed.diagnostics.isEmpty)
    }

    @Test("TRX durations are .NET TimeSpans")
    func timeSpans() throws {
        let report = try Self.read(.trx, try Fixtures.bytes("trx/dotnet-trx.trx")).report
        #expect(report.invalidTimes == 0)
        #expect(report.durationSeconds > 0)
        #expect(report.durationSeconds < 60)
    }

    @Test("a run whose own outcome is a failure with no failing test (a crashed test host) is one errored test")
    func runFailedWithoutFailingTest() throws {
        let aborted = try Self.read(.trx, try Fixtures.bytes("trx/dotnet-trx-run-aborted.trx"))
        #expect(aborted.report.passed == 1)
        #expect(aborted.report.errors == 1)
        #expect(aborted.report.failures.first?.name == "<TestRun>")
        #expect(aborted.report.failures.first?.message.contains("Test host process crashed") == true)
        #expect(aborted.diagnostics.map(\.code) == ["trx.run-failed"])
        let nunit =
            #"<test-run total="0" failed="0" result="Failed"><test-suite type="Assembly" result="Failed" "#
            + #"label="Invalid"/></test-run>"#
        let parsed = try Self.read(.nunit, Array(nunit.utf8))
        #expect(parsed.report.errors == 1)
        #expect(parsed.diagnostics.map(\.code) == ["nunit.run-failed"])
        let passed = #"<test-run total="1" result="Passed"><test-case name="t" result="Passed"/></test-run>"#
        #expect(try Self.read(.nunit, Array(passed.utf8)).report.errors == 0)
    }

    @Test(
        "a TRX `Aborted` test is an error, not a skip (EnricoMi's action says 21 skipped; the run's outcome is Error)")
    func abortedIsAnError() throws {
        let results = String(decoding: try Fixtures.bytes("trx/yami_YAMILEX.results"), as: UTF8.self)
        #expect(results.contains("suite_tests=25,") && results.contains("suite_skipped=21,"))
        let parsed = try Self.read(.trx, try Fixtures.bytes("trx/yami_YAMILEX.trx"))
        #expect(parsed.report.total == 25)
        #expect(parsed.report.skipped == 20)
        #expect(parsed.report.errors == 1)
        #expect(parsed.report.failed == 2)
        #expect(parsed.diagnostics.isEmpty)
    }
}
