@_spi(Internals) import GateCheck
import Testing

/// A failing diff coverage gate in every output that shows it.
///
/// Each file's uncovered changed lines in text, Markdown and JSON; annotations on the lines themselves for GitHub (`line`–`endLine`) and GitLab (`lines.begin`/`end`).
/// Golden files `Golden/diff-coverage.*` (GATECHECK_RECORD=1 rewrites them).
@Suite("Diff coverage outputs")
struct DiffOutputGoldenTests {
    static func verdict() throws -> Verdict {
        try DiffGateTests.check(
            #"""
            {"id": "new-code", "metric": "coverage.diff_line_rate", "min": 0.9},
            {"id": "untested", "metric": "coverage.diff_lines_missed", "max": 0, "level": "warn"}
            """#,
            diff: String(decoding: try Fixtures.bytes("diff-cover/src-layout/changes.diff"), as: UTF8.self))
    }

    @Test("golden outputs", arguments: [OutputFormat.text, .markdown, .json, .github, .gitlab])
    func golden(_ format: OutputFormat) throws {
        let rendered = format.reporter(ReporterGoldenTests.injected).render(try Self.verdict())
        GoldenFile.assertMatches(rendered, "diff-coverage.\(format.rawValue)")
    }

    @Test("GitHub annotates each run of uncovered changed lines, on its file and lines")
    func githubAnnotations() throws {
        let rendered = OutputFormat.github.reporter().render(try Self.verdict())
        // diff-cover's violation lines of src/calc/ops.py: 7, 19, 20, 21.
        #expect(rendered.contains("file=src/calc/ops.py,line=7,endLine=7::"))
        #expect(rendered.contains("file=src/calc/ops.py,line=19,endLine=21::"))
        #expect(
            rendered.contains("::warning title=Changed lines 10-11 not covered (gate untested),file=src/calc/util.py"))
    }
}
