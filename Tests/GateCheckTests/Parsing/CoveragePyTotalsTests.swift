import Foundation
@_spi(Internals) import GateCheck
import Testing

/// coverage.py's Cobertura output read by gatecheck must give coverage.py's own totals exactly; the fixtures were
/// written by the real coverage.py (`scripts/generate-coverage-fixtures.sh`) with its `coverage json` totals beside.
struct CoveragePyTotalsTests {
    static let fixtures = [
        "branch", "statement-only", "partial-unit", "partial-integration", "combined", "source-pkgs", "package-depth-1",
        "two-sources",
    ]

    @Test("lines_valid, lines_covered, branches_valid and branches_covered equal coverage.py's", arguments: fixtures)
    func totalsEqualCoveragePy(_ name: String) throws {
        let expected = try Fixtures.json("coveragepy/\(name).totals.json")
        let totals = try Fixtures.coverage(try Fixtures.bytes("coveragepy/\(name).xml")).totals
        #expect(totals.linesValid == expected["lines_valid"] as? Int)
        #expect(totals.linesCovered == expected["lines_covered"] as? Int)
        #expect(totals.branchesValid == expected["branches_valid"] as? Int)
        #expect(totals.branchesCovered == expected["branches_covered"] as? Int)
    }

    @Test("the combined rate equals the TOTAL that `coverage report` prints", arguments: fixtures)
    func combinedRateIsCoveragePyTotal(_ name: String) throws {
        let expected = try Fixtures.json("coveragepy/\(name).totals.json")
        let report = try Fixtures.coverage(try Fixtures.bytes("coveragepy/\(name).xml"))
        let combined = try #require(try Self.metric(.combinedRate, report).double)
        let percent = try #require(expected["percent_covered"] as? Double)
        #expect(abs(combined * 100 - percent) < 1e-9)
        // `coverage report` rounds the same fraction to its precision: the shown figure must match too.
        let shown = try #require(expected["report_total_percent"] as? String)
        let decimals = shown.firstIndex(of: ".").map { shown.distance(from: $0, to: shown.endIndex) - 1 } ?? 0
        #expect(String(format: "%.\(decimals)f", combined * 100) == shown)
    }

    @Test("merging two partial runs gives exactly what `coverage combine` gives")
    func mergeEqualsCoverageCombine() throws {
        let unit = try Fixtures.coverage(try Fixtures.bytes("coveragepy/partial-unit.xml"))
        let integration = try Fixtures.coverage(try Fixtures.bytes("coveragepy/partial-integration.xml"))
        let expected = try Fixtures.json("coveragepy/combined.totals.json")
        for merged in [CoverageReport.merged([unit, integration]), .merged([integration, unit])] {
            let totals = merged.totals
            #expect(totals.linesValid == expected["lines_valid"] as? Int)
            #expect(totals.linesCovered == expected["lines_covered"] as? Int)
            #expect(totals.branchesValid == expected["branches_valid"] as? Int)
            #expect(totals.branchesCovered == expected["branches_covered"] as? Int)
        }
    }

    @Test("merging is idempotent and order-independent")
    func mergeProperties() throws {
        let unit = try Fixtures.coverage(try Fixtures.bytes("coveragepy/partial-unit.xml"))
        let integration = try Fixtures.coverage(try Fixtures.bytes("coveragepy/partial-integration.xml"))
        #expect(CoverageReport.merged([unit, unit]).totals == unit.totals)
        let abc = CoverageReport.merged([unit, integration, unit]).totals
        let cba = CoverageReport.merged([unit, .merged([integration, unit])]).totals
        #expect(abc == cba)
    }

    @Test("the sample reports' coverage equals coverage.py's own totals", arguments: ["passing", "failing"])
    func sampleReports(_ set: String) throws {
        let expected = try Fixtures.json("sample-totals/\(set).json")
        let report = try Fixtures.coverage(try Fixtures.projectFile("sample-reports/\(set)/coverage.xml"))
        let totals = report.totals
        #expect(totals.linesValid == expected["lines_valid"] as? Int)
        #expect(totals.linesCovered == expected["lines_covered"] as? Int)
        #expect(totals.branchesValid == expected["branches_valid"] as? Int)
        #expect(totals.branchesCovered == expected["branches_covered"] as? Int)
        let combined = try #require(try Self.metric(.combinedRate, report).double)
        #expect(abs(combined * 100 - (expected["percent_covered"] as? Double ?? -1)) < 1e-9)
    }

    static func metric(_ metric: Metric.Coverage, _ report: CoverageReport) throws -> MetricValue {
        let set = ReportSet(reports: [LoadedReport(path: "c.xml", kind: .cobertura, content: .coverage(report))])
        let verdict = GateEngine.evaluate(set, configuration: .builtIn, today: Day("2026-01-01")!)
        return try #require(verdict.reports.first?.metrics[.coverage(metric)])
    }
}
