import Foundation
@_spi(Internals) import GateCheck
import Testing

/// gcovr 8 writes one `<line>` per function instance (templates, inlined and virtual functions): gatecheck counts
/// each instance, as gcovr does, on gcovr's own reference outputs (`cobertura-fidelity/NOTICE.md`).
struct CoberturaInstanceLineTests {
    /// A gcovr reference output and gcovr's own figures for it.
    struct Reference: Sendable, CustomTestStringConvertible {
        var name: String
        var linesValid: Int
        var linesCovered: Int
        var branchesValid: Int
        var branchesCovered: Int
        var testDescription: String { name }
    }

    /// gcovr's figures, from its own summaries beside each output: `coverage_summary.json` (line_total,
    /// line_covered, branch_total, branch_covered) for virtual-classes, `coverage.txt` (Lines, Exec) and the root's
    /// branches-valid/branches-covered for template-function, which has no JSON summary.
    static let references = [
        Reference(
            name: "virtual-classes-gcc-14-Windows", linesValid: 38, linesCovered: 31, branchesValid: 36,
            branchesCovered: 18),
        Reference(
            name: "virtual-classes-gcc-14", linesValid: 30, linesCovered: 23, branchesValid: 36, branchesCovered: 18),
        Reference(
            name: "template-function-gcc-8", linesValid: 40, linesCovered: 38, branchesValid: 30, branchesCovered: 23),
        // Read only after the rule was written: coverage.txt (43 lines, 41 executed) and the root's branches.
        Reference(
            name: "several-functions-on-same-line-gcc-8", linesValid: 43, linesCovered: 41, branchesValid: 12,
            branchesCovered: 9),
        // Read only after the rule was written: coverage_summary.json.
        Reference(
            name: "const-functions-gcc-14", linesValid: 19, linesCovered: 17, branchesValid: 4, branchesCovered: 2),
    ]

    static func bytes(_ name: String) throws -> [UInt8] {
        try Fixtures.bytes("cobertura-fidelity/gcovr/\(name).cobertura.xml")
    }

    static func parse(_ bytes: [UInt8], detail: CoverageDetail = .lines) throws -> ParsedCoverage {
        var source = BytesSource(bytes)
        return try CoberturaParser.parse(&source, detail: detail)
    }

    @Test("each instance counts as gcovr counts it, in both detail modes", arguments: references)
    func figuresEqualGcovr(_ reference: Reference) throws {
        for detail in CoverageDetail.allCases {
            let parsed = try Self.parse(try Self.bytes(reference.name), detail: detail)
            let totals = parsed.report.totals
            #expect(totals.linesValid == reference.linesValid, "\(detail)")
            #expect(totals.linesCovered == reference.linesCovered, "\(detail)")
            #expect(totals.branchesValid == reference.branchesValid, "\(detail)")
            #expect(totals.branchesCovered == reference.branchesCovered, "\(detail)")
            // The root agrees with the instances, so nothing blames it.
            #expect(!parsed.diagnostics.contains { $0.code == "cobertura.summary-mismatch" }, "\(detail)")
        }
    }

    @Test(
        "the figures are gcovr's summary JSON figures",
        arguments: ["virtual-classes-gcc-14-Windows", "virtual-classes-gcc-14", "const-functions-gcc-14"])
    func summaryJSON(_ name: String) throws {
        let summary = try Fixtures.json("cobertura-fidelity/gcovr/\(name).coverage_summary.json")
        let totals = try Self.parse(try Self.bytes(name)).report.totals
        #expect(totals.linesValid == summary["line_total"] as? Int)
        #expect(totals.linesCovered == summary["line_covered"] as? Int)
        #expect(totals.branchesValid == summary["branch_total"] as? Int)
        #expect(totals.branchesCovered == summary["branch_covered"] as? Int)
        // gcovr prints 81.6 %: the line rate gatecheck gates on is the same fraction.
        let percent = try #require(summary["line_percent"] as? Double)
        #expect(abs(Double(totals.linesCovered) / Double(totals.linesValid) * 100 - percent) < 0.05)
    }

    @Test("a line with a missed instance is named as missed, as gcovr's Missing column does")
    func missedInstanceNamed() throws {
        let report = try Self.parse(try Self.bytes("virtual-classes-gcc-14-Windows")).report
        let file = try #require(report.files["main.cpp"])
        // coverage.txt: Missing 10-11,26-27,42-43,66.
        #expect(file.lines.missedLines(limit: 8) == [10, 11, 26, 27, 42, 43, 66])
        // Line 10's instances ran 0, 1 and 2 times: it is present and missed; line 8's all ran.
        #expect(file.lines.status(of: 10) == (true, false))
        #expect(file.lines.status(of: 8) == (true, true))
        #expect(file.lines.status(of: 12) == (false, false))
    }

    @Test("gcovr --merge-lines output (one <line> per line) reads as its root states")
    func mergedLines() throws {
        let merged = "cobertura-fidelity/gcovr/template-function-gcc-8.cobertura.merged.xml"
        let parsed = try Self.parse(try Fixtures.bytes(merged))
        let totals = parsed.report.totals
        #expect(totals.linesValid == 32)
        #expect(totals.linesCovered == 31)
        #expect(totals.branchesValid == 20)
        #expect(totals.branchesCovered == 16)
        #expect(parsed.report.totals.linesValid == parsed.report.summary.linesValid)
    }

    @Test("a union pairs instance k of a line with instance k of the other run's line")
    func unionPairsInstances() throws {
        let first = try Self.parse(try Self.bytes("template-function-gcc-8")).report
        // A second run of the same build in which line 14's first instance ran and its second did not.
        let text = String(decoding: try Self.bytes("template-function-gcc-8"), as: UTF8.self)
            .replacing("<line number=\"14\" hits=\"0\"", with: "<line number=\"14\" hits=\"X\"")
            .replacing("<line number=\"14\" hits=\"1\"", with: "<line number=\"14\" hits=\"0\"")
            .replacing("<line number=\"14\" hits=\"X\"", with: "<line number=\"14\" hits=\"2\"")
        let second = try Self.parse(Array(text.utf8)).report
        #expect(second.totals.linesCovered == 38)
        // Its first instance ran, its second did not: the line is missed until the union.
        #expect(try #require(second.files["main.cpp"]).lines.status(of: 14) == (true, false))
        for union in [CoverageReport.merged([first, second]), .merged([second, first])] {
            #expect(union.totals.linesValid == 40)
            #expect(union.totals.linesCovered == 39)  // only line 29 is missed in both runs
            #expect(union.totals.branchesValid == 30)
            #expect(try #require(union.files["main.cpp"]).lines.status(of: 14) == (true, true))
        }
        #expect(CoverageReport.merged([first, first]).totals == first.totals)
    }

    @Test("repeats from a producer other than gcovr count once, and the warning says why the root differs")
    func otherProducerCountsOnce() throws {
        let text = String(decoding: try Self.bytes("virtual-classes-gcc-14-Windows"), as: UTF8.self)
            .replacing("version=\"gcovr 8.6+main\"", with: "version=\"1.9\"")
        for detail in CoverageDetail.allCases {
            let parsed = try Self.parse(Array(text.utf8), detail: detail)
            #expect(parsed.report.totals.linesValid == 24, "\(detail)")
            #expect(parsed.report.totals.linesCovered == 23, "\(detail)")
            let warning = try #require(parsed.diagnostics.first { $0.code == "cobertura.summary-mismatch" })
            #expect(warning.message.contains("14 <line> element(s) repeat a line number"), "\(detail)")
            #expect(warning.message.contains("lines-valid=38 counts every element"), "\(detail)")
        }
    }
}
