/// A Markdown summary for a pull request, a check run or `$GITHUB_STEP_SUMMARY`: a status headline, a table of
/// every gate (most urgent first), the diagnostics, and a collapsible `<details>` per gate that failed, warned or
/// cannot be judged (its reasons, failing tests, findings and the exact comparison).
///
/// The whole text stays under ``MarkdownReporter/byteLimit`` bytes (GitHub's limit for a check-run summary): when
/// it would not, diagnostics and detail lines are left out, never the table, and the summary says so.
struct MarkdownReporter: VerdictReporter {
    /// GitHub rejects a check-run summary of 65,535 bytes or more.
    static let byteLimit = 65_535
    /// Room kept for the truncation note.
    private static let noteReserve = 400

    func render(_ verdict: Verdict) -> String {
        let head = Self.headline(verdict) + Self.table(verdict)
        let footer = "\n<sub>gatecheck \(verdict.toolVersion.markdownEscaped)</sub>\n"
        var budget = Budget(bytes: Self.byteLimit - 1 - head.utf8.count - footer.utf8.count - Self.noteReserve)

        // First every block's summary line (so each gate that needs attention keeps its reason), then the
        // diagnostics (at most half of what is left), then the blocks' lines, each block its fair share.
        let blocks = verdict.gatesByAttention.filter(\.status.needsAttention).map { Self.block($0, verdict) }
        let detailsHeading = blocks.isEmpty ? "" : "\n### Details\n\n"
        var kept: [Block] = []
        if budget.take(detailsHeading) {
            for block in blocks {
                if budget.take(block.open + block.close + Block.markerReserve) {
                    kept.append(block)
                } else {
                    budget.omittedLines += block.lines.count
                }
            }
        }
        let notes =
            verdict.diagnostics.map { "- " + Self.describe($0) }
            + verdict.ignored.map { "- ignored \($0.path.markdownEscaped): \($0.reason.markdownEscaped)" }
        var diagnostics = ""
        if !notes.isEmpty {
            var share = Budget(bytes: budget.bytes / 2)
            diagnostics = share.fill(heading: "\n### Diagnostics\n\n", notes)
            budget.bytes -= diagnostics.utf8.count
            budget.omittedLines += share.omittedLines
        }
        var details = kept.isEmpty ? "" : detailsHeading
        for (index, block) in kept.enumerated() {
            var share = Budget(bytes: budget.bytes / (kept.count - index) + Block.markerReserve.utf8.count)
            let text = block.open + share.fill(heading: "", block.lines, marker: true) + block.close
            budget.bytes -=
                text.utf8.count - block.open.utf8.count - block.close.utf8.count - Block.markerReserve.utf8.count
            budget.omittedLines += share.omittedLines
            details += text
        }
        var text = head + diagnostics + details
        if budget.omittedLines > 0 {
            text += (text.hasSuffix("\n\n") ? "" : "\n")
            text +=
                "> **Truncated:** \(budget.omittedLines) line(s) of diagnostics and details were left out to keep this "
                + "summary under 65,535 bytes (GitHub's limit); the table above is complete. "
                + "`gatecheck --format text` or `--format json` shows everything.\n"
        }
        while text.hasSuffix("\n\n") { text.removeLast() }
        return text + footer
    }

    // MARK: - Private

    /// A gate's `<details>` block: the parts always shown and the lines that may be cut.
    private struct Block {
        /// Paid for with the block, so that a cut block can always say how much was cut.
        static let markerReserve = String(repeating: " ", count: 48)

        var open: String
        var close: String
        var lines: [String]
    }

    private struct Budget {
        var bytes: Int
        var omittedLines = 0

        mutating func take(_ text: String) -> Bool {
            let size = text.utf8.count
            guard size <= bytes else { return false }
            bytes -= size
            return true
        }

        /// The heading and as many lines as fit; with `marker`, a last line says how many were cut.
        mutating func fill(heading: String, _ lines: [String], marker: Bool = false) -> String {
            if marker { bytes -= Block.markerReserve.utf8.count }
            guard take(heading) else {
                omittedLines += lines.count
                return ""
            }
            var text = heading
            for (index, line) in lines.enumerated() {
                guard take(line + "\n") else {
                    omittedLines += lines.count - index
                    if marker { text += "… \(lines.count - index) more line(s) not shown\n" }
                    break
                }
                text += line + "\n"
            }
            return text
        }
    }

    private static func headline(_ verdict: Verdict) -> String {
        let title: String
        switch verdict.status {
        case .pass: title = "✅ gatecheck: pass"
        case .fail: title = "❌ gatecheck: fail"
        case .error: title = "⛔ gatecheck: cannot judge"
        }
        var facts = ["**exit \(verdict.exitCode)**"]
        if !verdict.gates.isEmpty { facts.append(verdict.gateCounts) }
        facts.append(verdict.reports.count == 1 ? "1 report" : "\(verdict.reports.count) reports")
        if !verdict.ignored.isEmpty { facts.append("\(verdict.ignored.count) file(s) ignored") }
        return "## \(title)\n\n\(facts.joined(separator: " · "))\n"
    }

    private static func table(_ verdict: Verdict) -> String {
        guard !verdict.gates.isEmpty else { return "\nNo gate was evaluated.\n" }
        var rows = ["", "| | Gate | Metric | Value | Bound | Result |", "| --- | --- | --- | --- | --- | --- |"]
        for gate in verdict.gatesByAttention {
            let cells = [
                icon(gate.status), "`\(gate.id.displaySafe)`", "`\(gate.metric.name)`" + scopeText(gate),
                gate.actualText.markdownEscaped,
                gate.boundText.markdownEscaped, result(gate),
            ]
            rows.append("| " + cells.joined(separator: " | ") + " |")
        }
        return rows.joined(separator: "\n") + "\n"
    }

    /// ` in src/\*\*` (or ` in classes tests.unit.\*`) after a scoped gate's metric, escaped for the table.
    private static func scopeText(_ gate: GateResult) -> String {
        if let classes = gate.scopeClasses { return " in classes " + classes.joined(separator: ", ").markdownEscaped }
        if let paths = gate.scopePaths { return " in " + paths.joined(separator: ", ").markdownEscaped }
        return ""
    }

    /// One gate's `<details>` block: the comparison first (short and always wanted), then the failing tests,
    /// findings or other details.
    private static func block(_ gate: GateResult, _ verdict: Verdict) -> Block {
        var lines = GateExplanation(gate: gate, in: verdict).lines.map { "\($0.label): \($0.text)" }
        if !gate.failedTests.isEmpty {
            lines += gate.failedTests.map { test in
                let firstLine = test.message.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
                return test.displayName + (test.place.map { " (\($0))" } ?? "")
                    + (firstLine.isEmpty ? "" : ": \(firstLine)")
            }
        } else if !gate.findings.isEmpty {
            lines += gate.findings.map { finding in
                let firstLine = finding.message.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
                return FindingMetrics.describe(finding) + (firstLine.isEmpty ? "" : ": \(firstLine)")
            }
        } else {
            lines += gate.details
        }
        // Inside the fence nothing is escaped, so report text must not break the line or carry escape sequences.
        lines = lines.map(\.displaySafe)
        let fence = String(repeating: "`", count: max(3, (lines.map(longestBacktickRun).max() ?? 0) + 1))
        return Block(
            open:
                "<details><summary>\(icon(gate.status)) <code>\(gate.id.htmlEscaped)</code>: \(gate.message.htmlEscaped)</summary>\n\n"
                + fence + "text\n",
            close: fence + "\n\n</details>\n\n", lines: lines)
    }

    private static func longestBacktickRun(_ line: String) -> Int {
        var longest = 0
        var run = 0
        for character in line {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }

    private static func describe(_ diagnostic: Diagnostic) -> String {
        var place = diagnostic.file ?? ""
        if let line = diagnostic.line { place += ":\(line)" + (diagnostic.column.map { ":\($0)" } ?? "") }
        if let path = diagnostic.keyPath { place += place.isEmpty ? path : " (\(path))" }
        return "**\(diagnostic.severity.rawValue)** " + (place.isEmpty ? "" : place.markdownEscaped + ": ")
            + diagnostic.message.markdownEscaped
    }

    private static func icon(_ status: GateResult.Status) -> String {
        switch status {
        case .pass: "✅"
        case .fail: "❌"
        case .warn: "⚠️"
        case .error: "⛔"
        case .skipped: "⏭️"
        }
    }

    private static func result(_ gate: GateResult) -> String {
        switch gate.status {
        case .pass: "pass"
        case .fail: "**fail**"
        case .warn: "warn (does not block)"
        case .error: gate.blocksAsError ? "**cannot judge**" : "cannot judge (does not block)"
        case .skipped: "skipped (no report)"
        }
    }
}

extension String {
    /// Safe as Markdown inline text on one line: HTML-sensitive characters as entities, Markdown punctuation
    /// backslash-escaped, line breaks as spaces, other control characters as visible escapes
    /// (``Swift/String/displaySafe``).
    var markdownEscaped: String {
        escapedForMarkdown(punctuation: true)
    }

    /// Safe inside an HTML element such as `<summary>`: `&`, `<`, `>` as entities, line breaks as spaces.
    var htmlEscaped: String {
        escapedForMarkdown(punctuation: false)
    }

    private func escapedForMarkdown(punctuation: Bool) -> String {
        var out = ""
        for character in self {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case _ where punctuation && "\\`*_[]|~#".contains(character): out += "\\" + String(character)
            case "\n", "\r", "\r\n": out += " "
            default: out += String(character).displaySafe
            }
        }
        return out
    }
}
