@_spi(Internals) import GateCheck
import Testing

/// What a findings gate needs before it can pass (issue 11): selectors that select something, scans that ran, and
/// dependencies that were audited.
@Suite("Findings evidence")
struct FindingsEvidenceTests {
    private static let highBandit = """
        {"results": [{"filename": "app.py", "line_number": 3, "test_id": "B602", "test_name": "shell",
          "issue_severity": "HIGH", "issue_confidence": "HIGH", "issue_text": "shell=True"}], "errors": []}
        """

    private static func decode(_ gates: String) -> Result<Configuration, ConfigurationError> {
        ConfigurationDecoder.decode(Array(#"{"version": 1, "gates": [\#(gates)]}"#.utf8), file: "gates.json")
    }

    private static func judge(_ reports: [LoadedReport], _ gate: String) throws -> Verdict {
        let configuration = try decode(gate).get()
        return GateEngine.evaluate(ReportSet(reports: reports), configuration: configuration, today: testToday)
    }

    private static func judge(_ reports: [LoadedReport], builtIn ids: [String]) -> Verdict {
        let gates = Configuration.builtInGates.filter { ids.contains($0.id) }
        return GateEngine.evaluate(
            ReportSet(reports: reports), configuration: Configuration(gates: gates, isBuiltIn: true), today: testToday)
    }

    // MARK: - Selectors

    @Test(
        "An empty list in a selector or scope is a configuration error naming its key path",
        arguments: [
            (#"{"id": "g", "metric": "findings.total", "max": 0, "tools": []}"#, "gates[0].tools"),
            (#"{"id": "g", "metric": "findings.total", "max": 0, "kinds": []}"#, "gates[0].kinds"),
            (#"{"id": "g", "metric": "image.size_bytes", "max": 1, "kinds": []}"#, "gates[0].kinds"),
            (#"{"id": "g", "metric": "findings.total", "max": 0, "tools": ["bandit", " "]}"#, "gates[0].tools[1]"),
        ])
    func emptySelectors(_ gate: String, _ keyPath: String) {
        guard case .failure(let error) = Self.decode(gate) else {
            Issue.record("accepted \(gate)")
            return
        }
        #expect(error.problems.contains { $0.keyPath == keyPath && $0.severity == .error })
    }

    @Test("An empty waiver scope (kinds, paths) is a configuration error", arguments: ["kinds", "paths"])
    func emptyWaiverScope(_ key: String) {
        let text = """
            {"version": 1, "gates": [{"id": "g", "metric": "findings.total", "max": 0}],
             "waivers": [{"id": "B602", "reason": "r", "expires": "2030-01-01", "\(key)": []}]}
            """
        guard case .failure(let error) = ConfigurationDecoder.decode(Array(text.utf8), file: "gates.json") else {
            Issue.record("accepted an empty \(key)")
            return
        }
        #expect(error.problems.map(\.keyPath) == ["waivers[0].\(key)"])
    }

    @Test(
        "A tools entry near a known tool's name is a warning before any report is read; other names are not",
        arguments: [("bandt", "bandit"), ("pip_audit", "pip-audit"), ("codeql", nil), ("my-scanner", nil)])
    func nearMissWarning(_ tool: String, _ suggestion: String?) throws {
        let configuration = try Self.decode(
            #"{"id": "g", "metric": "findings.total", "max": 0, "tools": ["\#(tool)"]}"#
        )
        .get()
        #expect(configuration.gates.count == 1)
        let warning = configuration.warnings.first
        #expect(warning?.code == (suggestion == nil ? nil : "config.unknown-tool"))
        if let suggestion { #expect(warning?.message.contains("did you mean \"\(suggestion)\"") == true) }
    }

    @Test(
        "A tools entry that matches no tool among the gate's reports makes the gate error (exit 2), naming it",
        arguments: [#"["bandt"]"#, #"["bandit", "Trivy"]"#, #"["pip-audit"]"#])
    func unmatchedTool(_ tools: String) throws {
        let verdict = try Self.judge(
            [try readFindings(.bandit, Self.highBandit)],
            #"{"id": "g", "metric": "findings.total", "max": 0, "min_severity": "high", "tools": \#(tools)}"#)
        #expect(verdict.gates[0].status == .error && verdict.exitCode == 2)
        #expect(verdict.gates[0].message.contains("tools present: bandit"))
    }

    @Test("The typo names the tool it is closest to")
    func unmatchedToolSuggestion() throws {
        let verdict = try Self.judge(
            [try readFindings(.bandit, Self.highBandit)],
            #"{"id": "g", "metric": "findings.total", "max": 0, "tools": ["bandt"]}"#)
        #expect(verdict.gates[0].message.contains("\"bandt\""))
        #expect(verdict.gates[0].message.contains("Did you mean \"bandit\"?"))
    }

    @Test(
        "Tool names match ignoring case, whichever report names the tool (Bandit JSON, a SARIF driver)",
        arguments: [#"["BANDIT"]"#, #"["bandit"]"#, #"["Bandit", "bandit"]"#])
    func toolCase(_ tools: String) throws {
        let sarif = """
            {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "Bandit"}},
              "results": [{"ruleId": "B602", "level": "error", "message": {"text": "shell"}}]}]}
            """
        let verdict = try Self.judge(
            [try readFindings(.bandit, Self.highBandit), try readFindings(.sarif, sarif)],
            #"{"id": "g", "metric": "findings.total", "max": 0, "tools": \#(tools)}"#)
        #expect(verdict.gates[0].status == .fail && verdict.gates[0].actual == .integer(2))
    }

    // MARK: - SARIF: a tool that did not run

    @Test(
        "A SARIF run without results, or a log without runs, makes a findings gate reading it error (exit 2)",
        arguments: [
            (#"[{"tool": {"driver": {"name": "CodeQL"}}}]"#, "runs[0] (CodeQL)"),
            (#"[{"tool": {"driver": {"name": "CodeQL"}}, "results": null}]"#, "runs[0] (CodeQL)"),
            (
                #"[{"tool": {"driver": {"name": "A"}}, "results": []}, {"tool": {"driver": {"name": "B"}}}]"#,
                "runs[1] (B)"
            ),
            (#"[{"results": []}, {"tool": {"driver": {"name": "B"}}, "results": []}, {}]"#, "runs[2] (no tool)"),
            ("[]", "no runs"),
        ])
    func sarifNotRun(_ runs: String, _ named: String) throws {
        let report = try readFindings(.sarif, #"{"version": "2.1.0", "runs": \#(runs)}"#)
        for id in ["high-severity-findings", "not-audited"] {
            let verdict = Self.judge([report], builtIn: [id])
            let gate = try #require(verdict.gates.first)
            #expect(gate.status == .error && verdict.exitCode == 2)
            #expect(gate.message.contains("report: ") && gate.message.contains(named))
        }
    }

    @Test("A SARIF log whose runs all have results, even empty, is judged as before")
    func sarifRan() throws {
        let runs =
            #"[{"tool": {"driver": {"name": "A"}}, "results": []}, {"tool": {"driver": {"name": "B"}}, "results": []}]"#
        let report = try readFindings(.sarif, #"{"version": "2.1.0", "runs": \#(runs)}"#)
        #expect(Self.judge([report], builtIn: ["high-severity-findings"]).exitCode == 0)
    }

    @Test("A run without results concerns only the gates that select its tool")
    func sarifNotRunOtherTool() throws {
        let runs = #"[{"tool": {"driver": {"name": "A"}}, "results": []}, {"tool": {"driver": {"name": "B"}}}]"#
        let report = try readFindings(.sarif, #"{"version": "2.1.0", "runs": \#(runs)}"#)
        let onlyA = try Self.judge([report], #"{"id": "g", "metric": "findings.total", "max": 0, "tools": ["A"]}"#)
        #expect(onlyA.gates[0].status == .pass)
        let onlyB = try Self.judge([report], #"{"id": "g", "metric": "findings.total", "max": 0, "tools": ["b"]}"#)
        #expect(onlyB.gates[0].status == .error)
    }

    // MARK: - pip-audit and Bandit: what was not audited

    @Test(
        "A pip-audit report that audited no dependency makes every findings gate reading it error (exit 2)",
        arguments: [
            #"{"dependencies": [{"name": "a", "skip_reason": "Dependency not found on PyPI"}], "fixes": []}"#,
            #"[{"name": "a", "skip_reason": "offline"}, {"name": "b", "skip_reason": "offline"}]"#,
            #"{"dependencies": [], "fixes": []}"#, "[]",
        ])
    func pipAuditNothingAudited(_ text: String) throws {
        let report = try readFindings(.pipAudit, text)
        let verdict = Self.judge(
            [report], builtIn: ["high-severity-findings", "vulnerable-dependencies", "not-audited"])
        #expect(verdict.gates.map(\.status) == [.error, .error, .error] && verdict.exitCode == 2)
        #expect(verdict.gates.allSatisfy { $0.message.contains("nothing was audited") })
    }

    @Test("Dependencies pip-audit skipped beside audited ones fail the built-in not-audited gate, listed with reasons")
    func pipAuditSomeSkipped() throws {
        let text = #"""
            {"dependencies": [{"name": "django", "version": "4.2", "vulns": []},
              {"name": "private-pkg", "skip_reason": "Dependency not found on PyPI and could not be audited"}]}
            """#
        let verdict = Self.judge(
            [try readFindings(.pipAudit, text)], builtIn: ["vulnerable-dependencies", "not-audited"])
        #expect(verdict.gates.map(\.status) == [.pass, .fail] && verdict.exitCode == 1)
        let gate = try #require(verdict.gates.first { $0.id == "not-audited" })
        #expect(gate.actual == .integer(1))
        #expect(gate.details.contains { $0.contains("private-pkg") && $0.contains("not found on PyPI") })
    }

    @Test("Files Bandit could not scan fail the built-in not-audited gate, listed with Bandit's reason")
    func banditErrors() throws {
        let text =
            #"{"results": [], "errors": [{"filename": "broken.py", "reason": "syntax error while parsing AST"}]}"#
        let verdict = GateEngine.evaluate(
            ReportSet(reports: [try readFindings(.bandit, text)]), configuration: .builtIn, today: testToday)
        let gate = try #require(verdict.gates.first { $0.id == "not-audited" })
        #expect(gate.status == .fail && gate.level == .error && verdict.exitCode == 1)
        #expect(gate.details.contains { $0.contains("broken.py") && $0.contains("syntax error") })
    }
}

/// The real SARIF and pip-audit reports of the shared corpus under the rule "no findings counts only from a scan that
/// ran": only the logs and reports that show no scan are flagged.
@Suite("Findings evidence: corpus", .enabled(if: Corpus.isAvailable, Corpus.absenceReason))
struct FindingsEvidenceCorpusTests {
    /// The corpus files that show no scan: a log with `"runs": []`, two runs whose invocation says
    /// `executionSuccessful: false` (SpotBugs missing classes, the tutorial's failed run), pip-audit reports listing no
    /// dependency, Trivy's image scan with skipped files that left it nothing to scan, and a Bandit run that scanned
    /// no file (DefectDojo's `no_vuln.json`: `metrics` has only `_totals`, 0 lines of code).
    private static let notScanned: Set<String> = [
        "sarif/django-DefectDojo/no_runs.sarif", "sarif/django-DefectDojo/spotbugs.sarif",
        "sarif/sarif-tutorials/Notifications.sarif", "pip-audit/django-DefectDojo/empty.json",
        "pip-audit/django-DefectDojo/empty_new.json", "trivy-json/trivy/alpine-39-skip.json.golden",
        "bandit/django-DefectDojo/no_vuln.json",
    ]

    @Test(
        "Every corpus SARIF log (Trivy's and CodeQL's among them), pip-audit and Trivy report is flagged only when it shows no scan",
        arguments: Corpus.entries("sarif") + Corpus.entries("trivy-sarif") + Corpus.entries("pip-audit")
            + Corpus.entries("trivy-json") + Corpus.entries("bandit"))
    func corpus(_ entry: Corpus.Entry) throws {
        let kinds: [String: ReportKind] = ["pip-audit": .pipAudit, "trivy-json": .trivyJSON, "bandit": .bandit]
        let kind = kinds[String(entry.path.prefix { $0 != "/" })] ?? .sarif
        // A few corpus files are refused by design (SecurityCorpusTests checks how); only those read are judged here.
        guard let loaded = try? readFindings(kind, try Corpus.bytes(entry.path)) else { return }
        #expect(try findings(loaded).notScanned.isEmpty != Self.notScanned.contains(entry.path))
    }
}
