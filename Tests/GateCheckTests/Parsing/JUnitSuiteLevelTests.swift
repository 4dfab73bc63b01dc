@_spi(Internals) import GateCheck
import Testing

/// A `<failure>` or `<error>` outside every `<testcase>` is a failing test, as Jenkins counts it: Ant's formatter
/// writes a class that fails to load, or an exception in `@BeforeClass`, as `<error>` directly under `<testsuite>`.
struct JUnitSuiteLevelTests {
    static func parse(_ document: String) throws -> TestReport {
        var source = BytesSource(document)
        return try JUnitParser.parse(&source).report
    }

    @Test(
        "a suite-level <error> or <failure> beside passing testcases is one failing test named <init>",
        arguments: ["error", "failure"])
    func suiteLevelBesidePassing(_ element: String) throws {
        let report = try Self.parse(
            """
            <testsuite name="com.example.DbTest" tests="2" errors="1" failures="0">
              <testcase classname="com.example.DbTest" name="a"/>
              <\(element) message="Connection refused" type="java.sql.SQLException">java.sql.SQLException
                at com.example.DbTest.setUpClass(DbTest.java:12)</\(element)>
              <testcase classname="com.example.DbTest" name="b"/>
              <system-err>log</system-err>
            </testsuite>
            """)
        #expect(report.total == 3)
        #expect(report.passed == 2)
        #expect(report.errors + report.failed == 1)
        #expect(element == "error" ? report.errors == 1 : report.failed == 1)
        let failure = try #require(report.failures.first)
        #expect(failure.displayName == "com.example.DbTest::<init>")
        #expect(failure.message == "Connection refused")
    }

    @Test("the failure text is the message when there is no message attribute, and the suite counts once")
    func suiteLevelWithoutTestcases() throws {
        let report = try Self.parse(
            """
            <testsuites><testsuite name="S" tests="0" errors="1"><error>ClassNotFoundException: S
            more</error><error>second</error></testsuite>
            <testsuite name="T" tests="1"><testcase name="t"/></testsuite></testsuites>
            """)
        #expect(report.total == 2)
        #expect(report.errors == 1)
        #expect(report.failures.map(\.displayName) == ["S::<init>"])
        #expect(report.failures.first?.message == "ClassNotFoundException: S")
    }

    @Test("a suite-level error also fails a suite whose attributes alone would pass")
    func attributeOnlySuite() throws {
        let report = try Self.parse(
            "<testsuite name=\"S\" tests=\"5\" failures=\"0\" errors=\"0\"><error message=\"boom\"/></testsuite>")
        #expect(report.errors == 1)
        #expect(report.failures.count == 1)
    }

    @Test("an <error> directly under the root <testsuites> counts too")
    func rootLevel() throws {
        let report = try Self.parse(
            "<testsuites><error message=\"runner crashed\"/><testsuite name=\"S\"><testcase name=\"t\"/></testsuite>"
                + "</testsuites>")
        #expect(report.errors == 1)
        #expect(report.passed == 1)
    }

    @Test("suite-level <system-out>, <system-err>, <properties> and <skipped> change no count")
    func harmlessSuiteChildren() throws {
        let report = try Self.parse(
            """
            <testsuite name="S" tests="1"><properties><property name="p" value="v"/></properties>
            <skipped message="whole suite"/><system-out>out</system-out><system-err>err</system-err>
            <testcase name="t"/></testsuite>
            """)
        #expect(report.total == 1 && report.passed == 1 && report.failures.isEmpty)
    }
}
