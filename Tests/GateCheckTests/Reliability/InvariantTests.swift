import Foundation
@_spi(Internals) import GateCheck
import Testing

/// Invariants of counting, merging and judging, on random but valid reports.
///
/// The reports come from ``ReportGenerator``, 40 seeds each. A failure names its seed; rerun that case to reproduce
/// it.
struct InvariantTests {
    static let seeds = Array(UInt64(1)...40)

    static func read(_ kind: ReportKind, _ text: String, path: String, waivers: [Waiver] = []) throws -> LoadedReport {
        var source = BytesSource(text, chunkSize: 4096)
        return try ReportReader.read(
            kind, from: &source, path: path, options: ReadOptions(waivers: waivers, today: Build.today))
    }

    static func coverage(_ text: String) throws -> CoverageReport {
        guard case .coverage(let report) = try read(.cobertura, text, path: "coverage.xml").content else {
            throw Failure()
        }
        return report
    }

    /// What a coverage report shows: its totals and, per file, the counts and the missed lines.
    static func figures(_ report: CoverageReport) -> [String] {
        let totals = report.totals
        var figures = ["\(totals.linesValid) \(totals.linesCovered) \(totals.branchesValid) \(totals.branchesCovered)"]
        for (path, file) in report.files.sorted(by: { $0.key < $1.key }) {
            let branches = file.branchTotals
            figures.append(
                "\(path): \(file.lines.count) \(file.lines.covered) \(branches.covered)/\(branches.total) "
                    + "\(file.lines.missedLines(limit: 1000))")
        }
        return figures
    }

    struct Failure: Error {}

    @Test("merging coverage reports is order-independent", arguments: seeds)
    func mergeOrder(_ seed: UInt64) throws {
        var generator = ReportGenerator(seed: seed)
        let reports = try (0..<generator.int(2...4)).map { _ in try Self.coverage(generator.cobertura()) }
        let merged = Self.figures(.merged(reports))
        for _ in 0..<4 {
            #expect(Self.figures(.merged(generator.shuffled(reports))) == merged, "seed \(seed)")
        }
        // Merging in steps gives the same as merging at once.
        let stepwise = reports.dropFirst().reduce(reports[0]) { CoverageReport.merged([$0, $1]) }
        #expect(Self.figures(stepwise) == merged, "seed \(seed)")
    }

    @Test(
        "merging coverage reports is idempotent: a report merged with itself, or again, changes nothing",
        arguments: seeds)
    func mergeIdempotent(_ seed: UInt64) throws {
        var generator = ReportGenerator(seed: seed)
        let a = try Self.coverage(generator.cobertura())
        let b = try Self.coverage(generator.cobertura())
        #expect(Self.figures(.merged([a, a])) == Self.figures(a), "seed \(seed)")
        let ab = CoverageReport.merged([a, b])
        #expect(Self.figures(.merged([ab, b])) == Self.figures(ab), "seed \(seed)")
        #expect(Self.figures(.merged([ab, ab])) == Self.figures(ab), "seed \(seed)")
    }

    /// A random run: two coverage, two JUnit, a Bandit and a SARIF report, an unreadable one and an ignored file,
    /// judged by gates on every family.
    static func randomRun(_ generator: inout ReportGenerator) throws -> (ReportSet, Configuration) {
        let waivers = generator.waivers(today: Build.today)
        var reports = [
            try read(.cobertura, generator.cobertura(), path: "unit/coverage.xml"),
            try read(.cobertura, generator.cobertura(), path: "integration/coverage.xml"),
            try read(.junit, generator.junit(), path: "unit/junit.xml"),
            try read(.junit, generator.junit(), path: "integration/junit.xml"),
            try read(.bandit, generator.bandit(), path: "bandit.json", waivers: waivers),
            try read(.sarif, generator.sarif(), path: "scan.sarif", waivers: waivers),
        ]
        reports = reports.map { report in
            var report = report
            report.diagnostics.append(Diagnostic(.note, code: "test.note", message: "a note", file: report.path))
            return report
        }
        let set = ReportSet(
            reports: reports,
            failed: [FailedReport(path: "broken.xml", kind: .junit, error: .truncated(at: FilePosition(line: 3)))],
            ignored: [IgnoredFile(path: "index.html", reason: "XML with root element <html>")],
            diagnostics: [Diagnostic(.warning, code: "input.empty-directory", message: "empty", file: "empty/")])
        let gates = [
            Build.gate("lines", .coverage(.lineRate), min: "0.5"),
            Build.gate("branches", .coverage(.branchRate), min: "0.5", level: .warn),
            Build.gate("failed", .tests(.failed), max: "0"),
            Build.gate("findings", .findings(.total), max: "3"),
            GateSpec(
                id: "high", metric: .findings(.high), bound: .max(Threshold(0)),
                selector: FindingSelector(minSeverity: .high)),
        ]
        return (set, Configuration(gates: gates, waivers: waivers))
    }

    @Test("a verdict's JSON is byte-identical for the same inputs in any order", arguments: seeds)
    func verdictDeterminism(_ seed: UInt64) throws {
        var generator = ReportGenerator(seed: seed)
        let (set, configuration) = try Self.randomRun(&generator)
        let reporter = OutputFormat.json.reporter()
        let expected = reporter.render(GateEngine.evaluate(set, configuration: configuration, today: Build.today))
        for _ in 0..<4 {
            let shuffled = ReportSet(
                reports: generator.shuffled(set.reports), failed: generator.shuffled(set.failed),
                ignored: generator.shuffled(set.ignored), diagnostics: generator.shuffled(set.diagnostics))
            let again = reporter.render(GateEngine.evaluate(shuffled, configuration: configuration, today: Build.today))
            #expect(again == expected, "seed \(seed)")
        }
    }

    @Test("counts are never negative and always add up", arguments: seeds)
    func countsAddUp(_ seed: UInt64) throws {
        var generator = ReportGenerator(seed: seed)
        let (set, configuration) = try Self.randomRun(&generator)
        var sum = TestReport()
        for report in set.reports {
            switch report.content {
            case .tests(let tests):
                #expect(tests.passed + tests.failed + tests.errors + tests.skipped == tests.total, "seed \(seed)")
                #expect(tests.flaky <= tests.passed && tests.failures.count <= tests.failed + tests.errors)
                sum.add(tests)
            case .coverage(let coverage):
                let totals = coverage.totals
                #expect(totals.linesCovered <= totals.linesValid && totals.branchesCovered <= totals.branchesValid)
            default: break
            }
        }
        #expect(sum.passed + sum.failed + sum.errors + sum.skipped == sum.total)
        let verdict = GateEngine.evaluate(set, configuration: configuration, today: Build.today)
        let values = verdict.reports.flatMap { $0.metrics.values } + verdict.gates.compactMap(\.actual)
        for value in values {
            switch value {
            case .integer(let count): #expect(count >= 0, "seed \(seed)")
            case .ratio(let numerator, let denominator):
                #expect(numerator >= 0 && denominator > 0 && numerator <= denominator, "seed \(seed)")
            case .decimal(let number): #expect(number >= 0, "seed \(seed)")
            case .notMeasured: break
            }
        }
    }

    /// How bad a gate's status is: a waiver or another passing report may only move it down.
    static func rank(_ status: GateResult.Status) -> Int {
        switch status {
        case .pass, .skipped: 0
        case .warn: 1
        case .fail: 2
        case .error: 3
        }
    }

    @Test(
        "a waiver never makes a verdict worse: no gate's count rises, no status or exit code worsens", arguments: seeds)
    func waiversOnlyHelp(_ seed: UInt64) throws {
        var generator = ReportGenerator(seed: seed)
        let texts = [(ReportKind.bandit, generator.bandit()), (.sarif, generator.sarif())]
        let waivers = generator.waivers(today: Build.today)
        let gates = [
            Build.gate("all", .findings(.total), max: "\(generator.int(0...6))"),
            GateSpec(
                id: "high", metric: .findings(.total), bound: .max(Threshold(0)),
                selector: FindingSelector(minSeverity: .high)),
            Build.gate("medium", .findings(.medium), max: "1", level: .warn),
        ]
        func verdict(_ waivers: [Waiver]) throws -> Verdict {
            let reports = try texts.map { try Self.read($0.0, $0.1, path: "\($0.0.rawValue).json", waivers: waivers) }
            return GateEngine.evaluate(
                ReportSet(reports: reports), configuration: Configuration(gates: gates, waivers: waivers),
                today: Build.today)
        }
        let without = try verdict([])
        let with = try verdict(waivers)
        #expect(with.exitCode <= without.exitCode, "seed \(seed)")
        for (waived, plain) in zip(with.gates, without.gates) {
            #expect(Self.rank(waived.status) <= Self.rank(plain.status), "seed \(seed): \(waived.id)")
            if case .integer(let a)? = waived.actual, case .integer(let b)? = plain.actual {
                #expect(a <= b, "seed \(seed): \(waived.id)")
            }
        }
    }

    @Test("adding a report that passes on its own never turns a pass into a fail (tests, findings)", arguments: seeds)
    func passingReportKeepsPass(_ seed: UInt64) throws {
        var generator = ReportGenerator(seed: seed)
        let gates = [
            Build.gate("failed", .tests(.failed), max: "0"), Build.gate("errors", .tests(.errors), max: "0"),
            Build.gate("present", .tests(.total), min: "1"), Build.gate("findings", .findings(.total), max: "0"),
        ]
        func judge(_ reports: [LoadedReport], _ gate: GateSpec) -> GateResult.Status {
            Build.evaluate(reports, [gate]).gates[0].status
        }
        let base = [
            try Self.read(.junit, generator.junit(failing: generator.chance(0.5)), path: "a.xml"),
            try Self.read(.bandit, generator.bandit(findings: 0...2), path: "a.json"),
        ]
        let added = [
            try Self.read(.junit, generator.junit(failing: false), path: "b.xml"),
            try Self.read(.sarif, generator.sarif(results: 0...1), path: "b.sarif"),
        ]
        for gate in gates {
            let candidates = added.filter { judge([$0], gate) == .pass }
            guard judge(base, gate) == .pass, !candidates.isEmpty else { continue }
            #expect(judge(base + candidates, gate) == .pass, "seed \(seed): \(gate.id)")
        }
    }

    @Test("adding a coverage report in which every line is covered never lowers the merged coverage", arguments: seeds)
    func coveredReportKeepsCoverage(_ seed: UInt64) throws {
        var generator = ReportGenerator(seed: seed)
        let base = try Self.coverage(generator.cobertura())
        let full = try Self.coverage(generator.cobertura().replacingHits())
        let before = base.totals
        let after = CoverageReport.merged([base, full]).totals
        #expect(
            after.linesCovered * max(before.linesValid, 1) >= before.linesCovered * after.linesValid, "seed \(seed)")
    }

    @Test("but a coverage report that passes on its own can lower the merged rate: that is what a union is")
    func passingCoverageCanLowerTheUnion() throws {
        func report(_ lines: [(Int, Int)]) throws -> LoadedReport {
            let body = lines.map { "<line number=\"\($0.0)\" hits=\"\($0.1)\"/>" }.joined()
            return try Self.read(
                .cobertura,
                "<coverage><packages><package><classes><class filename=\"a.py\"><lines>\(body)</lines></class>"
                    + "</classes></package></packages></coverage>", path: "\(lines.map(\.0)).xml")
        }
        let gate = Build.gate("lines", .coverage(.lineRate), min: "0.5")
        let a = try report([(1, 1), (2, 0)])
        let b = try report([(1, 1), (3, 0)])
        #expect(Build.evaluate([a], [gate]).status == .pass && Build.evaluate([b], [gate]).status == .pass)
        // Line 1 is covered by both, lines 2 and 3 by neither: 1 of 3 lines.
        #expect(Build.evaluate([a, b], [gate]).gates[0].actual == .ratio(numerator: 1, denominator: 3))
    }
}

extension String {
    /// The report with every line hit (for ``InvariantTests/coveredReportKeepsCoverage(_:)``).
    fileprivate func replacingHits() -> String {
        replacingOccurrences(of: "hits=\"0\"", with: "hits=\"1\"")
    }
}
