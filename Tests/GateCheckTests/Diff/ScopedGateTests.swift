@_spi(Internals) import GateCheck
import Testing

/// `scope.paths` and `per_file` on coverage gates, over coverage.py's report of the src layout
/// (Fixtures/diff-cover/src-layout: src/calc/ops.py 15 of 19 lines, src/calc/util.py 5 of 9 lines).
@Suite("Scoped and per-file coverage gates")
struct ScopedGateTests {
    static func check(_ gates: String, diff: Bool = false) throws -> Verdict {
        let configuration = try Configuration(json: #"{"version": 1, "gates": [\#(gates)]}"#)
        var checker = GateChecker(configuration: configuration, today: try #require(Day("2026-12-03")))
        if diff {
            checker.diff = DiffContext(
                bytes: try Fixtures.bytes("diff-cover/src-layout/changes.diff"), name: "changes.diff",
                root: "/tmp/gatecheck-diff-fixtures/src-layout")
        }
        return checker.check([
            ReportInput(name: "coverage.xml", bytes: try Fixtures.bytes("diff-cover/src-layout/coverage.xml"))
        ])
    }

    /// A file's line counts as the report states them.
    static func lines(_ name: String) throws -> (covered: Int, total: Int) {
        let report = try Fixtures.coverage(try Fixtures.bytes("diff-cover/src-layout/coverage.xml"))
        let file = try #require(report.files[name])
        return (file.lines.covered, file.lines.count)
    }

    @Test("a scope computes the metric over its files only, by repository path")
    func scope() throws {
        let verdict = try Self.check(
            #"{"id": "util", "metric": "coverage.line_rate", "min": 0.1, "scope": {"paths": ["src/calc/util.py"]}}"#)
        let util = try Self.lines("calc/util.py")
        #expect(verdict.gates.first?.actual == .ratio(numerator: util.covered, denominator: util.total))
    }

    @Test("a scope that matches no file is exit 2, not a pass")
    func emptyScope() throws {
        let verdict = try Self.check(
            #"{"id": "core", "metric": "coverage.line_rate", "min": 0.1, "scope": {"paths": ["src/core/**"]}}"#)
        #expect(verdict.gates.first?.status == .error)
        #expect(verdict.gates.first?.message.contains("matches no file") == true)
        #expect(verdict.exitCode == 2)
    }

    @Test("per_file: the worst file is the value and the files below the bound are listed")
    func perFile() throws {
        let ops = try Self.lines("calc/ops.py")
        let util = try Self.lines("calc/util.py")
        let verdict = try Self.check(
            #"{"id": "each", "metric": "coverage.line_rate", "min": 0.6, "per_file": true}"#)
        let gate = try #require(verdict.gates.first)
        // util.py (5/9) is below 0.6 while the total is not: the per-file gate catches it.
        #expect(Double(ops.covered + util.covered) / Double(ops.total + util.total) >= 0.6)
        #expect(gate.status == .fail)
        #expect(gate.actual == .ratio(numerator: util.covered, denominator: util.total))
        #expect(gate.details.contains { $0.hasPrefix("calc/util.py") })
        #expect(!gate.details.contains { $0.hasPrefix("calc/ops.py") })
    }

    @Test("a scoped diff gate counts the changed lines of its files only; per_file lists the failing files")
    func scopedDiff() throws {
        let verdict = try Self.check(
            #"""
            {"id": "ops", "metric": "coverage.diff_lines_missed", "max": 10, "scope": {"paths": ["src/calc/ops.py"]}},
            {"id": "each", "metric": "coverage.diff_line_rate", "min": 0.6, "per_file": true}
            """#, diff: true)
        let gates = Dictionary(uniqueKeysWithValues: verdict.gates.map { ($0.id, $0) })
        // diff-cover: ops.py 4 of 11 changed lines missed, util.py 4 of 9.
        #expect(gates["ops"]?.actual == .integer(4))
        #expect(gates["each"]?.actual == .ratio(numerator: 5, denominator: 9))
        #expect(gates["each"]?.details == ["src/calc/util.py: ≈0.5556 (5/9) (5 of 9 changed lines)"])
    }

    @Test("scope and per_file are refused on metrics they do not apply to")
    func refused() {
        #expect(throws: ConfigurationError.self) {
            try Configuration(
                json: #"{"version": 1, "gates": [{"id": "t", "metric": "tests.failed", "max": 0, "per_file": true}]}"#)
        }
        #expect(throws: ConfigurationError.self) {
            try Configuration(
                json:
                    #"{"version": 1, "gates": [{"id": "t", "metric": "coverage.lines_valid", "min": 1, "per_file": true}]}"#
            )
        }
    }
}
