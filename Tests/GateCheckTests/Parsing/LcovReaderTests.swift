import Foundation
@_spi(Internals) import GateCheck
import Testing

/// LCOV tracefiles written by the real lcov (Fixtures/lcov, see its NOTICE and generate.sh) read with lcov's own
/// figures: `lcov --summary`'s line and branch counts, and `lcov -a`'s merge.
struct LcovReaderTests {
    /// lcov's `(covered of total)` for lines and branches, from a `*.summary.txt` it printed.
    static func summary(_ name: String) throws -> (lines: [Int], branches: [Int]) {
        let text = String(decoding: try Fixtures.bytes("lcov/\(name).summary.txt"), as: UTF8.self)
        func counts(_ what: String) throws -> [Int] {
            let line = try #require(text.split(separator: "\n").first { $0.contains("\(what)...") })
            let inner = try #require(line.split(separator: "(").last?.split(separator: " "))
            return [Int(inner[0]) ?? -1, Int(inner[2]) ?? -1]
        }
        return (try counts("lines"), try counts("branches"))
    }

    static func read(_ bytes: [UInt8], chunkSize: Int = .max) throws(ReportError) -> CoverageReport {
        var source = BytesSource(bytes, chunkSize: chunkSize)
        return try LCOVParser.parse(&source).report
    }

    /// A tracefile without its `LF/LH/BRF/BRH` lines (which lcov recomputes anyway).
    static func withoutSummaries(_ bytes: [UInt8]) -> [UInt8] {
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let kept = lines.filter { line in !["LF:", "LH:", "BRF:", "BRH:"].contains { line.hasPrefix($0) } }
        return Array(kept.joined(separator: "\n").utf8)
    }

    @Test(
        "lines and branches equal `lcov --summary` on tracefiles lcov wrote",
        arguments: ["calc", "second", "merged", "lcov-merge-ab", "istanbul"])
    func figuresEqualLcovSummary(_ name: String) throws {
        let expected = try Self.summary(name)
        for chunkSize in [Int.max, 7] {
            let totals = try Self.read(try Fixtures.bytes("lcov/\(name).info"), chunkSize: chunkSize).totals
            #expect([totals.linesCovered, totals.linesValid] == expected.lines)
            #expect([totals.branchesCovered, totals.branchesValid] == expected.branches)
        }
    }

    @Test("two tracefiles in one file (`cat a.info b.info`) merge as `lcov -a` merges them")
    func concatenatedRecordsMergeAsLcov() throws {
        let both = try Fixtures.bytes("lcov/calc.info") + Fixtures.bytes("lcov/second.info")
        let totals = try Self.read(both).totals
        let expected = try Self.summary("merged")
        #expect([totals.linesCovered, totals.linesValid] == expected.lines)
        #expect([totals.branchesCovered, totals.branchesValid] == expected.branches)
    }

    @Test("lcov's merge test inputs: each one's figures and their merge equal lcov's, branch by branch")
    func lcovMergeInputs() throws {
        let a = Self.withoutSummaries(try Fixtures.bytes("lcov/lcov-merge-a.info"))
        let b = Self.withoutSummaries(try Fixtures.bytes("lcov/lcov-merge-b.info"))
        for (bytes, name) in [
            (a, "lcov-merge-a"), (b, "lcov-merge-b"), (a + b, "lcov-merge-ab"), (b + a, "lcov-merge-ab"),
        ] {
            let totals = try Self.read(bytes).totals
            let expected = try Self.summary(name)
            #expect([totals.linesCovered, totals.linesValid] == expected.lines, "\(name)")
            // a.cpp line 1 has five branches in a.info and two of them in b.info: a merge by counts would give 7 of 12.
            #expect([totals.branchesCovered, totals.branchesValid] == expected.branches, "\(name)")
        }
    }

    @Test(
        "a summary line that contradicts the record's lines is an error naming that line (lcov's hand-written inputs)")
    func contradictingSummaryIsAnError() throws {
        for name in ["lcov-merge-a", "lcov-merge-b"] {
            let bytes = try Fixtures.bytes("lcov/\(name).info")
            let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            do {
                _ = try Self.read(bytes)
                Issue.record("\(name) was read")
            } catch {
                #expect(error.code == "report.invalid-value")
                let line = try #require(error.location?.line)
                let text = lines[line - 1]
                #expect(["LF:", "LH:", "BRF:", "BRH:"].contains { text.hasPrefix($0) }, "\(name): \(text)")
                #expect(error.message.contains(String(text)))
            }
        }
    }

    @Test("tracefiles are detected by content, with or without `#` comments first")
    func detection() throws {
        for name in ["calc", "merged", "lcov-merge-b", "lcov-merge-ab"] {
            let bytes = try Fixtures.bytes("lcov/\(name).info")
            #expect(ReportDetector.detect(prefix: bytes, isWholeFile: true) == .report(.lcov), "\(name)")
            #expect(ReportDetector.detect(prefix: bytes.prefix(5), isWholeFile: false) != .report(.cobertura))
        }
        #expect(ReportDetector.detect(prefix: Array("mode: set\n".utf8), isWholeFile: true) != .report(.lcov))
    }

    @Test("damage is an error with its line: cut records, lines outside a record, bad numbers, other kinds")
    func failsClosed() throws {
        let clean = "TN:\nSF:a.c\nDA:1,1\nDA:2,0\nend_of_record\n"
        let cases: [(String, String, Int?)] = [
            ("TN:\nSF:a.c\nDA:1,1\nDA:2,0\n", "report.truncated", 4),
            ("TN:\nSF:a.c\nDA:1,1\nend_of_rec", "report.truncated", 4),
            ("TN:\nSF:a.c\nDA:1,1\nend_of_rec\n", "report.malformed", 4),
            ("TN:\nDA:1,1\nend_of_record\n", "report.malformed", 2),
            ("TN:\nSF:a.c\nDA:1,-1\nend_of_record\n", "report.invalid-value", 3),
            ("TN:\nSF:a.c\nDA:x,1\nend_of_record\n", "report.invalid-value", 3),
            ("TN:\nSF:a.c\nBRDA:1,0,0,x\nend_of_record\n", "report.invalid-value", 3),
            ("TN:\nSF:a.c\nDA:1,1\nSF:b.c\nend_of_record\n", "report.malformed", 4),
            ("TN:\nSF:a.c\nDA:1,1\nLH:0\nend_of_record\n", "report.invalid-value", 4),
            ("TN:\n", "report.invalid-value", nil),
            ("{\"SF:\": 1}\n", "report.wrong-kind", nil),
            ("", "report.empty", nil),
        ]
        #expect(try Self.read(Array(clean.utf8)).totals.linesValid == 2)
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

    @Test("an LCOV report feeds the coverage gates and merges with Cobertura in the union")
    func feedsCoverageGates() throws {
        var source = BytesSource(try Fixtures.bytes("lcov/calc.info"))
        let loaded = try ReportReader.read(.lcov, from: &source, path: "calc.info", options: .init(today: Build.today))
        let verdict = Build.evaluate([loaded], [Build.gate("lines", .coverage(.lineRate), min: "0.8")])
        #expect(verdict.exitCode == 1)
        #expect(verdict.gates.first?.actual.map { "\($0)" }?.contains("14/20") == true)
        let cobertura = """
            <?xml version="1.0" ?><coverage><packages><package name="p"><classes>
            <class name="calc" filename="/src/calc.c"><lines><line number="6" hits="3"/><line number="8" hits="1"/>
            <line number="99" hits="0"/></lines></class></classes></package></packages></coverage>
            """
        let union = CoverageReport.merged([
            try Self.read(try Fixtures.bytes("lcov/calc.info")), try Fixtures.coverage(Array(cobertura.utf8)),
        ])
        #expect(union.totals.linesValid == 21)
        #expect(union.totals.linesCovered == 16)
    }
}
