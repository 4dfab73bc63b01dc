import Foundation
@_spi(Internals) import GateCheck
import Testing

/// What a pass requires of the gates (issue 11): a judged blocking gate, and test reports that hold tests, whatever
/// the other reports hold.
@Suite("What a pass requires")
struct WhatAPassRequiresTests {
    private static func cost(_ usd: String) -> LoadedReport {
        let value = Decimal(string: usd)
        let report = CostReport(format: "total_cost", statedTotal: value, parts: [], costUSD: value)
        return LoadedReport(path: "llm-cost.json", kind: .llmCost, content: .llmCost(report))
    }

    @Test("Only a warning gate judged (a cost report at 7 USD under the built-in gates) is exit 2, naming the gate")
    func onlyWarningJudged() throws {
        let verdict = GateEngine.evaluate(
            ReportSet(reports: [Self.cost("7")]), configuration: .builtIn, today: Build.today)
        #expect(try #require(verdict.gates.first { $0.id == "llm-cost" }).status == .warn)
        #expect(verdict.status == .error && verdict.exitCode == 2)
        let diagnostic = try #require(verdict.diagnostics.first { $0.code == "verdict.nothing-judged" })
        #expect(diagnostic.severity == .error && diagnostic.message.contains("llm-cost"))
    }

    @Test(
        "A run passes only when a blocking gate was judged, whatever the warning gates say",
        arguments: [0, 9])
    func warningsNeverSuffice(_ failed: Int) {
        // A warn gate that passes or warns, beside a blocking gate that is skipped: still nothing blocking judged.
        let verdict = Build.evaluate(
            [Build.tests(total: 10, failed: failed)],
            [
                Build.gate("warn-failed", .tests(.failed), max: "5", level: .warn),
                Build.gate("coverage", .coverage(.lineRate), min: "0.8", required: false),
            ])
        #expect(verdict.gates.map(\.status).contains(.skipped))
        #expect(verdict.exitCode == 2)
        #expect(verdict.diagnostics.contains { $0.code == "verdict.nothing-judged" })
    }

    @Test("A judged blocking gate beside the warning gate makes the same run pass")
    func blockingJudgedPasses() {
        let verdict = Build.evaluate(
            [Build.tests(total: 10, failed: 1)],
            [
                Build.gate("warn-failed", .tests(.failed), max: "0", level: .warn),
                Build.gate("present", .tests(.total), min: "1"),
            ])
        #expect(verdict.gates.map(\.status) == [.warn, .pass])
        #expect(verdict.exitCode == 0)
    }

    @Test("A gates.json whose gates are all warnings is valid, with a warning that every run will be exit 2")
    func allWarnConfiguration() throws {
        let text = #"{"version": 1, "gates": [{"id": "c", "metric": "llm.cost_usd", "max": 5, "level": "warn"}]}"#
        guard case .success(let configuration) = ConfigurationDecoder.decode(Array(text.utf8), file: "g.json") else {
            Issue.record("refused")
            return
        }
        #expect(configuration.warnings.map(\.code) == ["config.no-blocking-gate"])
        let verdict = GateEngine.evaluate(
            ReportSet(reports: [Self.cost("1")]), configuration: configuration, today: Build.today)
        #expect(verdict.exitCode == 2)
    }

    @Test(
        "A test report with no test is named and makes every tests gate error, beside good reports or alone",
        arguments: [[0], [0, 12], [12, 0, 3]], Metric.Tests.allCases)
    func emptyTestReport(_ totals: [Int], _ metric: Metric.Tests) throws {
        let reports = totals.enumerated().map { Build.tests("shard-\($0.offset).xml", total: $0.element) }
        let verdict = Build.evaluate(reports, [Build.gate("g", .tests(metric), max: "1000000")])
        let gate = try #require(verdict.gates.first)
        #expect(gate.status == .error && verdict.exitCode == 2)
        let empty = "shard-\(try #require(totals.firstIndex(of: 0))).xml"
        #expect(gate.message.contains(empty) && gate.message.contains("no test at all"))
        #expect(gate.message.contains("\"required\": false"))
    }

    @Test(
        "When every test was skipped, failure gates cannot be judged; counts stay judged; one test that ran is enough",
        arguments: Metric.Tests.allCases)
    func allSkipped(_ metric: Metric.Tests) throws {
        let gate = Build.gate("g", .tests(metric), max: "1000000")
        let skipped = Build.evaluate([Build.tests("a.xml", total: 3, skipped: 3)], [gate])
        let noFailures = metric == .failed || metric == .errors
        #expect((skipped.gates[0].status == .error) == noFailures, "\(skipped.gates[0].message)")
        if noFailures { #expect(skipped.gates[0].message.contains("all 3 test(s) in the reports were skipped")) }
        let shards = [Build.tests("a.xml", total: 3, skipped: 3), Build.tests("b.xml", total: 1)]
        #expect(Build.evaluate(shards, [gate]).gates[0].status == .pass)
        #expect(Build.evaluate([Build.tests("c.xml", total: 4, skipped: 3)], [gate]).gates[0].status == .pass)
    }

    @Test(
        "Failures a JUnit summary states where no testcase failed fail the gates; failing testcases keep their figures",
        arguments: [
            (#"<testsuites tests="2" failures="2"><testsuite name="s" tests="2" failures="2">"#, 2, 0),
            (#"<testsuites tests="2" errors="1"><testsuite name="s" tests="2" errors="1">"#, 0, 1),
            (#"<testsuites tests="2" failures="1" errors="1"><testsuite name="s" tests="2">"#, 1, 1),
            (#"<testsuites tests="2" failures="0" errors="0"><testsuite name="s" tests="2">"#, 0, 0),
            (
                #"<testsuites><testsuite name="s" tests="3" failures="5"><testcase classname="t" name="x"><failure/>"#
                    + "</testcase>", 1, 0
            ),
        ])
    func statedFailuresUnseen(_ head: String, failed: Int, errors: Int) throws {
        let document =
            head + #"<testcase classname="t" name="a"/><testcase classname="t" name="b"/>"#
            + "</testsuite></testsuites>"
        var source = BytesSource(document)
        let parsed = try JUnitParser.parse(&source)
        let report = LoadedReport(path: "junit.xml", kind: .junit, content: .tests(parsed.report))
        let verdict = Build.evaluate(
            [report], [Build.gate("f", .tests(.failed), max: "0"), Build.gate("e", .tests(.errors), max: "0")])
        #expect(verdict.gates[0].actual == .integer(failed))
        #expect(verdict.gates[1].actual == .integer(errors))
        #expect(verdict.exitCode == (failed + errors > 0 ? 1 : 0))
        if failed > 0, !head.contains("<failure/>") {
            #expect(verdict.gates[0].details.last?.contains("suite attributes state") == true)
        }
        // A suite-level <failure> that the attributes file under errors is one failing test, not two.
        var moved = BytesSource(
            #"<testsuite name="s" tests="2" errors="1" failures="0"><testcase classname="t" name="a"/>"#
                + #"<failure message="setUpClass"/></testsuite>"#)
        let suiteLevel = try JUnitParser.parse(&moved).report
        #expect(suiteLevel.statedFailuresUnseen + suiteLevel.statedErrorsUnseen == 0)
    }

    @Test(
        "Failures that NUnit, xUnit.net or TRX totals state where no test result failed fail the gate",
        arguments: [
            (
                ReportKind.nunit,
                #"<test-run total="2" failed="1"><test-case name="a" result="Passed"/>"#
                    + #"<test-case name="b" result="Passed"/></test-run>"#
            ),
            (
                .xunit,
                #"<assemblies><assembly total="2" failed="1"><collection><test name="a" result="Pass"/>"#
                    + #"<test name="b" result="Pass"/></collection></assembly></assemblies>"#
            ),
            (
                .trx,
                #"<TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010"><ResultSummary>"#
                    + #"<Counters total="2" executed="2" passed="1" failed="1"/></ResultSummary><Results>"#
                    + #"<UnitTestResult testName="a" outcome="Passed"/><UnitTestResult testName="b" outcome="Passed"/>"#
                    + "</Results></TestRun>"
            ),
        ])
    func dotNetStatedFailuresUnseen(_ kind: ReportKind, _ document: String) throws {
        var source = BytesSource(document)
        let parsed = try DotNetTestParser.parse(kind, from: &source)
        #expect(parsed.report.failed == 0 && parsed.report.statedFailuresUnseen == 1)
        let report = LoadedReport(path: "r.xml", kind: kind, content: .tests(parsed.report))
        let verdict = Build.evaluate([report], [Build.gate("f", .tests(.failed), max: "0")])
        #expect(verdict.gates[0].status == .fail && verdict.gates[0].actual == .integer(1))
    }

    @Test("Test reports that all hold tests are summed and judged as before")
    func shardsWithTests() {
        let verdict = Build.evaluate(
            [Build.tests("a.xml", total: 3), Build.tests("b.xml", total: 1, failed: 1)],
            [Build.gate("failed", .tests(.failed), max: "0")])
        #expect(verdict.gates[0].status == .fail && verdict.gates[0].actual == .integer(1))
    }

    @Test("A required gate that lists kinds needs a report of each; an optional one is judged on those present")
    func requiredKinds() throws {
        let bandit = try readFindings(.bandit, #"{"results": [], "errors": []}"#)
        var gate = Build.gate("deps", .findings(.total), max: "0")
        gate.kinds = [.bandit, .pipAudit]
        let required = Build.evaluate([bandit], [gate])
        #expect(required.gates[0].status == .error && required.exitCode == 2)
        #expect(required.gates[0].message.contains("pip-audit"))
        gate.required = false
        #expect(Build.evaluate([bandit], [gate]).exitCode == 0)
    }
}
