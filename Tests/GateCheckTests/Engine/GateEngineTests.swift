import Foundation
@_spi(Internals) import GateCheck
import Testing

struct GateEngineTests {
    @Test("a rate on the threshold passes, one below it fails, compared exactly")
    func boundaries() {
        let gate = Build.gate("line", .coverage(.lineRate), min: "0.80")
        #expect(Build.evaluate([Build.coverage(covered: 4, of: 5)], [gate]).status == .pass)
        #expect(Build.evaluate([Build.coverage(covered: 3999, of: 5000)], [gate]).status == .fail)
        #expect(Build.evaluate([Build.summaryCoverage(covered: 80_000_000, of: 100_000_000)], [gate]).status == .pass)
        #expect(Build.evaluate([Build.summaryCoverage(covered: 79_999_999, of: 100_000_000)], [gate]).status == .fail)
    }

    @Test("a failing rate just below the threshold is never shown as the threshold itself")
    func displayNeverHidesAFailure() throws {
        let gate = Build.gate("line", .coverage(.lineRate), min: "0.8")
        let verdict = Build.evaluate([Build.summaryCoverage(covered: 7_999_999, of: 10_000_000)], [gate])
        let result = try #require(verdict.gates.first)
        #expect(result.status == .fail)
        #expect(result.message.contains("is 0.7999999 (7999999/10000000)"))
        let rounded = Build.evaluate(
            [Build.summaryCoverage(covered: 2, of: 3)], [Build.gate("l", .coverage(.lineRate), min: "0.6")])
        #expect(rounded.gates[0].message.contains("is ≈0.6667 (2/3)"))
    }

    @Test("a coverage report with no lines cannot be judged (exit 2), never a pass")
    func zeroDenominatorCoverage() throws {
        let verdict = Build.evaluate(
            [Build.coverage(covered: 0, of: 0)], [Build.gate("line", .coverage(.lineRate), min: "0.8")])
        #expect(verdict.status == .error && verdict.exitCode == 2)
        #expect(try #require(verdict.gates.first).message.contains("0 lines valid"))
    }

    @Test("a test report without tests cannot show 'no failures' nor a count (exit 2)")
    func zeroDenominatorTests() {
        let verdict = Build.evaluate(
            [Build.tests(total: 0)],
            [Build.gate("failed", .tests(.failed), max: "0"), Build.gate("present", .tests(.total), min: "1")])
        #expect(verdict.gates.map(\.status) == [.error, .error])
        #expect(verdict.exitCode == 2)
    }

    @Test("a required report that is missing is exit 2; an optional one is skipped")
    func missingReports() {
        let required = Build.evaluate([], [Build.gate("line", .coverage(.lineRate), min: "0.8")])
        #expect(required.gates[0].status == .error && required.exitCode == 2)
        let optional = Build.evaluate(
            [Build.tests(total: 3)],
            [
                Build.gate("line", .coverage(.lineRate), min: "0.8", required: false),
                Build.gate("t", .tests(.total), min: "1"),
            ])
        #expect(optional.gates[0].status == .skipped && optional.exitCode == 0)
    }

    @Test("a run in which every gate is skipped judged nothing: exit 2, never a pass")
    func nothingJudged() {
        let optional = [Build.gate("line", .coverage(.lineRate), min: "0.8", required: false)]
        for reports in [[], [Build.tests(total: 3)]] {
            let verdict = Build.evaluate(reports, optional)
            #expect(verdict.gates[0].status == .skipped)
            #expect(verdict.status == .error && verdict.exitCode == 2)
            #expect(verdict.diagnostics.map(\.code) == ["verdict.nothing-judged"])
        }
    }

    @Test("an unreadable report makes its gates unjudgeable even when another report of the kind is fine")
    func brokenReportPoisonsItsKind() {
        let broken = FailedReport(path: "b.xml", kind: .cobertura, error: .truncated(at: FilePosition(line: 9)))
        let verdict = Build.evaluate(
            [Build.coverage(covered: 9, of: 10)], [Build.gate("line", .coverage(.lineRate), min: "0.8")],
            failed: [broken])
        #expect(verdict.gates[0].status == .error)
        #expect(verdict.exitCode == 2)
        #expect(verdict.diagnostics.contains { $0.file == "b.xml" && $0.line == 9 && $0.severity == .error })
    }

    @Test("an unreadable report fails the verdict even when no gate reads its kind")
    func brokenReportAlwaysCounts() {
        let broken = FailedReport(path: "x.json", kind: nil, error: .empty)
        let verdict = Build.evaluate(
            [Build.tests(total: 3)], [Build.gate("failed", .tests(.failed), max: "0")], failed: [broken])
        #expect(verdict.gates[0].status == .pass)
        #expect(verdict.status == .error)
    }

    @Test("a warning gate that fails is 'warn' and does not change the exit code")
    func warnLevel() {
        // A blocking gate is judged too: a run with only warnings judged is exit 2 (WhatAPassRequiresTests).
        let verdict = Build.evaluate(
            [Build.tests(total: 5, failed: 1)],
            [
                Build.gate("failed", .tests(.failed), max: "0", level: .warn),
                Build.gate("present", .tests(.total), min: "1"),
            ])
        #expect(verdict.gates[0].status == .warn)
        #expect(verdict.exitCode == 0)
    }

    @Test("failing tests are named in the gate's details and kept in the result")
    func failingTestsNamed() throws {
        let verdict = Build.evaluate(
            [Build.tests(total: 5, failed: 2)], [Build.gate("failed", .tests(.failed), max: "0")])
        let gate = try #require(verdict.gates.first)
        #expect(gate.failedTests.map(\.name) == ["test_0", "test_1"])
        #expect(gate.details.first == "tests.test_x::test_0: assert 0 == 1")
    }

    @Test("several test reports are summed; several coverage reports merged by line")
    func aggregation() throws {
        let verdict = Build.evaluate(
            [
                Build.tests("a.xml", total: 3, failed: 1), Build.tests("b.xml", total: 4),
                Build.coverage("c1.xml", covered: 2, of: 4), Build.coverage("c2.xml", covered: 3, of: 4),
            ],
            [Build.gate("total", .tests(.total), min: "7"), Build.gate("line", .coverage(.lineRate), min: "0.75")])
        #expect(verdict.gates[0].actual == .integer(7))
        // Lines 1-3 are hit in c2 and 1-2 in c1: the union hits 3 of 4.
        #expect(verdict.gates[1].actual == .ratio(numerator: 3, denominator: 4))
        #expect(verdict.gates.allSatisfy { $0.status == .pass })
    }

    @Test("the verdict is the same whatever order the reports arrive in")
    func determinism() {
        let reports = [
            Build.tests("z.xml", total: 3, failed: 1), Build.tests("a.xml", total: 4, errors: 1),
            Build.coverage("m.xml", covered: 7, of: 9),
        ]
        let gates = Configuration.builtInGates
        let first = GateEngine.evaluate(
            ReportSet(reports: reports), configuration: Configuration(gates: gates), today: Build.today)
        let second = GateEngine.evaluate(
            ReportSet(reports: reports.reversed()), configuration: Configuration(gates: gates), today: Build.today)
        #expect(first == second)
        #expect(OutputFormat.json.reporter().render(first) == OutputFormat.json.reporter().render(second))
    }

    @Test("with the built-in defaults every absent kind is skipped and nothing is required")
    func defaults() {
        let verdict = GateEngine.evaluate(
            ReportSet(reports: [Build.tests(total: 2)]), configuration: .builtIn, today: Build.today)
        #expect(verdict.status == .pass)
        #expect(verdict.gates.filter { $0.status == .skipped }.count == Configuration.builtInGates.count - 3)
        #expect(Configuration.builtInGates.allSatisfy { !$0.required })
    }

    @Test("a summary-only coverage report cannot be merged with line data: cannot judge")
    func summaryOnlyMerge() {
        var summary = CoverageSummary()
        summary.lineRate = 0.9
        let summaryOnly = LoadedReport(
            path: "old.xml", kind: .cobertura, content: .coverage(CoverageReport(summary: summary)))
        let verdict = Build.evaluate(
            [Build.coverage(covered: 9, of: 10), summaryOnly], [Build.gate("line", .coverage(.lineRate), min: "0.8")])
        #expect(verdict.gates[0].status == .error)
        #expect(verdict.gates[0].message.contains("old.xml"))
    }

    @Test("branch coverage without branch data is 'not measured', so a branch gate cannot be judged")
    func branchNotMeasured() {
        let verdict = Build.evaluate(
            [Build.coverage(covered: 9, of: 10)], [Build.gate("branch", .coverage(.branchRate), min: "0.5")])
        #expect(verdict.gates[0].status == .error)
        #expect(verdict.gates[0].message.contains("branch coverage was not measured"))
    }
}
