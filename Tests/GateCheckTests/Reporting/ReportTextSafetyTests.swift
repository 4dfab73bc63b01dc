import Foundation
@_spi(Internals) import GateCheck
import Testing

/// Report-derived text in every output: no line that a CI runner reads as a command, no escape sequence that drives
/// a terminal, and the content kept where the format can carry it (issue 11, "Outputs").
struct ReportTextSafetyTests {
    /// Payloads a hostile report can carry in a test name, message, file name, rule id or tool name.
    static let payloads = [
        "x\n::add-mask::hunter2",
        "y\r::stop-commands::token42",
        "z\r\n  ::set-output name=a::b",
        "::error file=a.py::forged annotation",
        "before ##[add-mask]hunter2 after",
        "\u{1B}[2J\u{1B}]8;;http://evil.example/\u{07}link\u{1B}]8;;\u{07}",
        "\u{1B}]52;c;aGVsbG8=\u{07}clipboard",
        "c1 \u{9B}31m csi and \u{9D} osc",
        "bidi \u{202E}txt.exe\u{202C} and \u{2028} separator and \u{7F} del",
    ]

    /// A verdict in which every report-derived string the outputs print carries a payload.
    static func hostileVerdict() -> Verdict {
        var tests = TestReport()
        tests.total = payloads.count
        tests.failed = payloads.count
        tests.failures = payloads.enumerated().map { index, payload in
            FailedTest(
                state: index.isMultiple(of: 2) ? .failed : .error, className: "cls " + payload, name: payload,
                message: "message " + payload, file: "tests/" + payload + ".py", line: index + 1)
        }
        var findings = FindingsReport()
        findings.findings = payloads.map { payload in
            Finding(
                tool: "tool " + payload, kind: .sarif, id: "RULE " + payload, severity: .high,
                severitySource: "level error", location: Finding.Location(path: "src/" + payload, line: 3),
                message: payload, fingerprint: payload)
        }
        for finding in findings.findings {
            findings.countsByTool[finding.tool, default: FindingCounts()].add(
                finding.severity, finding.confidence, fixable: false, waived: false)
        }
        let set = ReportSet(
            reports: [
                LoadedReport(path: "reports/" + payloads[0] + ".xml", kind: .junit, content: .tests(tests)),
                LoadedReport(path: "reports/" + payloads[5] + ".sarif", kind: .sarif, content: .findings(findings)),
            ],
            failed: [
                FailedReport(
                    path: "reports/" + payloads[1] + ".xml", kind: .cobertura,
                    error: .malformed("bad " + payloads[2], at: FilePosition(line: 1, column: 1)))
            ],
            ignored: payloads.map { IgnoredFile(path: "reports/" + $0, reason: "reason " + $0) },
            diagnostics: [
                Diagnostic(.warning, code: "junit.attribute-mismatch", message: payloads[3], file: payloads[4])
            ])
        let gates = [
            Build.gate("failed-tests", .tests(.failed), max: "0"),
            GateSpec(
                id: "high-findings", metric: .findings(.total), bound: .max(Threshold(0, written: "0")),
                selector: FindingSelector(minSeverity: .high)),
            Build.gate("line-coverage", .coverage(.lineRate), min: "0.80", required: false),
        ]
        return GateEngine.evaluate(set, configuration: Configuration(gates: gates), today: Build.today)
    }

    static let options = [
        ReporterOptions(), ReporterOptions(explain: true), ReporterOptions(includeFindings: true),
        ReporterOptions(color: true),
    ]

    /// The lines a runner reads: split at line feeds and at carriage returns, as .NET's `ReadLine` does.
    static func runnerLines(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
    }

    @Test(
        "no line of any output is a workflow command, except the github format's own annotations",
        arguments: OutputFormat.allCases)
    func noForgedCommands(_ format: OutputFormat) {
        let verdict = Self.hostileVerdict()
        for options in Self.options {
            let output = format.reporter(options).render(verdict)
            #expect(!output.contains("##["), "\(format): a ##[ command survived")
            for line in Self.runnerLines(output) {
                let body = line.drop(while: { $0 == " " || $0 == "\t" })
                guard body.hasPrefix("::") else { continue }
                if format == .github {
                    let ours = ["::error ", "::warning ", "::notice "].contains { body.hasPrefix($0) }
                    #expect(ours, "github: a line that is not gatecheck's annotation: \(line)")
                } else {
                    Issue.record("\(format): the line \(line.debugDescription) would be read as a command")
                }
            }
        }
    }

    @Test("the github format writes exactly one annotation per line, all of gatecheck's own kinds")
    func githubLinesAreOurs() {
        let output = OutputFormat.github.reporter().render(Self.hostileVerdict())
        let lines = Self.runnerLines(output).filter { !$0.isEmpty }
        #expect(lines.count == output.split(separator: "\n").count, "a message broke its line")
        for line in lines {
            #expect(
                line.wholeMatch(of: /::(error|warning|notice) title=[^:]*(,file=[^,:]*)?(,line=\d+)?(,col=\d+)?::.*/)
                    != nil, "\(line)")
        }
    }

    @Test("no escape sequence or invisible control reaches the printed formats", arguments: OutputFormat.allCases)
    func noControls(_ format: OutputFormat) {
        let output = format.reporter().render(Self.hostileVerdict())
        let controls = output.unicodeScalars.filter { $0 != "\n" && $0 != "\t" && String.needsEscapeForTest($0) }
        #expect(controls.isEmpty, "\(format): \(controls.map { String($0.value, radix: 16) })")
    }

    @Test("colour stays gatecheck's own: escape sequences appear only in its labels")
    func colourOnlyOurs() {
        let output = OutputFormat.text.reporter(ReporterOptions(color: true)).render(Self.hostileVerdict())
        let escapes = output.ranges(of: "\u{1B}").count
        let ours = output.ranges(of: /\x{1B}\[(31|32|33|90|0)m/).count
        #expect(escapes == ours && ours > 0)
    }

    @Test("the JSON verdict keeps every payload exactly, escaped")
    func jsonKeepsContent() throws {
        let output = OutputFormat.json.reporter().render(Self.hostileVerdict())
        let object = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        let ignored = (object?["ignored"] as? [[String: Any]])?.compactMap { $0["path"] as? String }
        #expect(ignored == Self.payloads.map { "reports/" + $0 }.sorted())
    }

    @Test("JUnit and SARIF keep the content of what they neutralise", arguments: [OutputFormat.junit, .sarif])
    func structuredKeepContent(_ format: OutputFormat) throws {
        let output = format.reporter(ReporterOptions(includeFindings: true)).render(Self.hostileVerdict())
        if format == .sarif {
            #expect(try JSONSerialization.jsonObject(with: Data(output.utf8)) is [String: Any])
            #expect(output.contains(#"before ##\u005B"#))
        } else {
            #expect(output.contains("before ##&#91;add-mask]hunter2"))
        }
    }

    @Test("displaySafe shows each control as a visible escape and leaves other text alone")
    func displaySafe() {
        #expect(
            "a\nb\rc\u{1B}[0m\u{7}\u{9B}\u{202E}\u{2028}\td".displaySafe == #"a\nb\rc\x1B[0m\x07\x9B\u{202E}\u{2028}"#
                + "\td")
        #expect("ünïcödé 日本 ✓ \\ % ::".displaySafe == "ünïcödé 日本 ✓ \\ % ::")
    }

    @Test("the guard leaves outputs without commands byte for byte", arguments: OutputFormat.allCases)
    func guardIsIdentityOnCleanOutput(_ format: OutputFormat) {
        let verdict = ReporterGoldenTests.mixed
        #expect(format.reporter().render(verdict) == format.reporter().render(verdict))
        let rendered = format.reporter().render(verdict)
        #expect(!rendered.contains("\\u005B") && !rendered.contains("&#91;") && !rendered.contains("\\["))
    }
}

extension String {
    /// The same set as the library's `needsEscape`, written again here so that the test does not trust the code.
    static func needsEscapeForTest(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || [0x061C, 0x200E, 0x200F].contains(value)
            || (0x2028...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }
}
