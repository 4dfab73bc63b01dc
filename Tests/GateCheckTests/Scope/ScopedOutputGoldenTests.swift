@_spi(Internals) import GateCheck
import Testing

/// Scoped findings and tests gates in every output format: each names its scope (golden files `Golden/scope.*`;
/// GATECHECK_RECORD=1 rewrites them).
///
/// Over the real reports of Fixtures/scope (NOTICE.md) and pip-audit's of TNFR-Python-Engine: a findings gate scoped
/// to `src/**` fails on the HIGH B602 in src and leaves out the one in tests/; a tests gate scoped to unit tests passes
/// while the integration test fails; a typo scope and a scope over path-less pip-audit findings cannot be judged.
@Suite("Scoped gate outputs")
struct ScopedOutputGoldenTests {
    static func verdict() throws -> Verdict {
        let configuration = try Configuration(
            json: #"""
                {"version": 1, "gates": [
                  {"id": "src-high", "metric": "findings.high", "max": 0, "tools": ["bandit"], "scope": {"paths": ["src/**"]}},
                  {"id": "unit-tests", "metric": "tests.failed", "max": 0, "scope": {"paths": ["tests/unit/**"]}},
                  {"id": "typo", "metric": "findings.high", "max": 0, "tools": ["bandit"], "scope": {"paths": ["scr/**"]}},
                  {"id": "pathless", "metric": "findings.total", "max": 0, "scope": {"paths": ["src/**"]}}
                ]}
                """#)
        let checker = GateChecker(configuration: configuration, today: try #require(Day("2026-12-03")))
        return checker.check([
            ReportInput(name: "bandit.json", bytes: try Fixtures.bytes("scope/bandit.json")),
            ReportInput(name: "junit.xml", bytes: try Fixtures.bytes("scope/junit-xunit2.xml")),
            ReportInput(
                name: "pip-audit.json", bytes: try Fixtures.bytes("corpus/pip-audit/TNFR-Python-Engine/pip-audit.json")),
        ])
    }

    @Test("golden outputs", arguments: OutputFormat.allCases)
    func golden(_ format: OutputFormat) throws {
        let rendered = format.reporter(ReporterGoldenTests.injected).render(try Self.verdict())
        GoldenFile.assertMatches(rendered, "scope.\(format.rawValue)")
    }

    @Test("the verdict: src-high fails, unit-tests passes, typo and pathless cannot be judged (exit 2)")
    func statuses() throws {
        let verdict = try Self.verdict()
        let status = Dictionary(uniqueKeysWithValues: verdict.gates.map { ($0.id, $0.status) })
        #expect(status == ["src-high": .fail, "unit-tests": .pass, "typo": .error, "pathless": .error])
        #expect(verdict.exitCode == 2)
    }

    @Test("every format names the scope of the judged gates", arguments: OutputFormat.allCases)
    func scopeShown(_ format: OutputFormat) throws {
        let rendered = format.reporter(ReporterGoldenTests.injected).render(try Self.verdict())
        // Markdown escapes `*` in its table.
        let star = format == .markdown ? #"\*\*"# : "**"
        #expect(rendered.contains("src/" + star))
        if format != .github, format != .gitlab, format != .sarif {
            // Annotations and SARIF results carry failing and unjudged gates only; the passing one is in the rest.
            #expect(rendered.contains("tests/unit/" + star))
        }
    }
}
