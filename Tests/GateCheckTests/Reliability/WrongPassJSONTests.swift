import Foundation
@_spi(Internals) import GateCheck
import Testing

/// Wrong passes found by the fourth session's red team on JSON reports, baselines and histories: each input below
/// passed before (exit 0) and is now `error` (exit 2) or counted, never a pass.
@Suite("Wrong passes: JSON reports, baselines, histories")
struct WrongPassJSONTests {
    // MARK: - SARIF: a run that says it failed

    private static func sarif(invocations: String, results: String = "[]") -> String {
        """
        {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "semgrep"}}, "invocations": \(invocations),
          "results": \(results)}]}
        """
    }

    private static func builtIn(_ reports: [LoadedReport], _ ids: [String]) -> Verdict {
        let gates = Configuration.builtInGates.filter { ids.contains($0.id) }
        return GateEngine.evaluate(
            ReportSet(reports: reports), configuration: Configuration(gates: gates, isBuiltIn: true), today: testToday)
    }

    @Test(
        "A SARIF run whose invocation says executionSuccessful false is no clean scan: its findings gates are error",
        arguments: [
            #"[{"executionSuccessful": false}]"#,
            #"[{"executionSuccessful": true}, {"executionSuccessful": false, "exitCode": 2}]"#,
        ])
    func sarifFailedRun(_ invocations: String) throws {
        let report = try readFindings(.sarif, Self.sarif(invocations: invocations))
        #expect(try findings(report).notScanned.map(\.tool) == ["semgrep"])
        let verdict = Self.builtIn([report], ["high-severity-findings"])
        #expect(verdict.gates[0].status == .error && verdict.exitCode == 2)
        #expect(verdict.gates[0].message.contains("executionSuccessful: false"))
    }

    @Test("A SARIF run whose invocations succeeded, or that has none, is judged on its results as before")
    func sarifSucceededRun() throws {
        for invocations in [#"[{"executionSuccessful": true}]"#, "[]"] {
            let report = try readFindings(.sarif, Self.sarif(invocations: invocations))
            #expect(try findings(report).notScanned.isEmpty)
            #expect(Self.builtIn([report], ["high-severity-findings"]).exitCode == 0)
        }
    }

    @Test(
        "A SARIF suppression that is not an object (null, a string) is refused, not taken as an accepted suppression",
        arguments: ["[null]", #"["accepted"]"#, #"[{"kind": "external"}, 1]"#])
    func sarifSuppressionNotObject(_ suppressions: String) throws {
        let result = #"{"ruleId": "R1", "level": "error", "message": {"text": "x"}, "suppressions": \#(suppressions)}"#
        let text = Self.sarif(invocations: "[]", results: "[\(result)]")
        #expect(throws: ReportError.self) { try readFindings(.sarif, text) }
    }

    // MARK: - Trivy: an image report without any result

    @Test(
        "Trivy's own golden image scan whose skipped files left nothing to scan makes its findings gates error",
        .enabled(if: Corpus.isAvailable, Corpus.absenceReason))
    func trivyImageWithoutResults() throws {
        let report = try readFindings(.trivyJSON, try Corpus.bytes("trivy-json/trivy/alpine-39-skip.json.golden"))
        let reasons = try findings(report).notScanned.map(\.reason)
        #expect(reasons.count == 1 && reasons[0].contains("testdata/fixtures/images/alpine-39.tar.gz"))
        let verdict = Self.builtIn([report], ["high-severity-findings", "image-size"])
        #expect(verdict.gates.map(\.status) == [.error, .pass] && verdict.exitCode == 2)
    }

    @Test(
        "A clean Trivy image scan (an OS result without vulnerabilities) and a repository scan without results pass",
        .enabled(if: Corpus.isAvailable, Corpus.absenceReason),
        arguments: ["trivy-json/django-DefectDojo/scheme_2_no_vuln.json", "trivy-json/trivy/helm_badname.json.golden"])
    func trivyScanned(_ path: String) throws {
        let report = try readFindings(.trivyJSON, try Corpus.bytes(path))
        #expect(try findings(report).notScanned.isEmpty)
        #expect(Self.builtIn([report], ["high-severity-findings"]).exitCode == 0)
    }

    // MARK: - pip-audit: a dependency neither audited nor skipped

    @Test(
        "A pip-audit dependency with neither a vulns list nor a skip_reason is not audited, never clean",
        arguments: [
            #"{"name": "a", "version": "1.0"}"#, #"{"name": "a", "version": "1.0", "vulns": null}"#,
        ])
    func pipAuditNeitherAuditedNorSkipped(_ dependency: String) throws {
        let text = #"{"dependencies": [{"name": "b", "version": "2", "vulns": []}, \#(dependency)], "fixes": []}"#
        let report = try findings(try readFindings(.pipAudit, text))
        #expect(report.notAudited.count == 1 && report.notAudited[0].hasPrefix("a: "))
        let verdict = Self.builtIn(
            [try readFindings(.pipAudit, text)], ["vulnerable-dependencies", "not-audited"])
        #expect(verdict.gates.map(\.status) == [.pass, .fail] && verdict.exitCode == 1)
    }

    // MARK: - Bandit: no file scanned

    @Test(
        "A Bandit run that scanned no file (metrics with only _totals) makes its findings gates error",
        .enabled(if: Corpus.isAvailable, Corpus.absenceReason))
    func banditNothingScanned() throws {
        let report = try readFindings(.bandit, try Corpus.bytes("bandit/django-DefectDojo/no_vuln.json"))
        let reasons = try findings(report).notScanned.map(\.reason)
        #expect(reasons.count == 1 && reasons[0].contains("Bandit scanned no file"))
        let verdict = Self.builtIn([report], ["high-severity-findings"])
        #expect(verdict.gates[0].status == .error && verdict.exitCode == 2)
    }

    @Test("A Bandit report listing a scanned file, or without _totals, is judged as before")
    func banditScanned() throws {
        for metrics in [#"{"_totals": {"loc": 3}, "app.py": {"loc": 3}}"#, "{}"] {
            let text = #"{"errors": [], "metrics": \#(metrics), "results": []}"#
            let report = try readFindings(.bandit, text)
            #expect(try findings(report).notScanned.isEmpty)
            #expect(Self.builtIn([report], ["high-severity-findings"]).exitCode == 0)
        }
    }

    // MARK: - Safety: nothing checked

    @Test(
        "A Safety check report that found no package (unpinned requirements) makes its findings gates error",
        .enabled(if: Corpus.isAvailable, Corpus.absenceReason))
    func safetyNothingChecked() throws {
        // Safety's own report.json as `safety check -r requirements.txt --output json` writes it for a file of
        // unpinned requirements: packages_found 0 and nothing scanned, affected or vulnerable.
        var text = String(decoding: try Corpus.bytes("safety/safety/report.json"), as: UTF8.self)
        let original = try readFindings(.safety, text)
        #expect(try findings(original).notScanned.isEmpty)
        text = try Self.emptied(text)
        let report = try readFindings(.safety, text)
        let reasons = try findings(report).notScanned.map(\.reason)
        #expect(reasons.count == 1 && reasons[0].contains("report_meta.packages_found is 0"))
        let verdict = Self.builtIn([report], ["vulnerable-dependencies"])
        #expect(verdict.gates[0].status == .error && verdict.exitCode == 2)
    }

    /// The Safety report with no package found, as Safety writes it for unpinned requirements.
    private static func emptied(_ text: String) throws -> String {
        var object = try #require(
            JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        var meta = try #require(object["report_meta"] as? [String: Any])
        meta["packages_found"] = 0
        object["report_meta"] = meta
        object["scanned_packages"] = [String: Any]()
        object["affected_packages"] = [String: Any]()
        object["vulnerabilities"] = [Any]()
        object["ignored_vulnerabilities"] = [Any]()
        object["remediations"] = [String: Any]()
        return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    // MARK: - Diff coverage: paths that do not map

    /// coverage.py's real report of the src layout (written under /tmp/gatecheck-diff-fixtures), judged with a diff of
    /// a checkout elsewhere whose paths carry a service directory: no changed file maps to a report file.
    private static func diffVerdict(_ diff: String, fileExists: (@Sendable (String) -> Bool)? = nil) throws -> Verdict {
        let configuration = try Configuration(
            json: #"{"version": 1, "gates": [{"id": "missed", "metric": "coverage.diff_lines_missed", "max": 0}]}"#)
        var checker = GateChecker(configuration: configuration, today: Build.today)
        checker.diff = DiffContext(
            bytes: Array(diff.utf8), name: "changes.diff", root: "/home/runner/work/repo", fileExists: fileExists)
        return checker.check([
            ReportInput(name: "coverage.xml", bytes: try Fixtures.bytes("diff-cover/src-layout/coverage.xml"))
        ])
    }

    @Test("A diff whose changed file ends like a report's file without mapping to it makes the diff gates error")
    func diffPathsUnmapped() throws {
        let diff = "--- a/service/src/calc/ops.py\n+++ b/service/src/calc/ops.py\n@@ -5,0 +6 @@\n+    return 1 / 0\n"
        for exists in [nil, { @Sendable (path: String) in path.hasPrefix("service/") }]
            as [(@Sendable (String) -> Bool)?]
        {
            let verdict = try Self.diffVerdict(diff, fileExists: exists)
            #expect(verdict.gates[0].status == .error && verdict.exitCode == 2)
            let diagnostic = verdict.diagnostics.first { $0.code == "diff.unmapped" }
            #expect(diagnostic?.message.contains("service/src/calc/ops.py") == true)
            #expect(diagnostic?.message.contains("calc/ops.py") == true)
        }
    }

    @Test("A change of files no report measures, or of a report file that exists in the repository, is judged")
    func diffOtherFilesOnly() throws {
        let tests = "--- a/service/tests/test_ops.py\n+++ b/service/tests/test_ops.py\n@@ -1,0 +2 @@\n+x = 1\n"
        #expect(try Self.diffVerdict(tests).exitCode == 0)
        // The report's file is a file of this checkout (another service's), so the change is to a different file.
        let other = "--- a/service/src/calc/ops.py\n+++ b/service/src/calc/ops.py\n@@ -5,0 +6 @@\n+    return 1\n"
        let verdict = try Self.diffVerdict(other, fileExists: { _ in true })
        #expect(verdict.exitCode == 0 && !verdict.diagnostics.contains { $0.code == "diff.unmapped" })
    }

    // MARK: - Accuracy: a sample listed twice

    @Test(
        "An accuracy sample id listed twice is refused, naming the second one's key path, whatever the order",
        arguments: [(["q0", "q1", "q1"], 2), (["q1", "q0", "q1"], 2), (["", ""], 1)])
    func accuracySampleTwice(_ ids: [String], _ second: Int) throws {
        let samples = "[" + ids.map { #"{"id": "\#($0)", "scores": {"retrieval": 1}}"# }.joined(separator: ", ") + "]"
        let text = MetricReports.accuracyText(
            metrics: #"{"retrieval": {"value": 1, "samples": \#(ids.count), "unscored": 0}}"#, samples: samples,
            size: ids.count)
        let error = try #require(MetricReports.error(.accuracy, text))
        #expect("\(error)".contains("listed a second time") && "\(error)".contains("samples[\(second)].id"))
    }

    @Test("Samples with distinct ids (a prefix of another, differing in case) are read")
    func accuracyDistinctIDs() throws {
        let samples =
            #"[{"id": "q1", "scores": {"retrieval": 1}}, {"id": "q10", "scores": {"retrieval": 0}},"#
            + #" {"id": "Q1", "scores": {"retrieval": 1}}]"#
        let text = MetricReports.accuracyText(
            metrics: #"{"retrieval": {"value": 0.6667, "samples": 3, "unscored": 0}}"#, samples: samples, size: 3)
        #expect(MetricReports.error(.accuracy, text) == nil)
    }

    // MARK: - Baselines: values no run has

    @Test(
        "A baseline value outside its metric's range (negative, a rate above 1) is refused, naming its key path",
        arguments: [
            (#"{"numerator": -100, "denominator": 473}"#, "gates.g.value.numerator"),
            (#"{"numerator": 1000, "denominator": 473}"#, "gates.g.value.numerator"),
            (#"{"integer": -1}"#, "gates.g.value.integer"),
            (#"{"decimal": "-0.5"}"#, "gates.g.value.decimal"),
        ])
    func baselineOutOfRange(_ value: String, _ keyPath: String) throws {
        let text = """
            {"schema": "gatecheck.baseline/v1", "gatecheck_version": "1", "meta": {}, "tools": {},
             "unreadable_reports": 0, "gates": {"g": {"metric": "coverage.line_rate", "definition": "x", "value": \(value)}}}
            """
        let reason = try #require(BaselineDecodingTests.reason(text))
        #expect(reason.contains(keyPath))
    }

    @Test("Baseline values at the ends of their range are read")
    func baselineInRange() throws {
        for value in [
            #"{"numerator": 0, "denominator": 9}"#, #"{"numerator": 9, "denominator": 9}"#,
            #"{"integer": 0}"#, #"{"decimal": "0"}"#,
        ] {
            let text = """
                {"schema": "gatecheck.baseline/v1", "gatecheck_version": "1", "meta": {}, "tools": {},
                 "unreadable_reports": 0, "gates": {"g": {"metric": "coverage.line_rate", "definition": "x", "value": \(value)}}}
                """
            #expect(BaselineDecodingTests.reason(text) == nil)
        }
    }

    // MARK: - History: values no run has, lines written twice

    private static func costGate(_ extra: String = "") -> String {
        HistoryGateTests.gate(#"{ "window": "7d", "max_increase": 0\#(extra) }"#)
    }

    @Test(
        "A history sample outside its metric's range cannot be a reference: the gate is error (exit 2), naming it",
        arguments: [(["3", "-5", "3"], "-5, a negative value")])
    func historyNegative(_ values: [String], _ named: String) throws {
        let verdict = try HistoryGateTests.verdict(
            gate: Self.costGate(), cost: "100", history: HistoryGateTests.history(values))
        #expect(verdict.gates[0].status == .error && verdict.exitCode == 2)
        #expect(verdict.gates[0].message.contains(named))
    }

    @Test("A history rate above the whole (numerator over denominator) is refused, the same for a value above 1")
    func historyRateAboveOne() throws {
        let configuration = try Configuration(
            json: #"{"version": 1, "gates": [{"id": "r", "metric": "coverage.line_rate", "history": "#
                + #"{"window": "7d", "max_drop": 0, "min_samples": 1}}, {"id": "t", "metric": "tests.total", "min": 0}]}"#
        )
        for sample in [#"{"value":2.1,"numerator":1000,"denominator":473}"#, #"{"value":5}"#] {
            let line =
                #"{"schema":"gatecheck.history/v1","time":"2026-12-02T06:00:00Z","metrics":{"coverage.line_rate":\#(sample)}}"#
                + "\n"
            var checker = GateChecker(configuration: configuration, today: Build.today)
            checker.history = HistoryContext.read(
                BytesSource(line), file: "h.jsonl", now: HistoryGateTests.now, metrics: ["coverage.line_rate"])
            let cobertura = #"<coverage line-rate="0.5" lines-covered="1" lines-valid="2"><packages/></coverage>"#
            let verdict = checker.check([ReportInput(name: "coverage.xml", text: cobertura)])
            #expect(verdict.gates[0].status == .error && verdict.exitCode == 2)
            #expect(verdict.gates[0].message.contains("h.jsonl is damaged"))
        }
    }

    @Test("A history line written three times is one run: it cannot fill min_samples 3 alone")
    func historyRepeatedLines() throws {
        let line = HistoryGateTests.history(["3"])
        let verdict = try HistoryGateTests.verdict(
            gate: Self.costGate(#", "min_samples": 3, "on_missing": "error""#), cost: "100",
            history: line + line + line)
        #expect(verdict.gates[0].status == .error && verdict.exitCode == 2)
        #expect(verdict.gates[0].message.contains("1 matching sample(s)"))
        #expect(verdict.gates[0].message.contains("2 line(s) repeating"))
    }

    @Test("Runs at one time with other labels or values stay separate samples")
    func historyDistinctRuns() throws {
        let history = HistoryGateTests.history(["3"])
        let other = history.replacingOccurrences(of: #""value":3"#, with: #""value":4"#)
        let verdict = try HistoryGateTests.verdict(
            gate: Self.costGate(#", "min_samples": 2, "on_missing": "error""#), cost: "3.5",
            history: history + other)
        #expect(verdict.gates[0].history?.samples == 2 && verdict.gates[0].status == .pass)
    }
}
