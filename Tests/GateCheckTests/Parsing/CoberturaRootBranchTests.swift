import Foundation
@_spi(Internals) import GateCheck
import Testing

/// istanbul counts branches in its root totals that no `<line>` carries (`branch="false"` on every line): gatecheck
/// takes the root's branch figures then, says so, and equals istanbul's own figure (`cobertura-fidelity/NOTICE.md`).
struct CoberturaRootBranchTests {
    static let path = "cobertura-fidelity/istanbul/default-args.cobertura-coverage.xml"

    static func parse(_ bytes: [UInt8], detail: CoverageDetail = .lines) throws -> ParsedCoverage {
        var source = BytesSource(bytes)
        return try CoberturaParser.parse(&source, detail: detail)
    }

    static func metric(_ metric: Metric.Coverage, _ report: CoverageReport) throws -> MetricValue {
        let set = ReportSet(reports: [LoadedReport(path: "c.xml", kind: .cobertura, content: .coverage(report))])
        let day = try #require(Day("2026-01-01"))
        let verdict = GateEngine.evaluate(set, configuration: .builtIn, today: day)
        return try #require(verdict.reports.first?.metrics[.coverage(metric)])
    }

    @Test(
        "branch figures equal istanbul's own, from the root, with a note naming the root",
        arguments: CoverageDetail.allCases)
    func branchesFromRoot(_ detail: CoverageDetail) throws {
        let summary = try Fixtures.json("cobertura-fidelity/istanbul/default-args.coverage-summary.json")
        let total = try #require(summary["total"] as? [String: Any])
        let branches = try #require(total["branches"] as? [String: Any])
        let lines = try #require(total["lines"] as? [String: Any])
        let parsed = try Self.parse(try Fixtures.bytes(Self.path), detail: detail)
        // No line carries a branch: the lines alone would say "not measured".
        #expect(parsed.report.totals.branchesValid == 0)
        #expect(parsed.report.totals.linesValid == lines["total"] as? Int)
        #expect(parsed.report.totals.linesCovered == lines["covered"] as? Int)
        let valid = try #require(branches["total"] as? Int)
        let covered = try #require(branches["covered"] as? Int)
        #expect(try Self.metric(.branchesValid, parsed.report) == .integer(valid))
        #expect(try Self.metric(.branchesCovered, parsed.report) == .integer(covered))
        let rate = try #require(try Self.metric(.branchRate, parsed.report).double)
        #expect(abs(rate * 100 - (branches["pct"] as? Double ?? -1)) < 0.005)  // istanbul prints 33.33
        let note = try #require(parsed.diagnostics.first { $0.code == "cobertura.branches-from-root" })
        #expect(note.severity == .note)
        #expect(note.message.contains("branches-covered=\(covered) of branches-valid=\(valid)"))
    }

    @Test("root branches are not used when the root's line totals do not describe the lines")
    func rootMustDescribeTheLines() throws {
        let text = String(decoding: try Fixtures.bytes(Self.path), as: UTF8.self)
            .replacing("lines-valid=\"4\" lines-covered=\"3\"", with: "lines-valid=\"8\" lines-covered=\"6\"")
        let parsed = try Self.parse(Array(text.utf8))
        #expect(try Self.metric(.branchRate, parsed.report) == .notMeasured)
        #expect(!parsed.diagnostics.contains { $0.code == "cobertura.branches-from-root" })
    }

    @Test("a union of several reports has no root: branch coverage is not measured rather than added up")
    func unionHasNoRootBranches() throws {
        let report = try Self.parse(try Fixtures.bytes(Self.path)).report
        let union = CoverageReport.merged([report, report])
        #expect(try Self.metric(.branchRate, union) == .notMeasured)
        #expect(try Self.metric(.lineRate, union).double == 0.75)
    }

    @Test("lines that carry only some of istanbul's branches are used, with a warning naming both figures")
    func partialLineBranches() throws {
        let summary = try Fixtures.json("cobertura-fidelity/istanbul/mixed.coverage-summary.json")
        let total = try #require(summary["total"] as? [String: Any])
        let branches = try #require(total["branches"] as? [String: Any])
        let valid = try #require(branches["total"] as? Int)
        let covered = try #require(branches["covered"] as? Int)
        let parsed = try Self.parse(try Fixtures.bytes("cobertura-fidelity/istanbul/mixed.cobertura-coverage.xml"))
        // The lines carry the `if` and the ternary (3 of 4); the two default arguments are only in the root.
        #expect(parsed.report.totals.branchesValid == 4)
        #expect(parsed.report.totals.branchesCovered == 3)
        let warning = try #require(parsed.diagnostics.first { $0.code == "cobertura.branch-summary-mismatch" })
        #expect(warning.message.contains("branches-covered=\(covered) of branches-valid=\(valid)"))
        #expect(!parsed.diagnostics.contains { $0.code == "cobertura.branches-from-root" })
    }
}
