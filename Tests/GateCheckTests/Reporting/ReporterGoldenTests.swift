import GateCheck
import Testing

/// Every output format on a verdict that mixes pass, warn, fail, skipped and error, against golden files.
struct ReporterGoldenTests {
    /// A verdict with every gate status, a failed report, an ignored file and a warning.
    static let mixed: Verdict = {
        let gates = [
            Build.gate("line-coverage", .coverage(.lineRate), min: "0.80"),
            Build.gate("branch-coverage", .coverage(.branchRate), min: "0.5"),
            Build.gate("failed-tests", .tests(.failed), max: "0"),
            Build.gate("skipped-tests", .tests(.skipped), max: "0", level: .warn),
            Build.gate("tests-present", .tests(.total), min: "1"),
            Build.gate("high-findings", .findings(.total), max: "0", required: false),
        ]
        var set = ReportSet(
            reports: [Build.coverage("reports/coverage.xml", covered: 7, of: 10), Build.tests("reports/junit.xml", total: 12, failed: 2, skipped: 1)],
            failed: [FailedReport(path: "reports/old/junit.xml", kind: nil, error: .truncated(at: FilePosition(line: 40, column: 3)))],
            ignored: [IgnoredFile(path: "reports/index.html", reason: "XML with root element <html>")],
            diagnostics: [Diagnostic(.warning, code: "junit.attribute-mismatch", message: "the suite attributes disagree", file: "reports/junit.xml")])
        set.reports.sort { $0.path < $1.path }
        return GateEngine.evaluate(set, configuration: Configuration(gates: gates), today: Build.today)
    }()

    @Test("the mixed verdict has every status")
    func statuses() {
        #expect(Set(Self.mixed.gates.map(\.status)) == Set(GateResult.Status.allCases))
    }

    @Test("output matches its golden file", arguments: OutputFormat.allCases)
    func golden(_ format: OutputFormat) {
        GoldenFile.assertMatches(format.reporter().render(Self.mixed), "mixed.\(format.rawValue)")
    }

    @Test("text: quiet lists only what needs attention; explain shows each comparison")
    func textVariants() {
        GoldenFile.assertMatches(OutputFormat.text.reporter(ReporterOptions(quiet: true)).render(Self.mixed), "mixed-quiet.text")
        GoldenFile.assertMatches(OutputFormat.text.reporter(ReporterOptions(explain: true)).render(Self.mixed), "mixed-explain.text")
    }

    @Test("colour codes appear only when asked for")
    func color() {
        #expect(!OutputFormat.text.reporter().render(Self.mixed).contains("\u{1B}["))
        #expect(OutputFormat.text.reporter(ReporterOptions(color: true)).render(Self.mixed).contains("\u{1B}[31mFAIL"))
    }
}
