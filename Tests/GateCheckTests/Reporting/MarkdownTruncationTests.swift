import Foundation
@_spi(Internals) import GateCheck
import Testing

/// The Markdown summary stays under GitHub's 65,535-byte limit by cutting details, never the table.
struct MarkdownTruncationTests {
    /// 5,000 located findings (a third of them high) behind three findings gates, next to 40 passing gates.
    static let verdict: Verdict = {
        let findings = (0..<5_000).map { index in
            Finding(
                tool: "bandit", kind: .bandit, id: "B\(600 + index % 50)", severity: index % 3 == 0 ? .high : .medium,
                severitySource: "issue_severity",
                location: Finding.Location(path: "src/module_\(index / 100)/file_\(index).py", line: index % 400 + 1),
                message: "finding \(index): subprocess call with shell=True identified, security issue.",
                fingerprint: "fingerprint-\(index)")
        }
        var report = FindingsReport()
        for finding in findings {
            report.countsByTool["bandit", default: FindingCounts()].add(
                finding.severity, finding.confidence, fixable: false, waived: false)
        }
        report.findings = findings
        let scan = LoadedReport(path: "reports/bandit.json", kind: .bandit, content: .findings(report))
        var gates = [
            Build.gate("no-findings", .findings(.total), max: "0"),
            Build.gate("no-high-findings", .findings(.high), max: "0"),
            Build.gate("few-medium-findings", .findings(.medium), max: "10", level: .warn),
        ]
        gates += (0..<40).map { Build.gate("tests-present-\($0)", .tests(.total), min: "1") }
        var verdict = GateEngine.evaluate(
            ReportSet(reports: [scan, Build.tests("reports/junit.xml", total: 3)]),
            configuration: Configuration(gates: gates),
            today: Build.today)
        // The engine lists a bounded number of findings per gate; a verdict built by a library user may carry
        // them all, so the reporter is tested with every one of the 5,000.
        let selected: [String: [Finding]] = [
            "no-findings": findings, "no-high-findings": findings.filter { $0.severity == .high },
            "few-medium-findings": findings.filter { $0.severity == .medium },
        ]
        for index in verdict.gates.indices {
            if let list = selected[verdict.gates[index].id] { verdict.gates[index].findings = list }
        }
        return verdict
    }()

    @Test("5,000 failing findings: under 65,535 bytes, the table complete, the truncation stated")
    func fiveThousandFindings() throws {
        #expect(Self.verdict.gates.first?.findings.count == 5_000)
        let markdown = OutputFormat.markdown.reporter().render(Self.verdict)
        #expect(markdown.utf8.count < 65_535)
        #expect(markdown.utf8.count > 60_000, "the budget should be used, not thrown away")
        for gate in Self.verdict.gates {
            #expect(
                markdown.contains("| `\(gate.id)` | `\(gate.metric.name)` |"), "\(gate.id) is missing from the table")
        }
        for gate in Self.verdict.gates where gate.status != .pass {
            #expect(
                markdown.contains(
                    "<code>\(gate.id)</code>: \(gate.message.replacingOccurrences(of: "<", with: "&lt;"))</summary>"))
        }
        let note = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("> **Truncated:**") })
        let omitted = try #require(Int(note.split(separator: " ")[2]))
        #expect(omitted > 5_000, "the findings of three gates, most of them left out")
        #expect(note.contains("the table above is complete"))
        #expect(markdown.hasSuffix("<sub>gatecheck \(Self.verdict.toolVersion)</sub>\n"))
        // Every <details> that was opened is closed, and every code fence too.
        #expect(
            markdown.components(separatedBy: "<details>").count == markdown.components(separatedBy: "</details>").count)
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        let opened = lines.count { $0 == "```text" }
        #expect(opened > 0 && opened == lines.count { $0 == "```" })
    }

    @Test("a small verdict is not truncated")
    func smallVerdict() {
        let markdown = OutputFormat.markdown.reporter().render(ReporterGoldenTests.mixed)
        #expect(!markdown.contains("Truncated"))
    }
}
