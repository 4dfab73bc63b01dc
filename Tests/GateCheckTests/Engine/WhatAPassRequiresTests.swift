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
