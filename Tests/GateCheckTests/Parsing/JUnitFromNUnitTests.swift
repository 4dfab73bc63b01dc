import Foundation
@_spi(Internals) import GateCheck
import Testing

/// Issue 16, first fidelity class: JUnit written from NUnit (EnricoMi/publish-unit-test-result-action's transform
/// of `NUnit-issue44527.xml`, see Fixtures/junit-from-nunit/NOTICE) gives parameterised methods a suite with
/// `tests="1"` and no testcase beside the suite holding their case; gatecheck counted those attributes again.
struct JUnitFromNUnitTests {
    static func parse(_ text: String) throws -> ParsedTests {
        var source = BytesSource(text)
        return try JUnitParser.parse(&source)
    }

    @Test("the producer's total: 150 tests, 144 failed (root attributes and the action's expected results)")
    func producerTotal() throws {
        let bytes = try Fixtures.bytes("junit-from-nunit/NUnit-issue44527.junit.xml")
        let results = String(decoding: try Fixtures.bytes("junit-from-nunit/NUnit-issue44527.results"), as: UTF8.self)
        #expect(results.contains("suite_tests=150,") && results.contains("suite_failures=144,"))
        var source = BytesSource(bytes)
        let parsed = try JUnitParser.parse(&source)
        #expect(parsed.report.total == 150)
        #expect(parsed.report.failed == 144)
        #expect(parsed.report.passed == 6)
        #expect(parsed.diagnostics.map(\.code) == ["junit.attribute-repeats"])
        // The same run read from NUnit's own XML gives the same figures.
        var nunit = BytesSource(try Fixtures.bytes("nunit/NUnit-issue44527.xml"))
        let own = try DotNetTestParser.parse(.nunit, from: &nunit).report
        #expect(own.total == parsed.report.total)
        #expect(own.failed + own.errors == parsed.report.failed + parsed.report.errors)
    }

    static func document(root: String, attributeOnlyTests: Int) -> String {
        """
        <testsuites \(root)>
          <testsuite name="a" tests="2" failures="1">
            <testcase classname="a" name="one"/>
            <testcase classname="a" name="two"><failure message="boom"/></testcase>
          </testsuite>
          <testsuite name="b" tests="\(attributeOnlyTests)" failures="0"/>
        </testsuites>
        """
    }

    @Test("attribute-only suites that the root total confirms are counted")
    func confirmedByRoot() throws {
        let parsed = try Self.parse(Self.document(root: #"tests="5" failures="1""#, attributeOnlyTests: 3))
        #expect(parsed.report.total == 5)
        #expect(parsed.diagnostics.map(\.code) == ["junit.attribute-totals"])
    }

    @Test("attribute-only suites that repeat what the testcases give are not counted again")
    func repeatsDropped() throws {
        let parsed = try Self.parse(Self.document(root: #"tests="2" failures="1""#, attributeOnlyTests: 3))
        #expect(parsed.report.total == 2)
        #expect(parsed.report.failed == 1)
        #expect(parsed.diagnostics.map(\.code) == ["junit.attribute-repeats"])
    }

    @Test("a disagreement that remains is counted as before and said in a warning")
    func disagreementSaid() throws {
        let parsed = try Self.parse(Self.document(root: #"tests="9" failures="1""#, attributeOnlyTests: 3))
        #expect(parsed.report.total == 5)
        #expect(parsed.diagnostics.map(\.code) == ["junit.attribute-totals", "junit.attribute-mismatch"])
        let warning = try #require(parsed.diagnostics.last)
        #expect(warning.message.contains("tests=9") && warning.message.contains("5 tests counted"))
    }

    @Test("without stated totals, attribute-only suites still count (a suite-only report stays readable)")
    func noRootTotals() throws {
        let parsed = try Self.parse(
            #"<testsuites><testsuite name="s" tests="4" failures="1"/></testsuites>"#)
        #expect(parsed.report.total == 4)
        #expect(parsed.report.failed == 1)
    }
}
