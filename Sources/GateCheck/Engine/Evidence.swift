/// Whether a gate's reports can show what it measures, checked before it is measured: a report that holds nothing
/// (a JUnit file without a test, a scan that did not run) or a selector that selects nothing is no evidence, and a
/// gate measured on it would pass on silence.
enum Evidence {
    /// Why the gate cannot be judged on these reports, or `nil` when it can.
    ///
    /// - Parameters:
    ///   - sources: the reports that feed the gate (not empty).
    ///   - ofKind: every report of the gate's kinds.
    static func problem(_ gate: GateSpec, sources: [LoadedReport], ofKind: [LoadedReport]) -> String? {
        if let missing = missingKinds(gate, ofKind: ofKind) { return missing }
        switch gate.metric {
        case .tests, .change(.testsNewlyFailing), .change(.testsRemoved): return emptyTestReports(sources)
        case .findings, .change(.findingsNew), .change(.findingsNewIntroduced), .change(.findingsNewDisclosed):
            return unmatchedTools(gate, sources: sources) ?? notScanned(gate, sources: sources)
        default: return nil
        }
    }

    // MARK: - Private

    /// A required gate that lists `kinds` needs a report of each: a kind that is absent is not evidence of a
    /// clean result. (An optional gate is judged on the kinds present; the built-in gates are optional.)
    private static func missingKinds(_ gate: GateSpec, ofKind: [LoadedReport]) -> String? {
        guard gate.required, gate.kinds != nil else { return nil }
        let missing = gate.sourceKinds.filter { kind in !ofKind.contains { $0.kind == kind } }
        guard !missing.isEmpty else { return nil }
        let names = missing.map(\.rawValue).joined(separator: ", ")
        return "no \(names) report among the inputs, and this gate lists \(missing.count == 1 ? "it" : "them") in "
            + "\"kinds\", so each is required; add the report, remove the kind from \"kinds\", or make the gate "
            + "\"required\": false to judge it on the kinds present"
    }

    /// A JUnit report with no test at all shows nothing, whatever the other test reports hold.
    private static func emptyTestReports(_ sources: [LoadedReport]) -> String? {
        let empty = sources.compactMap { report -> String? in
            if case .tests(let content) = report.content, content.total == 0 { return report.path }
            return nil
        }
        guard !empty.isEmpty else { return nil }
        let shown = empty.prefix(5).joined(separator: ", ") + (empty.count > 5 ? ", …" : "")
        let verbs = empty.count == 1 ? ("holds", "it shows") : ("hold", "they show")
        // Summing would let a good shard hide an empty one, so each report must hold a test of its own.
        return "\(shown) \(verbs.0) no test at all, so \(verbs.1) nothing, and other test reports cannot speak "
            + "for \(empty.count == 1 ? "it" : "them"). If a shard is meant to be empty (pytest deselected all its "
            + "tests), do not give its file to gatecheck: delete it when the shard ran nothing, and mark its "
            + "binding in gates.json `inputs` \"required\": false"
    }

    /// A `tools` entry that matches no tool of the reports the gate reads selects nothing, which would pass over
    /// every finding (a typo such as `bandt`, or a SARIF driver named otherwise).
    private static func unmatchedTools(_ gate: GateSpec, sources: [LoadedReport]) -> String? {
        guard let tools = gate.selector.tools else { return nil }
        var present: [String] = []
        for report in sources {
            guard case .findings(let content) = report.content else { continue }
            for tool in Set(content.countsByTool.keys).union(content.notAuditedByTool.keys).sorted()
            where !present.contains(where: { $0.lowercased() == tool.lowercased() }) {
                present.append(tool)
            }
        }
        let unmatched = tools.filter { entry in !present.contains { $0.lowercased() == entry.lowercased() } }
        guard let first = unmatched.first else { return nil }
        let listed = present.isEmpty ? "none" : present.sorted().joined(separator: ", ")
        let hint = ToolNames.nearMiss(of: first, among: present + ToolNames.known).map { " Did you mean \"\($0)\"?" }
        let entries = unmatched.map { "\"\($0)\"" }.joined(separator: ", ")
        let words = unmatched.count == 1 ? ("entry", "matches") : ("entries", "match")
        return "the \"tools\" \(words.0) \(entries) \(words.1) no tool in the reports this gate reads (tools "
            + "present: \(listed)), so it would select no finding.\(hint ?? "") Correct the name (compared ignoring "
            + "case) or remove it"
    }

    /// A scan that did not happen (a SARIF run without `results`, a log without runs, a pip-audit report that
    /// audited nothing) cannot show that there is no finding.
    private static func notScanned(_ gate: GateSpec, sources: [LoadedReport]) -> String? {
        var reasons: [String] = []
        for report in sources {
            guard case .findings(let content) = report.content else { continue }
            for gap in content.notScanned where gap.tool.map(gate.selector.selects(tool:)) ?? true {
                reasons.append("\(report.path): \(gap.reason)")
            }
        }
        guard !reasons.isEmpty else { return nil }
        return reasons.prefix(3).joined(separator: "; ") + (reasons.count > 3 ? "; and \(reasons.count - 3) more" : "")
    }
}
