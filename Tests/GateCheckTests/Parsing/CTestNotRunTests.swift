import Foundation
@_spi(Internals) import GateCheck
import Testing

/// `ctest --output-junit` writes a test CTest did not run (its executable was never built, a fixture failed) as a
/// skipped testcase, while CTest itself counts it as failed; gatecheck counts it as CTest does (Fixtures/ctest, a real
/// run of CTest 4.4.5).
struct CTestNotRunTests {
    @Test("a CTest test whose executable was not built is failed, as CTest counts it; its real skips stay skipped")
    func notRunIsFailed() throws {
        var source = BytesSource(try Fixtures.bytes("ctest/ctest-notrun.xml"))
        let report = try JUnitParser.parse(&source).report
        // CTest's own summary of the run: "67% tests passed, 1 tests failed out of 3" (the disabled test aside).
        #expect(report.total == 4)
        #expect(report.passed == 1)
        #expect(report.failed == 1)
        #expect(report.skipped == 2)
        #expect(report.failures.map(\.name) == ["missing_binary"])
        #expect(report.failures.first?.message.contains("Unable to find executable") == true)
    }

    @Test(
        "only status=\"notrun\" with a skipped element that is not CTest's own skip fails",
        arguments: [
            (#"status="notrun"><skipped message="Fixture dependency failed"/>"#, 1),
            (#"status="notrun"><skipped message=""/>"#, 1),
            (#"status="notrun"><skipped message="SKIP_REGULAR_EXPRESSION_MATCHED"/>"#, 0),
            (#"status="notrun"><skipped/>"#, 0),
            // Google Test's disabled test: notrun without a <skipped> element.
            (#"status="notrun" result="suppressed">"#, 0),
            (#"status="run" result="skipped"><skipped message="Unable to connect"/>"#, 0),
        ])
    func rule(testcase: String, failed: Int) throws {
        var source = BytesSource(
            #"<testsuite name="s" tests="2"><testcase name="ok"/><testcase name="t" "# + testcase
                + "</testcase></testsuite>")
        let report = try JUnitParser.parse(&source).report
        #expect(report.failed == failed)
        #expect(report.skipped == 1 - failed)
    }
}
