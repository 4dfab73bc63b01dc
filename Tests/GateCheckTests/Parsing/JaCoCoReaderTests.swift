import Foundation
@_spi(Internals) import GateCheck
import Testing

/// JaCoCo XML written by JaCoCo itself (0.7.7 and 0.8.3, through Ant, from danielpalme/ReportGenerator's test
/// projects; see Fixtures/jacoco/NOTICE) reads with JaCoCo's own figures: the report's `LINE` and `BRANCH` counters.
struct JaCoCoReaderTests {
    static let fixtures = ["JaCoCo0.8.3.xml", "JaCoCo0.7.7.xml"]

    static func read(_ bytes: [UInt8], chunkSize: Int = .max) throws(ReportError) -> ParsedCoverage {
        var source = BytesSource(bytes, chunkSize: chunkSize)
        return try JaCoCoParser.parse(&source)
    }

    static func read(_ text: String) throws(ReportError) -> ParsedCoverage { try read(Array(text.utf8)) }

    @Test("detected by content, with its DOCTYPE, and read without fetching report.dtd", arguments: fixtures)
    func detected(_ name: String) throws {
        let bytes = try Fixtures.bytes("jacoco/\(name)")
        #expect(ReportDetector.detect(prefix: bytes, isWholeFile: true) == .report(.jacoco))
    }

    @Test(
        "line and branch totals equal the report's own LINE (26 of 38) and BRANCH (1 of 4) counters",
        arguments: fixtures)
    func producerFigures(_ name: String) throws {
        let bytes = try Fixtures.bytes("jacoco/\(name)")
        for chunkSize in [1, 7, 4096, Int.max] {
            let parsed = try Self.read(bytes, chunkSize: chunkSize)
            let totals = parsed.report.totals
            #expect(totals.linesValid == 38)
            #expect(totals.linesCovered == 26)
            #expect(totals.branchesValid == 4)
            #expect(totals.branchesCovered == 1)
            #expect(parsed.diagnostics.isEmpty)
        }
    }

    @Test("files are the package name and the source file name, as JaCoCo's HTML report shows them")
    func paths() throws {
        let report = try Self.read(try Fixtures.bytes("jacoco/JaCoCo0.8.3.xml")).report
        #expect(report.files.keys.sorted().allSatisfy { $0.hasPrefix("test/") && $0.hasSuffix(".java") })
        let program = try #require(report.files["test/Program.java"])
        #expect(program.lines.count > 0)
    }

    @Test("a JaCoCo report merges with a Cobertura report of another module in the union")
    func mergesWithCobertura() throws {
        let jacoco = try Self.read(try Fixtures.bytes("jacoco/JaCoCo0.8.3.xml")).report
        let cobertura = try Fixtures.coverage(try Fixtures.bytes("coveragepy/branch.xml"))
        let merged = CoverageReport.merged([jacoco, cobertura]).totals
        #expect(merged.linesValid == jacoco.totals.linesValid + cobertura.totals.linesValid)
        #expect(merged.linesCovered == jacoco.totals.linesCovered + cobertura.totals.linesCovered)
    }

    static let template = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "report.dtd">
        <report name="demo">
          <sessioninfo id="s" start="1" dump="2"/>
          <package name="org/demo">
            <sourcefile name="Calc.java">
              <line nr="3" mi="0" ci="3" mb="1" cb="1"/>
              <line nr="5" mi="2" ci="0" mb="0" cb="0"/>
              <counter type="LINE" missed="1" covered="1"/>
              <counter type="BRANCH" missed="1" covered="1"/>
            </sourcefile>
          </package>
          <counter type="LINE" missed="$LM" covered="1"/>
          <counter type="BRANCH" missed="1" covered="1"/>
        </report>
        """

    @Test("a counter that contradicts the lines is refused at its line, never resolved either way")
    func contradictingCounter() throws {
        let clean = try Self.read(Self.template.replacingOccurrences(of: "$LM", with: "1"))
        #expect(clean.report.totals.linesValid == 2)
        #expect(clean.report.files["org/demo/Calc.java"]?.branchTotals.total == 2)
        #expect(throws: ReportError.self) {
            try Self.read(Self.template.replacingOccurrences(of: "$LM", with: "5"))
        }
        do {
            _ = try Self.read(Self.template.replacingOccurrences(of: "$LM", with: "5"))
        } catch {
            #expect(error.code == "report.invalid-value")
            guard case .invalidValue(let message, let position, _) = error else { return }
            #expect(position?.line == 13)
            #expect(message.contains("1 of 6"))
        }
    }

    @Test("a line that is not a count, a line outside a source file and a truncated report are refused")
    func damage() throws {
        let clean = Self.template.replacingOccurrences(of: "$LM", with: "1")
        let cases: [(String, String)] = [
            (clean.replacingOccurrences(of: #"ci="3""#, with: #"ci="-3""#), "report.invalid-value"),
            (clean.replacingOccurrences(of: #"nr="5""#, with: #"nr="0""#), "report.invalid-value"),
            (
                clean.replacingOccurrences(
                    of: #"<package name="org/demo">"#, with: #"<line nr="1" mi="0" ci="1"/><package name="org/demo">"#),
                "report.malformed"
            ),
            (String(clean.prefix(clean.count / 2)), "report.truncated"),
        ]
        for (text, code) in cases {
            do {
                _ = try Self.read(text)
                Issue.record("read: \(text)")
            } catch {
                #expect(error.code == code)
            }
        }
    }

    @Test("a <report> without JaCoCo's DOCTYPE is not taken for JaCoCo")
    func otherReportRoot() {
        let detection = ReportDetector.detect(prefix: Array("<report><x/></report>".utf8), isWholeFile: true)
        #expect(detection != .report(.jacoco))
    }

    /// JaCoCo reports of Gradle builds kept by Madrapps/jacoco-report's tests, read only after the reader was
    /// written: (file, lines covered, lines, branches covered, branches), the report's own root counters.
    static let unseen: [(String, Int, Int, Int, Int)] = [
        ("madrapps-report.xml", 12, 27, 2, 6), ("madrapps-appCoverage.xml", 2, 21, 0, 2),
        ("madrapps-mathCoverage.xml", 5, 10, 0, 0), ("madrapps-textCoverage.xml", 3, 4, 0, 0),
    ]

    @Test("reports not seen while writing the reader give their root counters' figures")
    func unseenReports() throws {
        for (name, covered, lines, branchesCovered, branches) in Self.unseen {
            let bytes = try Fixtures.bytes("jacoco/\(name)")
            #expect(ReportDetector.detect(prefix: bytes, isWholeFile: true) == .report(.jacoco), "\(name)")
            let totals = try Self.read(bytes).report.totals
            #expect(totals.linesCovered == covered, "\(name)")
            #expect(totals.linesValid == lines, "\(name)")
            #expect(totals.branchesCovered == branchesCovered, "\(name)")
            #expect(totals.branchesValid == branches, "\(name)")
        }
        // Three modules' reports merge into one union, as the action sums them.
        let merged = CoverageReport.merged(
            try Self.unseen.dropFirst().map { try Self.read(try Fixtures.bytes("jacoco/\($0.0)")).report }
        ).totals
        #expect(merged.linesValid == 35)
        #expect(merged.linesCovered == 10)
    }

    @Test("an edited report (a package removed, the root counters kept) is refused, naming both figures")
    func editedReportRefused() throws {
        let bytes = try Fixtures.bytes("jacoco/madrapps-empty-appCoverage.xml")
        do {
            _ = try Self.read(bytes)
            Issue.record("an edited report was read")
        } catch {
            #expect(error.code == "report.invalid-value")
            #expect(error.description.contains("2 of 21") && error.description.contains("2 of 19"))
        }
    }

    @Test("a source file with branches but no line (no line numbers) is noted, and the report's branches may exceed")
    func branchesWithoutLines() throws {
        let text = """
            <report name="r"><package name="p"><sourcefile name="A.java">
            <counter type="BRANCH" missed="2" covered="2"/></sourcefile>
            <sourcefile name="B.java"><line nr="1" mi="0" ci="1" mb="0" cb="2"/>
            <counter type="LINE" missed="0" covered="1"/><counter type="BRANCH" missed="0" covered="2"/></sourcefile>
            </package><counter type="BRANCH" missed="2" covered="4"/><counter type="LINE" missed="0" covered="1"/>
            </report>
            """
        let parsed = try Self.read(text)
        #expect(parsed.report.totals.branchesValid == 2)
        #expect(parsed.diagnostics.map(\.code) == ["jacoco.branches-without-lines"])
        // Fewer branches at the root than the lines give is a contradiction.
        #expect(throws: ReportError.self) {
            try Self.read(text.replacingOccurrences(of: #"missed="2" covered="4""#, with: #"missed="0" covered="1""#))
        }
    }

    @Test("totals mode (one coverage report) gives the figures of lines mode, a repeated file included")
    func totalsMode() throws {
        let repeated = try #require(
            String(
                data: try Data(
                    contentsOf: Fixtures.packageRoot.appendingPathComponent(
                        "fuzz/seeds/jacoco/groups-repeated-source.xml")), encoding: .utf8))
        let texts =
            try Self.fixtures.map { String(decoding: try Fixtures.bytes("jacoco/\($0)"), as: UTF8.self) }
            + [repeated]
        for text in texts {
            var lines = BytesSource(text)
            var totals = BytesSource(text)
            let full = try JaCoCoParser.parse(&lines, detail: .lines)
            let summed = try JaCoCoParser.parse(&totals, detail: .totals)
            #expect(full.report.totals == summed.report.totals)
            #expect(full.diagnostics == summed.diagnostics)
        }
    }
}
