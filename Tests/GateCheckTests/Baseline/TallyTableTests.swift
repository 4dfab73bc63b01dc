@_spi(Internals) import GateCheck
import Testing

/// A reader tallies a report's findings in a streaming table; the tallies must be those of counting each
/// finding on its own (`FindingsReport.tally`), whatever the number of fingerprints (the table grows), the
/// waivers, severities and confidences.
struct TallyTableTests {
    static let severities = ["LOW", "MEDIUM", "HIGH", "UNDEFINED"]
    static let confidences = ["HIGH", "LOW", "MEDIUM", "UNDEFINED"]

    /// A Bandit report of `count` results over `files` files and seven rules, severities and confidences varying.
    static func bandit(count: Int, files: Int) -> [UInt8] {
        let results = (0..<count).map { index in
            let file = "src/m\(index * 7919 % files).py"
            let rule = "B\(600 + index % 7)"
            return #"{"filename": "\#(file)", "line_number": \#(index), "test_id": "\#(rule)", "test_name": "t", "#
                + #""issue_severity": "\#(severities[index / 3 % 4])", "#
                + #""issue_confidence": "\#(confidences[index / 5 % 4])", "issue_text": "x \#(index)"}"#
        }
        return Array(#"{"errors": [], "results": [\#(results.joined(separator: ","))]}"#.utf8)
    }

    @Test("a report's tallies equal counting each finding on its own", arguments: [(1, 1), (40, 3), (20_000, 1_500)])
    func sameAsOneByOne(count: Int, files: Int) throws {
        let waiver = Waiver(
            id: "B603", reason: "accepted", expires: Day("2026-12-31")!, kinds: nil, paths: ["src/m1*.py"],
            package: nil, owner: "o")
        var options = ReadOptions(waivers: [waiver], today: testToday)
        options.collectsChangeData = true
        var source = BytesSource(Self.bandit(count: count, files: files))
        let read = try ReportReader.read(.bandit, from: &source, path: "bandit.json", options: options)
        guard case .findings(let report) = read.content else {
            Issue.record("not a findings report")
            return
        }
        // The same findings, counted one at a time.
        var expected = FindingsReport()
        for index in 0..<count {
            let file = "src/m\(index * 7919 % files).py"
            var finding = Finding(
                tool: "bandit", kind: .bandit, id: "B\(600 + index % 7)",
                severity: [.low, .medium, .high, .unknown][index / 3 % 4], severitySource: "",
                confidence: [.high, .low, .medium, .undefined][index / 5 % 4],
                location: .init(path: file, line: index), message: "x")
            if finding.id == "B603" && file.hasPrefix("src/m1") {
                finding.waiver = AppliedWaiver(index: 0, waiver: waiver)
            }
            expected.tally(finding, keepingNames: false)
        }
        #expect(report.tallies.count == expected.tallies.count)
        #expect(report.tallies == expected.tallies)
        #expect(report.tallies.values.reduce(0) { $0 + $1.count } == count)
        #expect(report.tallies.values.contains { $0.waived > 0 } == (count > 1))
    }
}
