import Foundation
@_spi(Internals) import GateCheck
import Testing

/// Go cover profiles written by the real `go test` (Fixtures/go-cover, see its NOTICE) read with Go's own figure:
/// the statement total of `go tool cover -func`, and its merge of repeated blocks.
struct GoCoverReaderTests {
    /// The percent on the `total:` line of `go tool cover -func`.
    static func goTotal(_ name: String) throws -> String {
        let text = String(decoding: try Fixtures.bytes("go-cover/\(name).func.txt"), as: UTF8.self)
        let line = try #require(text.split(separator: "\n").last { $0.hasPrefix("total:") })
        return try #require(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).last.map(String.init))
    }

    static func read(_ bytes: [UInt8], chunkSize: Int = .max) throws(ReportError) -> ParsedGoCoverage {
        var source = BytesSource(bytes, chunkSize: chunkSize)
        return try GoCoverParser.parse(&source)
    }

    @Test(
        "the statement figure equals `go tool cover -func`'s total, in every mode and for merged blocks",
        arguments: ["set", "count", "atomic", "part1", "part2", "concatenated"])
    func statementsEqualGoToolCover(_ name: String) throws {
        let expected = try Self.goTotal(name)
        for chunkSize in [Int.max, 6] {
            let parsed = try Self.read(try Fixtures.bytes("go-cover/\(name).out"), chunkSize: chunkSize)
            let (covered, total) = parsed.statements
            #expect(String(format: "%.1f%%", Double(covered) / Double(total) * 100) == expected)
            #expect(parsed.coverage.diagnostics.first?.message.contains("\(covered) of \(total) statements") == true)
        }
    }

    @Test("lines are those the blocks span, hit when a block spanning them ran; the modes agree")
    func linesFromBlocks() throws {
        let count = try Self.read(try Fixtures.bytes("go-cover/count.out")).coverage.report
        let file = try #require(count.files["example.com/calc/calc/calc.go"])
        // Never (lines 34-38) did not run; SumTo's loop body (19-21) ran four times.
        #expect(file.lines.status(of: 36) == (true, false))
        #expect(file.lines.status(of: 20) == (true, true))
        #expect(file.lines.status(of: 15) == (false, false))
        for mode in ["set", "atomic"] {
            #expect(try Self.read(try Fixtures.bytes("go-cover/\(mode).out")).coverage.report.totals == count.totals)
        }
        // Two partial runs merged by the coverage union give what one profile of both gives.
        let part1 = try Self.read(try Fixtures.bytes("go-cover/part1.out")).coverage.report
        let part2 = try Self.read(try Fixtures.bytes("go-cover/part2.out")).coverage.report
        let concatenated = try Self.read(try Fixtures.bytes("go-cover/concatenated.out")).coverage.report
        #expect(CoverageReport.merged([part1, part2]).totals == concatenated.totals)
    }

    @Test("profiles are detected by their mode line")
    func detection() throws {
        for name in ["set", "count", "atomic"] {
            let bytes = try Fixtures.bytes("go-cover/\(name).out")
            #expect(ReportDetector.detect(prefix: bytes, isWholeFile: true) == .report(.goCover))
        }
        #expect(ReportDetector.detect(prefix: Array("mode: sets\n".utf8), isWholeFile: true) != .report(.goCover))
    }

    @Test("damage is an error with its line")
    func failsClosed() throws {
        let cases: [(String, String, Int?)] = [
            ("mode: set\na.go:3.14,5.2 1 1\na.go:3.14,5.2 2 0\n", "report.invalid-value", 3),
            ("mode: set\na.go:3.14,5.2 1 2\n", "report.invalid-value", 2),
            ("mode: count\na.go:5.14,3.2 1 1\n", "report.invalid-value", 2),
            ("mode: count\na.go:3.14,5.2 1 -1\n", "report.invalid-value", 2),
            ("mode: count\na.go:3.14,5.2 1 1\nmode: set\n", "report.invalid-value", 3),
            ("mode: count\na.go:3.14,5.2 1", "report.truncated", 2),
            ("mode: count\n", "report.invalid-value", nil),
            ("mode: fast\n", "report.wrong-kind", nil),
            ("TN:\n", "report.wrong-kind", nil),
            ("", "report.empty", nil),
        ]
        for (text, code, line) in cases {
            do {
                _ = try Self.read(Array(text.utf8))
                Issue.record("read: \(text)")
            } catch {
                #expect(error.code == code, "\(text)")
                #expect(error.location?.line == line, "\(text)")
            }
        }
    }
}
