@_spi(Internals) import GateCheck
import Testing

/// Diff gates fail closed: no diff, a malformed diff, zero measured lines, required files unmeasured.
@Suite("Diff gates")
struct DiffGateTests {
    /// coverage.py's report of the src layout (Fixtures/diff-cover), and its diff.
    static func check(_ gates: String, diff: String?, extra: String = "") throws -> Verdict {
        let configuration = try Configuration(json: #"{"version": 1, "gates": [\#(gates)]\#(extra)}"#)
        var checker = GateChecker(configuration: configuration, today: try #require(Day("2026-12-03")))
        if let diff {
            checker.diff = DiffContext(
                bytes: Array(diff.utf8), name: "changes.diff", root: "/tmp/gatecheck-diff-fixtures/src-layout")
        }
        return checker.check([
            ReportInput(name: "coverage.xml", bytes: try Fixtures.bytes("diff-cover/src-layout/coverage.xml"))
        ])
    }

    static let rateGate = #"{"id": "new-code", "metric": "coverage.diff_line_rate", "min": 0.8}"#

    @Test("a diff metric without a diff is exit 2, naming the gate and the fix")
    func noDiff() throws {
        let verdict = try Self.check(Self.rateGate, diff: nil)
        #expect(verdict.exitCode == 2)
        #expect(verdict.gates.first?.status == .error)
        #expect(verdict.gates.first?.message.contains("new-code") == true)
        #expect(verdict.gates.first?.message.contains("--diff") == true)
    }

    @Test("a malformed diff is exit 2 with its line")
    func malformedDiff() throws {
        let verdict = try Self.check(Self.rateGate, diff: "--- a/x.py\n+++ b/x.py\n@@ -1,2 +1,3 @@\n+a\n")
        #expect(verdict.exitCode == 2)
        let diagnostic = verdict.diagnostics.first { $0.code == "diff.malformed" }
        #expect(diagnostic?.file == "changes.diff")
        #expect(diagnostic?.line == 4)
    }

    @Test("zero measured changed lines: the rate gate is skipped with a note, never 100 %")
    func zeroLines() throws {
        let diff = "--- a/README.md\n+++ b/README.md\n@@ -1,0 +2 @@\n+more\n"
        let verdict = try Self.check(
            Self.rateGate + #", {"id": "missed", "metric": "coverage.diff_lines_missed", "max": 0}"#, diff: diff)
        let rate = verdict.gates.first { $0.id == "new-code" }
        #expect(rate?.status == .skipped)
        #expect(rate?.message.contains("not 100 %") == true)
        #expect(verdict.gates.first { $0.id == "missed" }?.actual == .integer(0))
        #expect(verdict.diagnostics.contains { $0.code == "diff.unmeasured" && $0.message.contains("README.md") })
    }

    @Test("a changed file that require_measured names and no report measures is exit 2")
    func requireMeasured() throws {
        let diff = "--- a/scripts/tool.py\n+++ b/scripts/tool.py\n@@ -1,0 +2 @@\n+x = 1\n"
        let verdict = try Self.check(
            #"{"id": "missed", "metric": "coverage.diff_lines_missed", "max": 0}"#, diff: diff,
            extra: #", "diff": {"require_measured": ["**/*.py"]}"#)
        #expect(verdict.exitCode == 2)
        let diagnostic = verdict.diagnostics.first { $0.code == "diff.unmeasured" && $0.severity == .error }
        #expect(diagnostic?.message.contains("scripts/tool.py") == true)
    }

    @Test("the failing gate lists each file's uncovered changed lines as ranges")
    func uncoveredLines() throws {
        let diff = String(decoding: try Fixtures.bytes("diff-cover/src-layout/changes.diff"), as: UTF8.self)
        let verdict = try Self.check(#"{"id": "missed", "metric": "coverage.diff_lines_missed", "max": 0}"#, diff: diff)
        let details = verdict.gates.first?.details ?? []
        #expect(details.contains("src/calc/ops.py: changed line(s) 7, 19-21 not covered (4 of 11 measured)"))
        #expect(details.contains("src/calc/util.py: changed line(s) 3, 6, 10-11 not covered (4 of 9 measured)"))
    }

    @Test("gates.json paths rules are decoded, and a bad regular expression is refused at its key path")
    func pathRulesConfiguration() throws {
        let configuration = try Configuration(
            json: #"""
                {"version": 1, "gates": [{"id": "g", "metric": "coverage.diff_lines_missed", "max": 0}],
                 "paths": {"strip_prefix": ["/app/"], "replace": [{"from": "^build/", "to": ""}]}}
                """#)
        #expect(configuration.pathRules.stripPrefix == ["/app/"])
        #expect(configuration.pathRules.replace == [.init(from: "^build/", to: "")])
        #expect(throws: ConfigurationError.self) {
            try Configuration(
                json: #"""
                    {"version": 1, "gates": [{"id": "g", "metric": "coverage.diff_lines_missed", "max": 0}],
                     "paths": {"replace": [{"from": "([", "to": ""}]}}
                    """#)
        }
    }
}
