/// Aligned text for a terminal or CI log: failing gates first with their reasons, then the rest, then a summary line.
///
/// Colour only when ``ReporterOptions/color`` says so. Every piece of text that may come from a report is printed
/// through ``Swift/String/displaySafe``, so it stays on its line and carries no escape sequence.
struct TextReporter: VerdictReporter {
    let options: ReporterOptions

    func render(_ verdict: Verdict) -> String {
        var lines: [String] = []
        let ordered = verdict.gatesByAttention
        let idWidth = min(32, verdict.gates.map(\.id.count).max() ?? 0)
        for gate in ordered {
            if options.quiet, gate.status == .pass || gate.status == .skipped { continue }
            let label = paint(Self.label(gate.status), Self.color(gate.status))
            lines.append("\(label)  \(gate.id.displaySafe.padding(to: idWidth))  \(gate.message.displaySafe)")
            let indent = String(repeating: " ", count: 6)
            for detail in gate.details { lines.append(indent + "- " + detail.displaySafe) }
            for finding in gate.waived.prefix(10) {
                lines.append(indent + "- waived: " + FindingMetrics.describeWaived(finding).displaySafe)
            }
            if gate.waived.count > 10 {
                lines.append(indent + "- … \(gate.waived.count) waived finding(s) listed in all")
            }
            if options.explain {
                var previous = ""
                for line in GateExplanation(gate: gate, in: verdict).lines {
                    let label = line.label == previous ? "" : line.label + ":"
                    lines.append(indent + label.displaySafe.padding(to: 13) + line.text.displaySafe)
                    previous = line.label
                }
            }
        }
        let shownDiagnostics = verdict.diagnostics.filter { !options.quiet || $0.severity == .error }
        if !shownDiagnostics.isEmpty {
            if !lines.isEmpty { lines.append("") }
            for diagnostic in shownDiagnostics { lines.append(Self.describe(diagnostic)) }
        }
        if !verdict.ignored.isEmpty, !options.quiet {
            lines.append("")
            for file in verdict.ignored {
                lines.append("ignored: \(file.path.displaySafe): \(file.reason.displaySafe)")
            }
        }
        lines.append("")
        lines.append(summary(verdict))
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Private

    private func summary(_ verdict: Verdict) -> String {
        let counts = verdict.gateCounts
        let reports = verdict.reports.count == 1 ? "1 report" : "\(verdict.reports.count) reports"
        let status = paint(verdict.status.rawValue.uppercased(), Self.color(verdict.status))
        guard !counts.isEmpty else {
            let errors = verdict.diagnostics.count { $0.severity == .error }
            return "\(status): no gate was evaluated (\(errors) error(s) above); exit \(verdict.exitCode)"
        }
        return "\(status): \(counts) (\(reports)); exit \(verdict.exitCode)"
    }

    static func describe(_ diagnostic: Diagnostic) -> String {
        diagnostic.description.displaySafe
    }

    private static func label(_ status: GateResult.Status) -> String {
        switch status {
        case .pass: "PASS "
        case .fail: "FAIL "
        case .warn: "WARN "
        case .error: "ERROR"
        case .skipped: "SKIP "
        }
    }

    private enum Color: String {
        case red = "31", green = "32", yellow = "33", gray = "90"
    }

    private static func color(_ status: GateResult.Status) -> Color {
        switch status {
        case .pass: .green
        case .fail, .error: .red
        case .warn: .yellow
        case .skipped: .gray
        }
    }

    private static func color(_ status: Verdict.Status) -> Color {
        switch status {
        case .pass: .green
        case .fail, .error: .red
        }
    }

    private func paint(_ text: String, _ color: Color) -> String {
        options.color ? "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m" : text
    }
}

extension String {
    /// The string padded with spaces to `width` characters (never truncated).
    package func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
