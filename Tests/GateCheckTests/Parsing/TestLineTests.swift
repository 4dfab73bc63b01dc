@_spi(Internals) import GateCheck
import Testing

/// Failing tests carry a 1-based line for annotations: pytest's xunit1 `line` is 0-based, other emitters' 1-based.
struct TestLineTests {
    @Test("pytest xunit1: the line of the test function, counted from 1")
    func pytest() throws {
        let report = try Fixtures.tests(try Fixtures.bytes("pytest/outcomes-xunit1.xml"))
        let failure = try #require(report.failures.first { $0.name == "test_fails_assertion" })
        #expect(failure.lineIsZeroBased && failure.line == 15 && failure.sourceLine == 16)
        let source = String(decoding: try Fixtures.bytes("pytest/source/test_outcomes.py"), as: UTF8.self)
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[15] == "def test_fails_assertion():")
    }

    @Test("another emitter's line is already 1-based")
    func otherEmitters() throws {
        let xml =
            #"<testsuites name="catch2"><testsuite name="unit"><testcase classname="a" name="t" file="a.cpp" line="10"><failure message="x"/></testcase></testsuite></testsuites>"#
        let failure = try #require(try Fixtures.tests(Array(xml.utf8)).failures.first)
        #expect(!failure.lineIsZeroBased && failure.sourceLine == 10)
    }
}
