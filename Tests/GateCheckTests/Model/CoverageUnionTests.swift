import Foundation
@_spi(Internals) import GateCheck
import Testing

/// ``CoverageUnion``: reports folded in any grouping give ``CoverageReport/merged(_:)``'s figures, and the engine
/// uses a loader's union only when it holds exactly the coverage reports it judges.
struct CoverageUnionTests {
    typealias Invariants = InvariantTests

    static let gates = [
        Build.gate("lines", .coverage(.lineRate), min: "0.5"),
        Build.gate("branches", .coverage(.branchRate), min: "0.99"),
        Build.gate("combined", .coverage(.combinedRate), min: "0.5"),
    ]

    static func reports(_ generator: inout ReportGenerator) throws -> [LoadedReport] {
        try (0..<generator.int(2...5)).map { index in
            try Invariants.read(.cobertura, generator.cobertura(), path: "shard-\(index)/coverage.xml")
        }
    }

    static func coverage(_ report: LoadedReport) -> CoverageReport {
        guard case .coverage(let content) = report.content else { return CoverageReport() }
        return content
    }

    /// What a loader on several threads does: each folds a share and keeps a summary of each report.
    static func loaded(_ reports: [LoadedReport], groups: Int, _ generator: inout ReportGenerator)
        -> ReportSet
    {
        var unions = Array(repeating: CoverageUnion(), count: groups)
        var summarized: [LoadedReport] = []
        for report in generator.shuffled(reports) {
            unions[generator.int(0...(groups - 1))].add(coverage(report), path: report.path)
            var kept = report
            kept.content = .coverage(coverage(report).summarized)
            summarized.append(kept)
        }
        let union = generator.shuffled(unions).reduce(into: CoverageUnion()) { $0.add($1) }
        return ReportSet(reports: summarized, coverageUnion: union)
    }

    static func json(_ verdict: Verdict) -> String { OutputFormat.json.reporter().render(verdict) }

    static func evaluate(_ reports: ReportSet) -> Verdict {
        GateEngine.evaluate(reports, configuration: Configuration(gates: gates), today: Build.today)
    }

    @Test("folding reports into unions in any grouping and order gives merged's figures", arguments: 1...20)
    func groupingDoesNotMatter(_ seed: UInt64) throws {
        var generator = ReportGenerator(seed: seed)
        let reports = try Self.reports(&generator)
        let merged = Invariants.figures(.merged(reports.map(Self.coverage)))
        let union = try #require(Self.loaded(reports, groups: generator.int(1...3), &generator).coverageUnion)
        #expect(Invariants.figures(union.report) == merged, "seed \(seed)")
        #expect(union.paths == reports.map(\.path).sorted())
        #expect(union.isExact && union.withoutLines.isEmpty)
    }

    @Test("a summarized report keeps its totals and per-report metrics but is no longer exact", arguments: 1...10)
    func summaryKeepsTotals(_ seed: UInt64) throws {
        var generator = ReportGenerator(seed: seed)
        let report = try Invariants.coverage(generator.cobertura())
        let summary = report.summarized
        #expect(summary.totals == report.totals, "seed \(seed)")
        #expect(summary.detail == .totals)
        #expect(summary.files.values.allSatisfy { !$0.hasDetail })
    }

    @Test(
        "the verdict from summaries plus the loader's union equals the verdict from the full reports",
        arguments: 1...20)
    func preparedUnionGivesTheSameVerdict(_ seed: UInt64) throws {
        var generator = ReportGenerator(seed: seed)
        let reports = try Self.reports(&generator)
        let direct = Self.evaluate(ReportSet(reports: reports))
        let prepared = Self.evaluate(Self.loaded(reports, groups: 2, &generator))
        #expect(Self.json(prepared) == Self.json(direct), "seed \(seed)")
        #expect(direct.gates.allSatisfy { $0.status != .error }, "seed \(seed)")
    }

    @Test("a union that does not hold exactly the coverage reports is not used")
    func mismatchedUnionIsIgnored() throws {
        var generator = ReportGenerator(seed: 7)
        let reports = try Self.reports(&generator)
        var prepared = Self.loaded(reports, groups: 2, &generator)
        // A union of all but the last report: the engine merges the summaries itself, which it cannot do exactly.
        prepared.coverageUnion = CoverageUnion(reports.dropLast().map { ($0.path, Self.coverage($0)) })
        let verdict = Self.evaluate(prepared)
        #expect(verdict.status == .error)
        #expect(verdict.gates.allSatisfy { $0.message.contains("read for their totals only") })
        // With the full reports a wrong union changes nothing: the engine merges them.
        var full = ReportSet(reports: reports)
        full.coverageUnion = CoverageUnion([(reports[0].path, Self.coverage(reports[0]))])
        #expect(Self.json(Self.evaluate(full)) == Self.json(Self.evaluate(ReportSet(reports: reports))))
    }

    @Test("a report with only root totals in a union is named, not dropped")
    func rootTotalsOnlyIsNamed() {
        var union = CoverageUnion()
        let lines = Build.coverage("a.xml", covered: 9, of: 10)
        let rootOnly = Build.summaryCoverage("b.xml", covered: 1, of: 100)
        union.add(Self.coverage(rootOnly), path: rootOnly.path)
        union.add(Self.coverage(lines), path: lines.path)
        #expect(union.withoutLines == ["b.xml"])
        let verdict = GateEngine.evaluate(
            ReportSet(reports: [lines, rootOnly], coverageUnion: union),
            configuration: Configuration(gates: [Self.gates[0]]), today: Build.today)
        #expect(verdict.gates[0].status == .error)
        #expect(verdict.gates[0].message.contains("b.xml has no <line> elements"))
    }

    @Test("a union of one report is that report, root totals included")
    func singleReport() {
        let rootOnly = Self.coverage(Build.summaryCoverage("b.xml", covered: 1, of: 4))
        #expect(CoverageUnion([("b.xml", rootOnly)]).report == rootOnly)
    }
}
