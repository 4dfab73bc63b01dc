@_spi(Internals) import GateCheck
import Testing

/// Findings gates through the engine: selectors, kinds, the built-in defaults and `findings.not_audited`.
@Suite("Findings gates")
struct FindingsGateTests {
    /// Every fixture report, 16 findings: Bandit (1 high, 1 low), pip-audit (2 unknown, 1 fixable, 1 not audited),
    /// Trivy JSON (2 critical, 1 high, 1 low), SARIF (Trivy 2, Lint 6).
    private static func reports() throws -> ReportSet {
        ReportSet(reports: [
            try readFindings(.bandit, SecurityFixtures.bandit),
            try readFindings(.pipAudit, SecurityFixtures.pipAudit),
            try readFindings(.trivyJSON, SecurityFixtures.trivy),
            try readFindings(.sarif, SecurityFixtures.sarif),
        ])
    }

    private func decode(_ gates: String) throws -> Configuration {
        let text = #"{"version": 1, "gates": ["# + gates + "]}"
        switch ConfigurationDecoder.decode(Array(text.utf8), file: "gates.json") {
        case .success(let configuration): return configuration
        case .failure(let error):
            Issue.record("configuration rejected: \(error)")
            throw error
        }
    }

    private func actual(_ gate: String) throws -> MetricValue? {
        let verdict = GateEngine.evaluate(try Self.reports(), configuration: try decode(gate), today: testToday)
        return verdict.gates.first?.actual
    }

    @Test(
        "Selectors narrow the count",
        arguments: [
            (#"{"id": "g", "metric": "findings.total", "max": 0}"#, 16),
            (#"{"id": "g", "metric": "findings.total", "max": 0, "min_severity": "high"}"#, 8),
            (#"{"id": "g", "metric": "findings.critical", "max": 0}"#, 3),
            (#"{"id": "g", "metric": "findings.unknown", "max": 0}"#, 3),
            (#"{"id": "g", "metric": "findings.total", "max": 0, "min_confidence": "high"}"#, 1),
            (#"{"id": "g", "metric": "findings.total", "max": 0, "fixable_only": true}"#, 3),
            (#"{"id": "g", "metric": "findings.total", "max": 0, "tools": ["Trivy"]}"#, 6),
            (#"{"id": "g", "metric": "findings.total", "max": 0, "tools": ["trivy"], "kinds": ["sarif"]}"#, 2),
            (#"{"id": "g", "metric": "findings.total", "max": 0, "kinds": ["bandit", "pip-audit"]}"#, 4),
            (#"{"id": "g", "metric": "findings.high", "max": 0, "kinds": ["sarif"], "min_severity": "low"}"#, 3),
            (#"{"id": "g", "metric": "findings.not_audited", "max": 0}"#, 2),
            (#"{"id": "g", "metric": "findings.not_audited", "max": 0, "kinds": ["pip-audit"]}"#, 1),
        ])
    func selectors(_ gate: String, _ expected: Int) throws {
        #expect(try actual(gate) == .integer(expected))
    }

    @Test("findings.not_audited refuses severity selectors, which cannot apply to it")
    func notAuditedSelectors() {
        let text =
            #"{"version": 1, "gates": [{"id": "g", "metric": "findings.not_audited", "max": 0, "min_severity": "high"}]}"#
        guard case .failure(let error) = ConfigurationDecoder.decode(Array(text.utf8), file: "gates.json") else {
            Issue.record("accepted min_severity on findings.not_audited")
            return
        }
        #expect(error.problems.first?.keyPath == "gates[0].min_severity")
    }

    @Test("A failing findings gate lists its findings most severe first, with fix versions")
    func failingGateListsFindings() throws {
        let verdict = GateEngine.evaluate(
            try Self.reports(), configuration: try decode(#"{"id": "g", "metric": "findings.total", "max": 0}"#),
            today: testToday)
        let gate = try #require(verdict.gates.first)
        #expect(gate.status == .fail && verdict.exitCode == 1)
        #expect(gate.findings.map(\.severity) == gate.findings.map(\.severity).sorted(by: >))
        #expect(gate.findings.first?.severity == .critical)
        #expect(gate.details.contains("CRITICAL CVE-2024-0001 in musl 1.2.4 (fix: 1.2.4-r1, 1.2.5) [trivy]"))
        #expect(gate.details.last == "… 16 finding(s) in all")
        #expect(gate.findings.allSatisfy { $0.fingerprint.count == 16 })
    }

    @Test("Built-in gates: high or critical anywhere fails; a known-vulnerable dependency fails; absent kinds skip")
    func defaults() throws {
        let verdict = GateEngine.evaluate(try Self.reports(), configuration: .builtIn, today: testToday)
        let status = Dictionary(uniqueKeysWithValues: verdict.gates.map { ($0.id, $0.status) })
        #expect(status["high-severity-findings"] == .fail)
        #expect(status["vulnerable-dependencies"] == .fail)
        #expect(status["line-coverage"] == .skipped)

        let clean = try readFindings(.pipAudit, #"{"dependencies": [{"name": "a", "version": "1", "vulns": []}]}"#)
        let lowOnly = try readFindings(.bandit, #"{"results": [{"test_id": "B110", "issue_severity": "LOW"}]}"#)
        let passing = GateEngine.evaluate(
            ReportSet(reports: [clean, lowOnly]), configuration: .builtIn, today: testToday)
        #expect(passing.status == .pass)
        #expect(passing.gates.first { $0.id == "high-severity-findings" }?.actual == .integer(0))

        let unknownDependency = try readFindings(.pipAudit, SecurityFixtures.pipAuditLegacy)
        let failing = GateEngine.evaluate(
            ReportSet(reports: [unknownDependency]), configuration: .builtIn, today: testToday)
        // pip-audit has no severity: the high-severity gate passes, the dependency gate fails.
        #expect(failing.gates.first { $0.id == "high-severity-findings" }?.status == .pass)
        #expect(failing.gates.first { $0.id == "vulnerable-dependencies" }?.status == .fail)
    }

    @Test("Reports list every findings metric, and the fingerprint ignores the line")
    func reportMetricsAndFingerprint() throws {
        let verdict = GateEngine.evaluate(try Self.reports(), configuration: .builtIn, today: testToday)
        let bandit = try #require(verdict.reports.first { $0.kind == .bandit })
        #expect(Set(bandit.metrics.keys) == Set(Metric.Findings.allCases.map(Metric.findings)))
        #expect(bandit.metrics[.findings(.notAudited)] == .integer(1))
        let moved = SecurityFixtures.bandit.replacing("\"line_number\": 3", with: "\"line_number\": 30")
        let before = try findings(try readFindings(.bandit, SecurityFixtures.bandit)).findings.first!
        let after = try findings(try readFindings(.bandit, moved)).findings.first!
        #expect(before.location?.line != after.location?.line && before.fingerprint == after.fingerprint)
    }

    @Test("A report keeps at most 200 counted findings by value, the most severe, and counts them all")
    func keptFindings() throws {
        var results: [String] = []
        for index in 0..<1_000 {
            let severity = index == 777 ? "HIGH" : (index % 2 == 0 ? "MEDIUM" : "LOW")
            results.append(#"{"test_id": "B\#(index)", "issue_severity": "\#(severity)", "filename": "f.py"}"#)
        }
        let report = try findings(try readFindings(.bandit, #"{"results": [\#(results.joined(separator: ","))]}"#))
        #expect(report.findings.count == FindingsReport.keptLimit)
        #expect(report.findings.first?.id == "B777")
        #expect(report.findings.dropFirst().allSatisfy { $0.severity == .medium })
        #expect(report.severityCounts == [.high: 1, .medium: 500, .low: 499])
    }
}
