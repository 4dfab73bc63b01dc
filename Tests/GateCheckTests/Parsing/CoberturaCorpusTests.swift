@_spi(Internals) import GateCheck
import Testing

/// Every Cobertura file of the shared corpus, read against the facts its MANIFEST row states.
@Suite(.enabled(if: Corpus.isAvailable, Corpus.absenceReason))
struct CoberturaCorpusTests {
    /// What gatecheck must count in one corpus file.
    struct Expectation: Sendable, CustomTestStringConvertible {
        var path: String
        var linesValid: Int
        var linesCovered: Int
        var branchesValid: Int
        var branchesCovered: Int
        /// Why a figure differs from the manifest's `read:` counts or the source project's, if it does.
        var note: String = ""
        var testDescription: String { path }
    }

    static let expectations: [Expectation] = [
        Expectation(
            path: "cobertura/pycobertura/cobertura.xml", linesValid: 34, linesCovered: 31, branchesValid: 12,
            branchesCovered: 9,
            note: "pycobertura asserts total_hits=28: it does not count partially branch-covered lines as hit. "
                + "gatecheck counts a line as covered when hits > 0 (coverage.py's rule), as the manifest's "
                + "class-lines-hit=31 does"),
        Expectation(
            path: "cobertura/pycobertura/cobertura-generated-by-istanbul-from-coffeescript.xml", linesValid: 8,
            linesCovered: 7, branchesValid: 2, branchesCovered: 1),
        Expectation(
            path: "cobertura/pycobertura/dummy.original.xml", linesValid: 4, linesCovered: 2, branchesValid: 0,
            branchesCovered: 0),
        Expectation(
            path: "cobertura/pycobertura/dummy.original-full-cov.xml", linesValid: 4, linesCovered: 4, branchesValid: 0,
            branchesCovered: 0),
        Expectation(
            path: "cobertura/pycobertura/dummy.with-dummy2-no-cov.xml", linesValid: 6, linesCovered: 4,
            branchesValid: 0, branchesCovered: 0),
        Expectation(
            path: "cobertura/pycobertura/dummy.source1-coverage.xml", linesValid: 12, linesCovered: 5, branchesValid: 0,
            branchesCovered: 0),
        Expectation(
            path: "cobertura/pycobertura/dummy.with-branch-condition-coverage.xml", linesValid: 4, linesCovered: 3,
            branchesValid: 2, branchesCovered: 1),
        Expectation(
            path: "cobertura/pycobertura/dummy.linestatus-test1.xml", linesValid: 1, linesCovered: 1, branchesValid: 0,
            branchesCovered: 0, note: "the root says line-rate=0.417 for its single covered line: the lines win"),
        Expectation(
            path: "cobertura/pycobertura/dummy.zeroexit1-coverage.xml", linesValid: 7, linesCovered: 4,
            branchesValid: 0, branchesCovered: 0),
        Expectation(
            path: "cobertura/coveragepy/x_xml-coverage.xml", linesValid: 3, linesCovered: 2, branchesValid: 0,
            branchesCovered: 0),
        Expectation(
            path: "cobertura/coveragepy/y_xml_branch-coverage.xml", linesValid: 5, linesCovered: 4, branchesValid: 2,
            branchesCovered: 1),
        Expectation(
            path: "cobertura/gcovr/nested-standard-gcc-5-cobertura.xml", linesValid: 42, linesCovered: 25,
            branchesValid: 14,
            branchesCovered: 4, note: "equals gcovr's own summary: lines 25/42, branches 4/14"),
        Expectation(
            path: "cobertura/gcovr/no-branch-gcc-5-cobertura.xml", linesValid: 2, linesCovered: 2, branchesValid: 0,
            branchesCovered: 0, note: "gcovr writes branch-rate=1.0 for 0/0 branches; gatecheck says not measured"),
        Expectation(
            path: "cobertura/gcovr/wspace-gcc-5-cobertura.xml", linesValid: 9, linesCovered: 7, branchesValid: 4,
            branchesCovered: 2),
        Expectation(
            path: "cobertura/gcovr/windows-drive-subst-gcc-14-cobertura.xml", linesValid: 9, linesCovered: 7,
            branchesValid: 4, branchesCovered: 2),
        Expectation(
            path: "cobertura/gcovr/example_cobertura.xml", linesValid: 7, linesCovered: 6, branchesValid: 2,
            branchesCovered: 1),
        Expectation(
            path: "cobertura/ReportGenerator/Cobertura2.1.1.xml", linesValid: 36, linesCovered: 24, branchesValid: 4,
            branchesCovered: 1),
        Expectation(
            path: "cobertura/ReportGenerator/Cobertura2.1.1-MultiSource.xml", linesValid: 36, linesCovered: 24,
            branchesValid: 4, branchesCovered: 1),
        Expectation(
            path: "cobertura/ReportGenerator/Cobertura_coverlet.xml", linesValid: 255, linesCovered: 156,
            branchesValid: 14,
            branchesCovered: 9),
        Expectation(
            path: "cobertura/ReportGenerator/Cobertura_altcover.xml", linesValid: 174, linesCovered: 116,
            branchesValid: 10,
            branchesCovered: 7,
            note: "the manifest counts 182 class lines (121 hit); 8 of them repeat a (file, line) already counted in "
                + "another <class> of the same file, and gatecheck counts each (file, line) once"),
        Expectation(
            path: "cobertura/ReportGenerator/Cobertura_dotnet-coverage.xml", linesValid: 221, linesCovered: 158,
            branchesValid: 18, branchesCovered: 15,
            note: "225 class lines in the manifest, 4 duplicated (file, line) pairs counted once; the root's "
                + "lines-valid=235 is not what the lines say"),
        Expectation(
            path: "cobertura/ReportGenerator/Cobertura_dotnettest_old.xml", linesValid: 199, linesCovered: 130,
            branchesValid: 14, branchesCovered: 11,
            note: "EDGE: the root claims lines-valid=14183; the file holds 201 class lines, 199 distinct"),
        Expectation(
            path: "cobertura/ReportGenerator/Cobertura_CPPCoverage.xml", linesValid: 2, linesCovered: 0,
            branchesValid: 0,
            branchesCovered: 0, note: "EDGE: the root's line-rate=0.120511 disagrees with its two unhit lines"),
        Expectation(
            path: "cobertura/ReportGenerator/Cobertura_Swift.xml", linesValid: 2, linesCovered: 1, branchesValid: 0,
            branchesCovered: 0,
            note: "EDGE: its lines are only under <method><lines> (a <class> directly under <package>): they are the "
                + "class's lines, 1 of 2 hit as the root and ReportGenerator say; no line is a branch line, so the "
                + "root's branches-valid=\"1.0\" is not a count of anything the file holds"),
        Expectation(
            path: "cobertura/ReportGenerator/ReportGenerator-output-Cobertura.xml", linesValid: 97, linesCovered: 70,
            branchesValid: 8, branchesCovered: 4),
    ]

    /// Files whose only data are the root attributes: the metrics must come from those, and say so.
    static let summaryOnly: [(path: String, linesValid: Int, linesCovered: Int, branchRateMeasured: Bool)] = [
        ("cobertura/pycobertura/cobertura-no-branch-rate.xml", 8, 7, false)
    ]

    @Test("every Cobertura file in the manifest has an expectation here")
    func everyFileIsCovered() {
        let listed = Set(Corpus.entries("cobertura").map(\.path))
        let expected = Set(Self.expectations.map(\.path) + Self.summaryOnly.map(\.path))
        #expect(listed == expected)
    }

    @Test("line and branch totals are recomputed from the lines", arguments: expectations)
    func totals(_ expectation: Expectation) throws {
        var source = BytesSource(try Corpus.bytes(expectation.path))
        let report = try CoberturaParser.parse(&source).report
        let totals = report.totals
        #expect(totals.linesValid == expectation.linesValid, "\(expectation.note)")
        #expect(totals.linesCovered == expectation.linesCovered, "\(expectation.note)")
        #expect(totals.branchesValid == expectation.branchesValid)
        #expect(totals.branchesCovered == expectation.branchesCovered)
    }

    @Test("the same totals come out whatever the chunk size", arguments: expectations.prefix(6))
    func chunking(_ expectation: Expectation) throws {
        let bytes = try Corpus.bytes(expectation.path)
        for chunkSize in [1, 7, 4096] {
            var source = BytesSource(bytes, chunkSize: chunkSize)
            let totals = try CoberturaParser.parse(&source).report.totals
            #expect(
                totals.linesValid == expectation.linesValid && totals.branchesCovered == expectation.branchesCovered)
        }
    }

    @Test("keeping only branch totals gives the same totals as keeping every branch line", arguments: expectations)
    func totalsDetailAgrees(_ expectation: Expectation) throws {
        let bytes = try Corpus.bytes(expectation.path)
        var full = BytesSource(bytes)
        var compact = BytesSource(bytes)
        let lines = try CoberturaParser.parse(&full, detail: .lines).report.totals
        let totals = try CoberturaParser.parse(&compact, detail: .totals).report.totals
        #expect(lines == totals)
    }

    @Test("a file without <line> elements falls back to its root attributes, with a note")
    func summaryOnlyFiles() throws {
        for file in Self.summaryOnly {
            var source = BytesSource(try Corpus.bytes(file.path))
            let parsed = try CoberturaParser.parse(&source)
            #expect(parsed.report.totals.linesValid == 0)
            #expect(parsed.report.summary.linesValid == file.linesValid)
            #expect(parsed.report.summary.linesCovered == file.linesCovered)
            #expect(parsed.diagnostics.contains { $0.code == "cobertura.summary-only" })
            let metrics = try Self.metrics(file.path, parsed.report)
            #expect(metrics[.coverage(.lineRate)] == .ratio(numerator: file.linesCovered, denominator: file.linesValid))
            #expect((metrics[.coverage(.branchRate)] != .notMeasured) == file.branchRateMeasured)
        }
    }

    @Test("a root line-rate that disagrees with the lines is reported, and the lines win")
    func summaryMismatchWarning() throws {
        var source = BytesSource(try Corpus.bytes("cobertura/ReportGenerator/Cobertura_dotnettest_old.xml"))
        let parsed = try CoberturaParser.parse(&source)
        let warning = try #require(parsed.diagnostics.first { $0.code == "cobertura.summary-mismatch" })
        #expect(warning.message.contains("130/199"))
    }

    @Test("gcovr's 0/0 branches are 'not measured', never 0 % or 100 %")
    func noBranchesIsNotMeasured() throws {
        let path = "cobertura/gcovr/no-branch-gcc-5-cobertura.xml"
        var source = BytesSource(try Corpus.bytes(path))
        let metrics = try Self.metrics(path, try CoberturaParser.parse(&source).report)
        #expect(metrics[.coverage(.branchRate)] == .notMeasured)
        #expect(metrics[.coverage(.lineRate)] == .ratio(numerator: 2, denominator: 2))
    }

    static func metrics(_ path: String, _ report: CoverageReport) throws -> [Metric: MetricValue] {
        let set = ReportSet(reports: [LoadedReport(path: path, kind: .cobertura, content: .coverage(report))])
        let verdict = GateEngine.evaluate(set, configuration: .builtIn, today: Day("2026-01-01")!)
        return try #require(verdict.reports.first).metrics
    }
}
