@_spi(Internals) import GateCheck
import Testing

/// `scope.paths` on findings gates, over Bandit's report of Fixtures/scope/project (NOTICE.md: HIGH B602 at
/// src/shop/run.py:6 and at tests/integration/test_export.py:7) and pip-audit's report of TNFR-Python-Engine (one
/// vulnerability, no path).
@Suite("Scoped findings gates")
struct ScopedFindingsTests {
    static func check(_ gates: String, pipAudit: Bool = false, paths: String = "") throws -> Verdict {
        let configuration = try Configuration(
            json: #"{"version": 1, \#(paths) "gates": [\#(gates)]}"#)
        let checker = GateChecker(configuration: configuration, today: try #require(Day("2026-12-03")))
        var inputs = [ReportInput(name: "bandit.json", bytes: try Fixtures.bytes("scope/bandit.json"))]
        if pipAudit {
            inputs.append(
                ReportInput(
                    name: "pip-audit.json",
                    bytes: try Fixtures.bytes("corpus/pip-audit/TNFR-Python-Engine/pip-audit.json")))
        }
        return checker.check(inputs)
    }

    @Test("a gate scoped to src/** counts the HIGH finding in src and not the one in tests/")
    func scopeCountsOnlyItsFiles() throws {
        let verdict = try Self.check(
            #"""
            {"id": "src-high", "metric": "findings.high", "max": 0, "scope": {"paths": ["src/**"]}},
            {"id": "tests-high", "metric": "findings.high", "max": 5, "scope": {"paths": ["tests/**"]}},
            {"id": "all-high", "metric": "findings.high", "max": 5}
            """#)
        let gates = Dictionary(uniqueKeysWithValues: verdict.gates.map { ($0.id, $0) })
        #expect(gates["src-high"]?.actual == .integer(1))
        #expect(gates["src-high"]?.status == .fail)
        #expect(gates["src-high"]?.findings.map(\.location?.path) == ["src/shop/run.py"])
        #expect(gates["src-high"]?.message.contains("in scope paths `src/**`") == true)
        #expect(gates["tests-high"]?.actual == .integer(1))
        #expect(gates["all-high"]?.actual == .integer(2))
        #expect(verdict.exitCode == 1)
    }

    @Test("a scope over scanned files without findings passes: Bandit's metrics name the files")
    func cleanScopePasses() throws {
        // src/shop/__init__.py is scanned (a key of `metrics`) and has no finding.
        let verdict = try Self.check(
            #"{"id": "init", "metric": "findings.total", "max": 0, "scope": {"paths": ["src/shop/__init__.py"]}}"#)
        #expect(verdict.gates.first?.status == .pass)
        #expect(verdict.gates.first?.actual == .integer(0))
    }

    @Test("a scope that matches no finding and no scanned file is exit 2")
    func typoIsAnError() throws {
        let verdict = try Self.check(
            #"{"id": "typo", "metric": "findings.high", "max": 0, "scope": {"paths": ["scr/**"]}}"#)
        #expect(verdict.gates.first?.status == .error)
        #expect(verdict.gates.first?.message.contains("matches no finding and no file") == true)
        #expect(verdict.exitCode == 2)
    }

    @Test("a counted finding without a path makes a scoped gate exit 2; leaving its tool out judges the rest")
    func pathlessFindingsRefuse() throws {
        let verdict = try Self.check(
            #"""
            {"id": "mixed", "metric": "findings.total", "max": 0, "scope": {"paths": ["src/**"]}},
            {"id": "bandit-only", "metric": "findings.high", "max": 0, "tools": ["bandit"], "scope": {"paths": ["src/**"]}},
            {"id": "high-only", "metric": "findings.high", "max": 0, "scope": {"paths": ["src/**"]}}
            """#, pipAudit: true)
        let gates = Dictionary(uniqueKeysWithValues: verdict.gates.map { ($0.id, $0) })
        // pip-audit's one vulnerability has no path and no severity (unknown): findings.total counts it.
        #expect(gates["mixed"]?.status == .error)
        #expect(
            gates["mixed"]?.message.contains("1 finding(s) this gate counts have no path (1 from pip-audit)") == true)
        #expect(gates["bandit-only"]?.actual == .integer(1))
        // findings.high does not count an unknown-severity finding, so its missing path changes nothing.
        #expect(gates["high-only"]?.actual == .integer(1))
        #expect(verdict.exitCode == 2)
    }

    @Test("paths rules map report paths before the scope matches")
    func pathRulesApply() throws {
        let verdict = try Self.check(
            #"{"id": "app", "metric": "findings.high", "max": 0, "scope": {"paths": ["app/**"]}}"#,
            paths: #""paths": {"replace": [{"from": "^src/shop/", "to": "app/"}]},"#)
        #expect(verdict.gates.first?.actual == .integer(1))
    }

    @Test("a report read without places cannot be judged by a scoped gate")
    func readWithoutPlaces() throws {
        let today = try #require(Day("2026-12-03"))
        var source = BytesSource(try Fixtures.bytes("scope/bandit.json"))
        let report = try BanditParser.parse(&source, options: ReadOptions(today: today)).report
        #expect(!report.placesCollected)
        let configuration = try Configuration(
            json:
                #"{"version": 1, "gates": [{"id": "g", "metric": "findings.high", "max": 0, "scope": {"paths": ["src/**"]}}]}"#
        )
        let verdict = GateEngine.evaluate(
            ReportSet(reports: [LoadedReport(path: "bandit.json", kind: .bandit, content: .findings(report))]),
            configuration: configuration, today: today)
        #expect(verdict.gates.first?.status == .error)
        #expect(verdict.gates.first?.message.contains("collectsPlaces") == true)
    }

    @Test("per_file, scope.classes and findings.not_audited scopes are refused in gates.json")
    func refused() {
        for gate in [
            #"{"id": "f", "metric": "findings.high", "max": 0, "scope": {"paths": ["src/**"]}, "per_file": true}"#,
            #"{"id": "f", "metric": "findings.high", "max": 0, "scope": {"classes": ["a.*"]}}"#,
            #"{"id": "f", "metric": "findings.not_audited", "max": 0, "scope": {"paths": ["src/**"]}}"#,
            #"{"id": "f", "metric": "findings.high", "max": 0, "scope": {}}"#,
        ] {
            #expect(throws: ConfigurationError.self) {
                try Configuration(json: #"{"version": 1, "gates": [\#(gate)]}"#)
            }
        }
    }
}
