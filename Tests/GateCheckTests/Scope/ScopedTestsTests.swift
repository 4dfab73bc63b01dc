@_spi(Internals) import GateCheck
import Testing

/// `scope` on tests gates, over pytest's reports of Fixtures/scope/project (NOTICE.md: 3 tests; the integration
/// test `tests.integration.test_export::test_export_runs` fails, the two unit tests pass), in both JUnit families.
@Suite("Scoped tests gates")
struct ScopedTestsTests {
    static func check(_ gates: String, file: String = "scope/junit-xunit2.xml") throws -> Verdict {
        let configuration = try Configuration(json: #"{"version": 1, "gates": [\#(gates)]}"#)
        let checker = GateChecker(configuration: configuration, today: try #require(Day("2026-12-03")))
        return checker.check([ReportInput(name: "junit.xml", bytes: try Fixtures.bytes(file))])
    }

    @Test(
        "a gate scoped to unit tests passes while an integration test fails",
        arguments: ["scope/junit-xunit2.xml", "scope/junit-xunit1.xml"])
    func unitScopePasses(_ file: String) throws {
        let verdict = try Self.check(
            #"""
            {"id": "unit", "metric": "tests.failed", "max": 0, "scope": {"paths": ["tests/unit/**"]}},
            {"id": "unit-total", "metric": "tests.total", "min": 1, "scope": {"paths": ["tests/unit/**"]}},
            {"id": "integration", "metric": "tests.failed", "max": 0, "scope": {"paths": ["tests/integration/**"]}},
            {"id": "all", "metric": "tests.failed", "max": 0}
            """#, file: file)
        let gates = Dictionary(uniqueKeysWithValues: verdict.gates.map { ($0.id, $0) })
        #expect(gates["unit"]?.status == .pass)
        #expect(gates["unit"]?.actual == .integer(0))
        #expect(gates["unit-total"]?.actual == .integer(2))
        #expect(gates["integration"]?.status == .fail)
        #expect(gates["integration"]?.failedTests.map(\.name) == ["test_export_runs"])
        #expect(gates["all"]?.actual == .integer(1))
        #expect(gates["unit"]?.message.contains("in scope paths `tests/unit/**`") == true)
    }

    @Test("a scope by class name glob")
    func classScope() throws {
        let verdict = try Self.check(
            #"""
            {"id": "unit", "metric": "tests.passed", "min": 2, "scope": {"classes": ["tests.unit.*"]}},
            {"id": "integration", "metric": "tests.failed", "max": 0, "scope": {"classes": ["tests.integration.*"]}}
            """#)
        let gates = Dictionary(uniqueKeysWithValues: verdict.gates.map { ($0.id, $0) })
        #expect(gates["unit"]?.actual == .integer(2))
        #expect(gates["unit"]?.message.contains("in scope classes `tests.unit.*`") == true)
        #expect(gates["integration"]?.actual == .integer(1))
    }

    @Test("a scope that matches no testcase is exit 2")
    func typoIsAnError() throws {
        let verdict = try Self.check(
            #"{"id": "unit", "metric": "tests.failed", "max": 0, "scope": {"paths": ["test/unit/**"]}}"#)
        #expect(verdict.gates.first?.status == .error)
        #expect(verdict.gates.first?.message.contains("matches no testcase") == true)
        #expect(verdict.exitCode == 2)
    }

    @Test("a testcase without a file (not pytest, no file attribute) makes a paths scope exit 2")
    func unplacedRefuses() throws {
        // surefire writes neither a file attribute nor pytest's suite name.
        let xml = #"""
            <testsuite name="com.example.CalcTest" tests="1"><testcase classname="com.example.CalcTest" name="adds"/></testsuite>
            """#
        let configuration = try Configuration(
            json:
                #"{"version": 1, "gates": [{"id": "u", "metric": "tests.failed", "max": 0, "scope": {"paths": ["src/test/**"]}}]}"#
        )
        let checker = GateChecker(configuration: configuration, today: try #require(Day("2026-12-03")))
        let verdict = checker.check([ReportInput(name: "TEST-calc.xml", bytes: Array(xml.utf8))])
        #expect(verdict.gates.first?.status == .error)
        #expect(verdict.gates.first?.message.contains("1 testcase(s) have no file") == true)
    }

    @Test("failures a summary states but no testcase shows make a scoped failure gate exit 2, not a pass")
    func statedFailuresRefuse() throws {
        let xml = #"<testsuites tests="1" failures="1"><testsuite name="s" tests="1" failures="1">"#
            + #"<testcase classname="tests.unit.test_a" name="t" file="tests/unit/test_a.py"/></testsuite></testsuites>"#
        let configuration = try Configuration(
            json: #"{"version": 1, "gates": [{"id": "u", "metric": "tests.failed", "max": 0, "scope": {"classes": ["tests.*"]}}]}"#
        )
        let checker = GateChecker(configuration: configuration, today: try #require(Day("2026-12-03")))
        let verdict = checker.check([ReportInput(name: "junit.xml", bytes: Array(xml.utf8))])
        #expect(verdict.gates.first?.status == .error && verdict.exitCode == 2)
        #expect(verdict.gates.first?.message.contains("no testcase shows") == true)
    }

    @Test("tests counted from suite attributes alone make any scope exit 2, by class or by file")
    func attributeCountsRefuse() throws {
        let xml = #"<testsuite name="legacy" tests="3" failures="1"/>"#
        for scope in [#"{"classes": ["tests.*"]}"#, #"{"paths": ["tests/**"]}"#] {
            let configuration = try Configuration(
                json: #"{"version": 1, "gates": [{"id": "u", "metric": "tests.failed", "max": 0, "scope": \#(scope)}]}"#
            )
            let checker = GateChecker(configuration: configuration, today: try #require(Day("2026-12-03")))
            let verdict = checker.check([ReportInput(name: "legacy.xml", bytes: Array(xml.utf8))])
            #expect(verdict.gates.first?.status == .error)
            #expect(verdict.gates.first?.message.contains("3 test(s) are counted from suite attributes") == true)
        }
    }

    @Test(
        "pytest's classname names its test module",
        arguments: [
            ("tests.unit.test_total", "tests/unit/test_total.py"),
            ("tests.unit.test_total.TestTotal", "tests/unit/test_total.py"),
            ("pkg.calc_test.TestA.TestB", "pkg/calc_test.py"),
            ("test_flat", "test_flat.py"),
        ])
    func pytestFile(_ className: String, _ file: String) {
        #expect(TestPlace.pytestFile(className: className) == file)
    }

    @Test("a classname without a test module names no file")
    func pytestFileUnknown() {
        #expect(TestPlace.pytestFile(className: "tests.unit.checks.TestX") == nil)
    }

    @Test("ConfigurationWriter writes scope and per_file, and reads them back to the same gates")
    func writerRoundTrip() throws {
        let configuration = try Configuration(
            json: #"""
                {"version": 1, "gates": [
                  {"id": "a", "metric": "tests.failed", "max": 0, "scope": {"classes": ["tests.unit.*"]}},
                  {"id": "b", "metric": "findings.high", "max": 0, "scope": {"paths": ["src/**"]}},
                  {"id": "c", "metric": "coverage.line_rate", "min": 0.8, "per_file": true}
                ]}
                """#)
        let written = ConfigurationWriter.json(gates: configuration.gates)
        #expect(try Configuration(json: written).gates == configuration.gates)
        #expect(written.contains(#""scope": {"classes": ["tests.unit.*"]}"#))
    }

    @Test("per_file, both paths and classes, and a scoped duration are refused in gates.json")
    func refused() {
        for gate in [
            #"{"id": "t", "metric": "tests.failed", "max": 0, "scope": {"paths": ["t/**"]}, "per_file": true}"#,
            #"{"id": "t", "metric": "tests.failed", "max": 0, "scope": {"paths": ["t/**"], "classes": ["t.*"]}}"#,
            #"{"id": "t", "metric": "tests.duration_seconds", "max": 9, "scope": {"paths": ["t/**"]}}"#,
            #"{"id": "t", "metric": "coverage.line_rate", "min": 0.5, "scope": {"classes": ["t.*"]}}"#,
        ] {
            #expect(throws: ConfigurationError.self) {
                try Configuration(json: #"{"version": 1, "gates": [\#(gate)]}"#)
            }
        }
    }
}
