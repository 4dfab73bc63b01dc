import Foundation
@_spi(Internals) import GateCheck
import Testing

/// Tracefiles that write a line more than once in a record, read as lcov reads them.
///
/// coverlet's LCOV writes one `DA:` per method, so a line two methods share is written twice in a record and its
/// `LF`/`LH` count both (ReportGenerator's coverlet `lcov.info`, read only after the reader was written: see
/// docs/reference/holdout.md). The figures are lcov's own (`lcov --summary`: each line once), and the file's own
/// `LF`/`LH` agree with its lines rather than being refused as an edit.
struct LcovRepeatedLinesTests {
    /// The sums of the tracefile's own `LF` and `LH` lines: the producer's (coverlet's) figure.
    static func statedLines(_ bytes: [UInt8]) -> (hit: Int, found: Int) {
        var hit = 0
        var found = 0
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            if line.hasPrefix("LF:") { found += Int(line.dropFirst(3)) ?? -1_000_000 }
            if line.hasPrefix("LH:") { hit += Int(line.dropFirst(3)) ?? -1_000_000 }
        }
        return (hit, found)
    }

    @Test("coverlet's tracefile reads with lcov --summary's figures and a note giving its own LF/LH")
    func coverletTracefileEqualsLcovSummary() throws {
        let bytes = try Fixtures.bytes("lcov/coverlet-reportgenerator.info")
        let expected = try LcovReaderTests.summary("coverlet-reportgenerator")
        for chunkSize in [Int.max, 5] {
            var source = BytesSource(bytes, chunkSize: chunkSize)
            let parsed = try LCOVParser.parse(&source)
            let totals = parsed.report.totals
            #expect([totals.linesCovered, totals.linesValid] == expected.lines)
            #expect([totals.branchesCovered, totals.branchesValid] == expected.branches)
            let stated = Self.statedLines(bytes)
            // The file's own figure counts the repeats, so it is not lcov's: the note must give both.
            #expect(stated.found > expected.lines[1])
            let note = try #require(parsed.diagnostics.first { $0.code == "lcov.repeated-lines" })
            #expect(note.severity == .note)
            #expect(note.message.contains("\(stated.hit) of \(stated.found) lines"))
            #expect(note.message.contains("\(expected.lines[0]) of \(expected.lines[1])"))
        }
    }

    @Test("a tracefile without repeated lines has no note")
    func noRepeatsNoNote() throws {
        var source = BytesSource(try Fixtures.bytes("lcov/calc.info"))
        #expect(try LCOVParser.parse(&source).diagnostics.isEmpty)
    }

    /// Line 7 written twice (a getter and a setter) and hit once, line 9 written twice and hit twice, line 10 not
    /// hit: 5 copies of which 3 hit, or 3 lines of which 2 hit.
    static func record(_ summary: String) -> String {
        "TN:\nSF:/src/A.cs\nDA:7,0\nDA:7,1\nDA:9,4\nDA:9,2\nDA:10,0\n" + summary + "end_of_record\n"
    }

    @Test(
        "a summary that matches neither counting of repeated lines is still an error at its line",
        arguments: [
            ("LF:4\nLH:2\n", "LF:4"),  // neither 5 copies nor 3 lines
            ("LF:5\nLH:2\n", "LH:2"),  // LF counts the copies, LH distinct lines: mixed, so edited
            ("LF:3\nLH:3\n", "LH:3"),  // LF counts distinct lines, LH the copies hit: mixed
        ])
    func contradictionStillRefused(summary: String, culprit: String) throws {
        let text = Self.record(summary)
        var source = BytesSource(Array(text.utf8))
        do {
            _ = try LCOVParser.parse(&source)
            Issue.record("\(summary) was accepted")
        } catch {
            #expect(error.code == "report.invalid-value")
            let line = try #require(error.location?.line)
            #expect(String(text.split(separator: "\n")[line - 1]) == culprit)
        }
    }

    @Test(
        "LF/LH counting each copy or each line are both accepted; the figures count each line once",
        arguments: [("LF:5\nLH:3\n", ["lcov.repeated-lines"]), ("LF:3\nLH:2\n", [])])
    func repeatsCountedOnce(summary: String, notes: [String]) throws {
        var source = BytesSource(Array(Self.record(summary).utf8))
        let parsed = try LCOVParser.parse(&source)
        let figures: [Int] = [parsed.report.totals.linesCovered, parsed.report.totals.linesValid]
        #expect(figures == [2, 3])
        let codes: [String] = parsed.diagnostics.map { $0.code }
        #expect(codes == notes)
    }
}
