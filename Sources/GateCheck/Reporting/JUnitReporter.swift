/// JUnit XML, so that any CI test tab shows the gates: one `<testcase>` per gate (`classname` the report kind,
/// `name` the gate id), plus one erroring testcase per error diagnostic so that a verdict that cannot be judged
/// is never an all-green tab.
///
/// - fail: `<failure>` with the reason as `message` and the details, comparison and sources as text;
/// - warn: a passing testcase whose `<system-out>` says why it warned;
/// - skipped: `<skipped>`; error: `<error>`.
///
/// Valid against the Jenkins xunit-plugin `junit-10.xsd` (the surefire-compatible schema most CI systems read;
/// Tests/GateCheckTests/Resources/Schemas). Time attributes are `0`: a gate takes no test time.
struct JUnitReporter: VerdictReporter {
    let options: ReporterOptions

    func render(_ verdict: Verdict) -> String {
        let diagnosticErrors = verdict.diagnostics.filter { $0.severity == .error }
        let tests = verdict.gates.count + diagnosticErrors.count
        let failures = verdict.gates.count { $0.status == .fail }
        let errors = verdict.gates.count { $0.status == .error } + diagnosticErrors.count
        let skipped = verdict.gates.count { $0.status == .skipped }
        let counts = "tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\""
        let timestamp = options.timestamp.map { " timestamp=\"\($0.xmlEscapedAttribute)\"" } ?? ""
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        // Before the root, so that detection sees it first: this file is never read back as a test report.
        xml += "<!-- \(OwnOutput.junitComment) -->\n"
        xml += "<testsuites name=\"gatecheck\" \(counts) time=\"0\">\n"
        xml += "  <testsuite name=\"gatecheck\" \(counts) skipped=\"\(skipped)\" time=\"0\"\(timestamp)>\n"
        xml += "    <properties>\n"
        for (name, value) in [
            ("gatecheck.version", verdict.toolVersion), ("gatecheck.status", verdict.status.rawValue),
            ("gatecheck.exit_code", String(verdict.exitCode)),
        ] {
            xml += "      <property name=\"\(name)\" value=\"\(value.xmlEscapedAttribute)\"/>\n"
        }
        xml += "    </properties>\n"
        for gate in verdict.gates { xml += testCase(gate, verdict) }
        for diagnostic in diagnosticErrors { xml += testCase(diagnostic) }
        let notes =
            verdict.diagnostics.filter { $0.severity != .error }.map(TextReporter.describe)
            + verdict.ignored.map { "ignored: \($0.path): \($0.reason)" }
        if !notes.isEmpty {
            xml += "    <system-out>\(notes.joined(separator: "\n").xmlEscapedText)</system-out>\n"
        }
        xml += "  </testsuite>\n</testsuites>\n"
        return xml
    }

    // MARK: - Private

    private func testCase(_ gate: GateResult, _ verdict: Verdict) -> String {
        let open =
            "    <testcase name=\"\(gate.id.xmlEscapedAttribute)\" "
            + "classname=\"\(verdict.reportKindLabel(of: gate).xmlEscapedAttribute)\" time=\"0\""
        let message = gate.message.xmlEscapedAttribute
        let body = Self.body(gate, verdict).xmlEscapedText
        switch gate.status {
        case .pass:
            // A scoped gate's message names its scope, which a bare passing testcase would not show.
            guard gate.scopePaths != nil || gate.scopeClasses != nil else { return open + "/>\n" }
            return open + ">\n      <system-out>\(gate.message.xmlEscapedText)</system-out>\n    </testcase>\n"
        case .skipped:
            return open + ">\n      <skipped message=\"\(message)\"/>\n    </testcase>\n"
        case .warn:
            let text = ("warning (does not block): " + gate.message + "\n").xmlEscapedText + body
            return open + ">\n      <system-out>\(text)</system-out>\n    </testcase>\n"
        case .fail, .error:
            let element = gate.status == .fail ? "failure" : "error"
            let type = gate.metric.name.xmlEscapedAttribute
            return open + ">\n      <\(element) type=\"\(type)\" message=\"\(message)\">\(body)</\(element)>\n"
                + "    </testcase>\n"
        }
    }

    private func testCase(_ diagnostic: Diagnostic) -> String {
        var name = diagnostic.file ?? "configuration"
        if let line = diagnostic.line { name += ":\(line)" + (diagnostic.column.map { ":\($0)" } ?? "") }
        if let keyPath = diagnostic.keyPath { name += " (\(keyPath))" }
        return "    <testcase name=\"\(name.xmlEscapedAttribute)\" classname=\"gatecheck\" time=\"0\">\n"
            + "      <error type=\"\(diagnostic.code.xmlEscapedAttribute)\" "
            + "message=\"\(diagnostic.message.xmlEscapedAttribute)\"/>\n    </testcase>\n"
    }

    /// The details, the comparison and the sources, one per line.
    private static func body(_ gate: GateResult, _ verdict: Verdict) -> String {
        let explanation = GateExplanation(gate: gate, in: verdict).lines.map { "\($0.label): \($0.text)" }
        return (gate.details + explanation).joined(separator: "\n")
    }
}
