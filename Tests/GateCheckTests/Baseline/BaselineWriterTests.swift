import Foundation
@_spi(Internals) import GateCheck
import Testing

/// `BaselineCodec.encode` writes a baseline without `JSONEncoder` (for speed); these hold it to the bytes
/// `JSONEncoder` writes with the options it replaced, so that baselines written before and after compare equal.
struct BaselineWriterTests {
    /// What `BaselineCodec.encode` wrote before it had its own writer.
    static func encoderBytes(_ baseline: Baseline) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return Array(try encoder.encode(baseline)) + [0x0A]
    }

    @Test("an empty baseline: no coverage, findings or tests, empty meta and tools")
    func empty() throws {
        let baseline = Baseline()
        #expect(BaselineCodec.encode(baseline) == (try Self.encoderBytes(baseline)))
    }

    @Test("every member, every kind of value, strings that need escapes, keys outside ASCII")
    func everything() throws {
        let awkward = "a\"b\\c/d\n\r\t\u{08}\u{0C}\u{01}\u{1F}\u{7F} é ζ 😀 e\u{301}"
        var report = FindingsReport()
        for (index, place) in ["src/a.py", "./src/a.py", awkward, "ζeta/ü.py", "Zeta.py", "é.py", ""].enumerated() {
            report.tally(
                Finding(
                    tool: index == 2 ? awkward : "bandit", kind: .bandit, id: "B60\(index % 3)",
                    severity: Severity.allCases[index % Severity.allCases.count], severitySource: "bandit",
                    confidence: Confidence.allCases[index % Confidence.allCases.count],
                    location: .init(path: place, line: index), message: "m"))
        }
        report.tally(
            Finding(
                tool: "trivy", kind: .sarif, id: "CVE-1", severity: .high, severitySource: "trivy",
                package: .init(name: "Requests_Lib", version: "1.0"), message: "m"))
        // A tally's package versions are the baseline's `packages`, not a member of the tally.
        let findings = Dictionary(
            uniqueKeysWithValues: report.tallies.map { (FindingTally.hex($0.key), $0.value) })
        let files: [String: FileCounts] = [
            "src/z.py": FileCounts(linesValid: 10, linesCovered: 3),
            "src/Z.py": FileCounts(linesValid: 0, linesCovered: 0),
            "src/é.py": FileCounts(linesValid: 7, linesCovered: 7), awkward: FileCounts(linesValid: 1, linesCovered: 0),
            "src/ζ.py": FileCounts(linesValid: 2, linesCovered: 1),
            "src/e\u{301}x.py": FileCounts(linesValid: 4, linesCovered: 2),
        ]
        let baseline = Baseline(
            gatecheckVersion: "1.2.3-beta+\(awkward)",
            meta: ["commit": "abc123", "ref": "refs/heads/main", "note": awkward],
            gates: [
                "count": BaselineGate(metric: "findings.total", definition: "0123456789abcdef", value: .integer(42)),
                "rate": BaselineGate(
                    metric: "coverage.line_rate", definition: "fedcba9876543210",
                    value: .ratio(numerator: 336, denominator: 473)),
                "decimal": BaselineGate(
                    metric: "llm.cost_usd", definition: "00000000000000ff",
                    value: .decimal(Decimal(string: "12.3450")!)),
                "whole": BaselineGate(metric: "latency.p95_ms", definition: "1", value: .decimal(Decimal(250))),
                "new": BaselineGate(metric: "findings.new", definition: "2", value: nil),
                awkward: BaselineGate(metric: "tests.failed", definition: "3", value: .integer(Int.max)),
            ],
            coverage: BaselineCoverage(linesValid: 24, linesCovered: 13, files: files), findings: findings,
            tests: ["a::b": .passed, "a::c": .failed, "b::d": .skipped, "é::e": .error, awkward: .passed],
            tools: ["cobertura": "7.4.0", "trivy": awkward], unreadableReports: 0)
        var withAll = baseline
        withAll.accuracy = ["retrieval": ["q-1": "1", "q-2": nil, awkward: "0.25"], "empty": [:]]
        withAll.packages = ["requests-lib@1.0", awkward]
        #expect(BaselineCodec.encode(withAll) == (try Self.encoderBytes(withAll)))
        #expect(BaselineCodec.decode(BaselineCodec.encode(withAll), name: "b.json") == .loaded(withAll, name: "b.json"))
        var noPackages = baseline
        noPackages.packages = []
        #expect(BaselineCodec.encode(noPackages) == (try Self.encoderBytes(noPackages)))
        let written = BaselineCodec.encode(baseline)
        #expect(
            String(decoding: written, as: UTF8.self) == String(decoding: try Self.encoderBytes(baseline), as: UTF8.self)
        )
        #expect(written == (try Self.encoderBytes(baseline)))
        #expect(BaselineCodec.decode(written, name: "b.json") == .loaded(baseline, name: "b.json"))
    }

    @Test("empty dictionaries inside: no files, no findings, no tests")
    func emptyInside() throws {
        let baseline = Baseline(
            coverage: BaselineCoverage(linesValid: 0, linesCovered: 0, files: [:]), findings: [:], tests: [:],
            unreadableReports: 3)
        #expect(BaselineCodec.encode(baseline) == (try Self.encoderBytes(baseline)))
    }
}
