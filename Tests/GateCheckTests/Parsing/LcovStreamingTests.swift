import Foundation
@_spi(Internals) import GateCheck
import Testing

/// The LCOV reader's two ways of keeping a tracefile, and its reading of many lines at a time: every way gives the
/// figures lcov gives (Fixtures/lcov, see its NOTICE).
struct LcovStreamingTests {
    /// Tracefiles lcov wrote or read, and joined ones: a file's records next to each other (calc + second) or apart
    /// (lcov's merge inputs, order-ab).
    static let inputs: [(name: String, files: [String])] = [
        ("calc", ["calc"]), ("istanbul", ["istanbul"]), ("merged", ["merged"]), ("lcov-merge-ab", ["lcov-merge-ab"]),
        ("coverlet-reportgenerator", ["coverlet-reportgenerator"]), ("merged", ["calc", "second"]),
        ("order-ab", ["order-ab"]),
    ]

    static func bytes(_ files: [String]) throws -> [UInt8] {
        try files.flatMap { try Fixtures.bytes("lcov/\($0).info") }
    }

    static func parse(_ bytes: [UInt8], chunkSize: Int = .max, detail: CoverageDetail) throws(ReportError)
        -> ParsedCoverage
    {
        var source = BytesSource(bytes, chunkSize: chunkSize)
        return try LCOVParser.parse(&source, detail: detail)
    }

    @Test("read for totals, each file keeps its lines' and branches' figures, equal to lcov's and to a read in detail")
    func totalsEqualDetail() throws {
        for input in Self.inputs {
            let bytes = try Self.bytes(input.files)
            let expected = try LcovReaderTests.summary(input.name)
            let lines = try Self.parse(bytes, detail: .lines)
            let totals = try Self.parse(bytes, detail: .totals)
            #expect(lines.report.detail == .lines)
            #expect(totals.report.detail == .totals, "\(input.files)")
            let sums = totals.report.totals
            #expect([sums.linesCovered, sums.linesValid] == expected.lines, "\(input.files)")
            #expect([sums.branchesCovered, sums.branchesValid] == expected.branches, "\(input.files)")
            #expect(totals.report.files.keys.sorted() == lines.report.files.keys.sorted())
            for (path, file) in lines.report.files {
                let summary = try #require(totals.report.files[path])
                #expect(!summary.hasDetail)
                #expect(summary.lines.count == file.lines.count, "\(path)")
                #expect(summary.lines.covered == file.lines.covered, "\(path)")
                #expect(summary.branchTotals.covered == file.branchTotals.covered, "\(path)")
                #expect(summary.branchTotals.total == file.branchTotals.total, "\(path)")
                // The missed lines a failing gate names are the same either way.
                #expect(summary.lines.missedLines(limit: 8) == file.lines.missedLines(limit: 8), "\(path)")
            }
            #expect(totals.diagnostics == lines.diagnostics)
        }
    }

    @Test("lines read many at a time give the report and errors that one line at a time gives, at any chunk size")
    func chunkSizesAgree() throws {
        for input in Self.inputs {
            let bytes = try Self.bytes(input.files)
            let whole = try Self.parse(bytes, detail: .lines)
            for chunkSize in [1, 13, 64, 4096] {
                #expect(try Self.parse(bytes, chunkSize: chunkSize, detail: .lines) == whole, "\(chunkSize)")
            }
        }
        // CRLF line ends, a checksum, leading zeros, and lines the fast path hands on whole.
        let text =
            "TN:\r\nSF:a.c\r\nDA:1,1,abc\r\nDA:0000000002,0\r\nDA:3,12\r\nBRDA:3,0,0,-\r\nBRDA:3,0,1,4\r\n"
            + "FN:1,main\r\nLF:3\r\nLH:2\r\nend_of_record\r\n"
        for chunkSize in [1, 5, 64, Int.max] {
            for detail in CoverageDetail.allCases {
                let report = try Self.parse(Array(text.utf8), chunkSize: chunkSize, detail: detail).report
                let file = try #require(report.files["a.c"])
                #expect(file.lines.count == 3)
                #expect(file.lines.covered == 2)
                #expect(file.branchTotals.covered == 1 && file.branchTotals.total == 2)
            }
        }
        let bad: [(String, Int)] = [
            ("TN:\nSF:a.c\nDA:1,1\nDA:2,1x\nend_of_record\n", 4),
            ("TN:\nSF:a.c\nBRDA:1,0,0,1\nBRDA:1,0\nend_of_record\n", 4),
            ("TN:\nSF:a.c\nDA:1,1\nend_of_record\nDA:2,1\n", 5),
            ("TN:\nSF:a.c\nDA:1,1\nDA:99999999999,1\nend_of_record\n", 4),
        ]
        for (text, line) in bad {
            for chunkSize in [1, 64, Int.max] {
                for detail in CoverageDetail.allCases {
                    do {
                        _ = try Self.parse(Array(text.utf8), chunkSize: chunkSize, detail: detail)
                        Issue.record("read: \(text)")
                    } catch {
                        #expect(error.location?.line == line, "\(text)")
                    }
                }
            }
        }
    }

    @Test("a line's branches out of order and a file's records apart merge branch by branch, as lcov merges them")
    func branchOrderAndRecordsApart() throws {
        let bytes = try Fixtures.bytes("lcov/order-ab.info")
        let expected = try LcovReaderTests.summary("order-ab")
        for detail in CoverageDetail.allCases {
            for chunkSize in [7, Int.max] {
                let totals = try Self.parse(bytes, chunkSize: chunkSize, detail: detail).report.totals
                #expect([totals.linesCovered, totals.linesValid] == expected.lines)
                // 12 branches on line 3 in reverse order, 6 taken, 3 more taken only by the second record.
                #expect([totals.branchesCovered, totals.branchesValid] == expected.branches)
            }
        }
    }
}
