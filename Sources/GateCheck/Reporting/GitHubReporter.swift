/// GitHub Actions workflow commands, which the runner turns into annotations: `::error` for every gate that
/// failed or cannot be judged and every error diagnostic, `::warning` for warning gates and diagnostics, then one
/// annotation per failing test that has a file and per finding that has a location (at that file and line), one per
/// run of uncovered changed lines of a failing diff coverage gate (`line`–`endLine`), and a closing `::notice` with
/// the summary line.
///
/// Gates come first because GitHub shows only the first 10 errors and 10 warnings of a step. Values are escaped as
/// the Actions toolkit does: `%`, CR and LF in messages; additionally `:` and `,` in properties. Report text goes
/// through ``Swift/String/displaySafe`` first (a message keeps its line breaks, which become `%0A`), so no escape
/// sequence reaches the log and no report text can start a line of its own.
struct GitHubReporter: VerdictReporter {
    func render(_ verdict: Verdict) -> String {
        var lines: [String] = []
        for gate in verdict.gatesByAttention where gate.status.needsAttention {
            let command = gate.status == .warn || (gate.status == .error && !gate.blocksAsError) ? "warning" : "error"
            let title = "gatecheck \(gate.id.displaySafe) (\(gate.status.summaryWord))"
            let message = ([gate.message] + gate.details).map { $0.displaySafe(keepingLineBreaks: true) }
                .joined(separator: "\n")
            lines.append(Self.command(command, ["title": title], message))
        }
        for diagnostic in verdict.diagnostics where diagnostic.severity != .note {
            var properties = ["title": "gatecheck (\(diagnostic.code))"]
            properties["file"] = diagnostic.file?.displaySafe
            properties["line"] = diagnostic.line.map(String.init)
            properties["col"] = diagnostic.column.map(String.init)
            lines.append(
                Self.command(
                    diagnostic.severity == .error ? "error" : "warning", properties,
                    diagnostic.message.displaySafe(keepingLineBreaks: true)))
        }
        for (test, gate) in verdict.failedTestsNeedingAttention {
            guard let file = test.file, !file.isEmpty else { continue }
            var properties = [
                "title": "\(test.state == .error ? "Errored" : "Failed") test \(test.displayName.displaySafe)",
                "file": file.displaySafe,
            ]
            properties["line"] = test.sourceLine.map(String.init)
            let message =
                test.message.isEmpty
                ? "failed (gate \(gate.id.displaySafe))" : test.message.displaySafe(keepingLineBreaks: true)
            lines.append(Self.command(gate.status == .fail ? "error" : "warning", properties, message))
        }
        for (finding, gate) in verdict.findingsNeedingAttention {
            guard let location = finding.location else { continue }
            var properties = [
                "title":
                    "\(finding.severity.rawValue.uppercased()) \(finding.id.displaySafe) [\(finding.tool.displaySafe)]",
                "file": location.path.displaySafe,
            ]
            properties["line"] = location.line.flatMap { $0 >= 1 ? String($0) : nil }
            let message = (finding.message.isEmpty ? finding.id : finding.message).displaySafe(keepingLineBreaks: true)
            lines.append(Self.command(gate.status == .fail ? "error" : "warning", properties, message))
        }
        for gate in verdict.gatesByAttention where gate.status == .fail || gate.status == .warn {
            // At most 50 per gate: GitHub shows 10 errors per step, and a log of thousands helps no one.
            for run in gate.uncoveredLines.prefix(50) {
                var properties = ["title": "Changed \(run.lineText) not covered (gate \(gate.id.displaySafe))"]
                properties["file"] = run.path.displaySafe
                properties["line"] = String(run.first)
                properties["endLine"] = String(run.last)
                lines.append(
                    Self.command(
                        gate.status == .fail ? "error" : "warning", properties,
                        "no test executed changed \(run.lineText)"))
            }
        }
        let summary =
            "gatecheck \(verdict.status.rawValue): \(verdict.gateCounts.isEmpty ? "no gate evaluated" : verdict.gateCounts); exit \(verdict.exitCode)"
        lines.append(Self.command("notice", ["title": "gatecheck"], summary))
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Private

    /// `::name key=value,...::message`, properties in a fixed order (title, file, line, col).
    private static func command(_ name: String, _ properties: [String: String], _ message: String) -> String {
        let order = ["title", "file", "line", "endLine", "col"]
        let list = order.compactMap { key in properties[key].map { "\(key)=\(escapeProperty($0))" } }
        return "::\(name) \(list.joined(separator: ","))::\(escapeData(message))"
    }

    private static func escapeData(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func escapeProperty(_ text: String) -> String {
        var out = ""
        for scalar in escapeData(text).unicodeScalars {
            switch scalar {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
