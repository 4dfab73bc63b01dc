import Foundation
@_spi(Internals) import GateCheck
import Testing

/// coverage.py's JSON reports (Fixtures/coverage-json, written by the real coverage.py; see its NOTICE) read with
/// coverage.py's own figures: the TOTAL line of `coverage report` on the same data.
struct CoveragePyJSONReaderTests {
    /// `coverage report`'s TOTAL line: statements, missed, (branches, partial,) percent as printed.
    static func total(_ name: String) throws -> [String] {
        let text = String(decoding: try Fixtures.bytes("coverage-json/\(name).report.txt"), as: UTF8.self)
        let line = try #require(text.split(separator: "\n").last { $0.hasPrefix("TOTAL") })
        return line.split(separator: " ").dropFirst().map(String.init)
    }

    static func read(_ bytes: [UInt8], chunkSize: Int = .max) throws(ReportError) -> CoverageReport {
        try CoveragePyJSONParser.parse(BytesSource(bytes, chunkSize: chunkSize)).report
    }

    /// The rate `coverage report` prints: (lines + branches covered) / (statements + branches), as a string.
    static func percent(_ totals: CoverageTotals, decimals: Int) -> String {
        let covered = Double(totals.linesCovered + totals.branchesCovered)
        let total = Double(totals.linesValid + totals.branchesValid)
        return String(format: "%.\(decimals)f%%", covered / total * 100)
    }

    @Test(
        "statements, missed lines, branches and the TOTAL percent equal `coverage report`'s",
        arguments: ["unit", "integ", "combined", "statement-only"])
    func figuresEqualCoverageReport(_ name: String) throws {
        let expected = try Self.total(name)
        for chunkSize in [Int.max, 5] {
            let totals = try Self.read(try Fixtures.bytes("coverage-json/\(name).json"), chunkSize: chunkSize).totals
            #expect(String(totals.linesValid) == expected[0])
            #expect(String(totals.linesValid - totals.linesCovered) == expected[1])
            if expected.count == 5 { #expect(String(totals.branchesValid) == expected[2]) }
            let decimals = expected.last?.split(separator: ".").dropFirst().first.map { $0.count - 1 } ?? 0
            #expect(Self.percent(totals, decimals: decimals) == expected.last)
        }
    }

    @Test("merging the unit and integration runs gives what `coverage combine` gives, in either order")
    func mergeEqualsCoverageCombine() throws {
        let unit = try Self.read(try Fixtures.bytes("coverage-json/unit.json"))
        let integration = try Self.read(try Fixtures.bytes("coverage-json/integ.json"))
        let combined = try Self.read(try Fixtures.bytes("coverage-json/combined.json")).totals
        let expected = try Self.total("combined")
        for merged in [CoverageReport.merged([unit, integration]), .merged([integration, unit])] {
            #expect(merged.totals == combined)
            #expect(Self.percent(merged.totals, decimals: 2) == expected.last)
        }
    }

    @Test("a JSON report merges with coverage.py's Cobertura of the same run line by line and branch by branch")
    func mergesWithCobertura() throws {
        // The Cobertura fixtures come from the same sample project and settings (Fixtures/coveragepy).
        let cobertura = try Fixtures.coverage(try Fixtures.bytes("coveragepy/partial-unit.xml"))
        var json = try Self.read(try Fixtures.bytes("coverage-json/unit.json"))
        #expect(json.totals == cobertura.totals)
        // The XML names files relative to its <source> `ragservice`, the JSON relative to the project; the union does
        // not map paths (yet), so the JSON's names are made the XML's here.
        json.files = Dictionary(uniqueKeysWithValues: json.files.map { (String($0.key.dropFirst(11)), $0.value) })
        #expect(Set(json.files.keys) == Set(cobertura.files.keys))
        #expect(CoverageReport.merged([json, cobertura]).totals == json.totals)
    }

    @Test("reports are detected by content")
    func detection() throws {
        for name in ["unit", "statement-only"] {
            let bytes = try Fixtures.bytes("coverage-json/\(name).json")
            #expect(ReportDetector.detect(prefix: bytes, isWholeFile: true) == .report(.coverageJSON))
            #expect(ReportDetector.detect(prefix: bytes.prefix(200), isWholeFile: false) == .report(.coverageJSON))
        }
    }

    @Test("a summary or total that contradicts the lines is an error with its key path; so are bad values")
    func failsClosed() throws {
        let clean = try Fixtures.bytes("coverage-json/unit.json")
        let text = String(decoding: clean, as: UTF8.self)
        func damaged(_ old: String, _ new: String) -> [UInt8] {
            Array(text.replacingOccurrences(of: old, with: new).utf8)
        }
        let cases: [([UInt8], String, String?)] = [
            (
                damaged(#""totals": {"covered_lines": 411"#, #""totals": {"covered_lines": 412"#),
                "report.invalid-value",
                "totals.covered_lines"
            ),
            (
                damaged(#""summary": {"covered_lines": 5,"#, #""summary": {"covered_lines": 4,"#),
                "report.invalid-value",
                "files.ragservice/__init__.py.summary.covered_lines"
            ),
            (damaged(#""format": 3"#, #""format": 9"#), "report.invalid-value", "meta.format"),
            (Array(clean.prefix(clean.count / 2)), "report.truncated", nil),
            (
                Array(#"{"meta": {"format": 3}, "files": {"a.py": {"executed_lines": [0]}}}"#.utf8),
                "report.invalid-value",
                "files.a.py"
            ),
            (Array(#"{"files": {}}"#.utf8), "report.wrong-kind", nil),
        ]
        #expect(try Self.read(clean).totals.linesValid == 473)
        for (bytes, code, keyPath) in cases {
            do {
                _ = try Self.read(bytes)
                Issue.record("read: \(String(decoding: bytes.prefix(80), as: UTF8.self))")
            } catch {
                #expect(error.code == code)
                if case .invalidValue(_, _, let path) = error { #expect(path == keyPath) }
            }
        }
    }
}
