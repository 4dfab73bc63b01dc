import Foundation
@_spi(Internals) import GateCheck
import Testing

/// Every output format on a verdict that mixes pass, warn, fail, skipped and error, against golden files.
struct ReporterGoldenTests {
    /// A verdict with every gate status.
    ///
    /// It also has a failed report, an ignored file, a warning, a findings gate with located and package findings,
    /// and failing tests with a file and a (pytest, 0-based) line. Messages carry the
    /// characters each format must escape.
    static let mixed: Verdict = {
        let gates = [
            Build.gate("line-coverage", .coverage(.lineRate), min: "0.80"),
            Build.gate("branch-coverage", .coverage(.branchRate), min: "0.5"),
            Build.gate("failed-tests", .tests(.failed), max: "0"),
            Build.gate("skipped-tests", .tests(.skipped), max: "0", level: .warn),
            Build.gate("tests-present", .tests(.total), min: "1"),
            GateSpec(
                id: "high-findings", metric: .findings(.total), bound: .max(Threshold(0, written: "0")),
                selector: FindingSelector(minSeverity: .high)),
            Build.gate("medium-findings", .findings(.medium), max: "0", level: .warn),
            Build.gate("retrieval-accuracy", .accuracy("retrieval"), min: "0.90", required: false),
        ]
        var set = ReportSet(
            reports: [
                Build.coverage("reports/coverage.xml", covered: 7, of: 10), mixedTests, MixedFindings.report,
            ],
            failed: [
                FailedReport(
                    path: "reports/old/junit.xml", kind: nil, error: .truncated(at: FilePosition(line: 40, column: 3)))
            ],
            ignored: [IgnoredFile(path: "reports/index.html", reason: "XML with root element <html>")],
            diagnostics: [
                Diagnostic(
                    .warning, code: "junit.attribute-mismatch", message: "the suite attributes disagree",
                    file: "reports/junit.xml")
            ])
        set.reports.sort { $0.path < $1.path }
        return GateEngine.evaluate(set, configuration: Configuration(gates: gates), today: Build.today)
    }()

    /// 12 tests: 2 failed (one with pytest's file and 0-based line), 1 skipped.
    static let mixedTests: LoadedReport = {
        var report = TestReport()
        report.total = 12
        report.failed = 2
        report.skipped = 1
        report.passed = 9
        report.failures = [
            FailedTest(
                state: .failed, className: "tests.test_parse", name: "test_split[a,b]",
                message: "AssertionError: assert 'a:b' == 'a,b'\n  100% <mismatch> & \"quoted\" | pipe",
                file: "tests/test_parse.py", line: 41, lineIsZeroBased: true),
            FailedTest(
                state: .failed, className: "tests.test_io", name: "test_read",
                message: "OSError: [Errno 2] No such file"),
        ]
        return LoadedReport(path: "reports/junit.xml", kind: .junit, content: .tests(report))
    }()

    /// Options with every volatile value injected.
    static let injected = ReporterOptions(
        includeFindings: true, timestamp: "2026-11-26T10:00:00Z", configurationPath: "ci/gates.json")

    @Test("the mixed verdict has every status")
    func statuses() {
        #expect(Set(Self.mixed.gates.map(\.status)) == Set(GateResult.Status.allCases))
    }

    @Test("output matches its golden file", arguments: OutputFormat.allCases)
    func golden(_ format: OutputFormat) {
        GoldenFile.assertMatches(format.reporter().render(Self.mixed), "mixed.\(format.rawValue)")
    }

    @Test(
        "output with injected time, findings and configuration path matches its golden file",
        arguments: [
            OutputFormat.junit, .sarif, .gitlab,
        ])
    func goldenInjected(_ format: OutputFormat) {
        GoldenFile.assertMatches(format.reporter(Self.injected).render(Self.mixed), "mixed-injected.\(format.rawValue)")
    }

    @Test("the same verdict renders to the same bytes in every format", arguments: OutputFormat.allCases)
    func deterministic(_ format: OutputFormat) {
        let reporter = format.reporter(Self.injected)
        #expect(reporter.render(Self.mixed) == reporter.render(Self.mixed))
    }

    @Test("text: quiet lists only what needs attention; explain shows each comparison")
    func textVariants() {
        GoldenFile.assertMatches(
            OutputFormat.text.reporter(ReporterOptions(quiet: true)).render(Self.mixed), "mixed-quiet.text")
        GoldenFile.assertMatches(
            OutputFormat.text.reporter(ReporterOptions(explain: true)).render(Self.mixed), "mixed-explain.text")
    }

    @Test("colour codes appear only when asked for")
    func color() {
        #expect(!OutputFormat.text.reporter().render(Self.mixed).contains("\u{1B}["))
        #expect(OutputFormat.text.reporter(ReporterOptions(color: true)).render(Self.mixed).contains("\u{1B}[31mFAIL"))
    }
}

/// A SARIF report from two tools: a critical package finding (Trivy) and located Bandit findings.
enum MixedFindings {
    static let findings = [
        Finding(
            tool: "Trivy", kind: .sarif, id: "CVE-2024-3094", severity: .critical,
            severitySource: "security-severity 10.0",
            package: Finding.Package(name: "xz-utils", version: "5.6.0", fixVersions: ["5.6.2"]),
            message: "xz: malicious code in the upstream tarballs", fingerprint: "trivy-cve-2024-3094-xz-utils"),
        Finding(
            tool: "bandit", kind: .sarif, id: "B602", severity: .high, severitySource: "level error",
            location: Finding.Location(path: "src/app/run.py", line: 41),
            message: "subprocess call with shell=True identified, security issue.", fingerprint: "bandit-b602-run"),
        Finding(
            tool: "bandit", kind: .sarif, id: "B105", severity: .high, severitySource: "level error",
            location: Finding.Location(path: "src/app/settings, prod.py", line: 12),
            message: "Possible hardcoded password: 'hunter2' (100%)", fingerprint: "bandit-b105-settings"),
        Finding(
            tool: "bandit", kind: .sarif, id: "B311", severity: .medium, severitySource: "level warning",
            location: Finding.Location(path: "src/app/sample.py", line: 7),
            message: "Standard pseudo-random generators are not suitable for security/cryptographic purposes.",
            fingerprint: "bandit-b311-sample"),
    ]

    static var report: LoadedReport {
        var report = FindingsReport()
        for finding in findings {
            report.countsByTool[finding.tool, default: FindingCounts()].add(
                finding.severity, finding.confidence, fixable: finding.isFixable, waived: false)
        }
        report.findings = findings
        return LoadedReport(path: "reports/scan.sarif", kind: .sarif, content: .findings(report))
    }
}
