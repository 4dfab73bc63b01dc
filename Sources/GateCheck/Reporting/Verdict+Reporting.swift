/// What several reporters need from a verdict: the order gates are shown in, status words, counts, the report
/// kinds behind a gate, and the failing tests and findings that have a place in a file.
extension GateResult.Status {
    /// Most urgent first: error, fail, warn, pass, skipped.
    var attentionRank: Int {
        switch self {
        case .error: 0
        case .fail: 1
        case .warn: 2
        case .pass: 3
        case .skipped: 4
        }
    }

    /// Whether a reader has to act on it (error, fail or warn).
    var needsAttention: Bool {
        attentionRank <= 2
    }

    /// The word used in summary lines (`2 failed`).
    var summaryWord: String {
        switch self {
        case .pass: "passed"
        case .fail: "failed"
        case .warn: "warned"
        case .error: "cannot be judged"
        case .skipped: "skipped"
        }
    }
}

extension Verdict {
    /// The gates most urgent first, in configuration order within a status.
    var gatesByAttention: [GateResult] {
        gates.enumerated().sorted { left, right in
            let (l, r) = (left.element.status.attentionRank, right.element.status.attentionRank)
            return l != r ? l < r : left.offset < right.offset
        }.map(\.element)
    }

    /// `1 passed, 2 failed, 1 skipped`: every status that occurs, in the order of ``GateResult/Status``.
    var gateCounts: String {
        GateResult.Status.allCases.compactMap { status -> String? in
            let count = gates.count { $0.status == status }
            return count > 0 ? "\(count) \(status.summaryWord)" : nil
        }.joined(separator: ", ")
    }

    /// The kinds of the reports a gate's value came from, or, with no report, the kinds that would feed it when
    /// there is one; a findings gate without reports says `findings`.
    func reportKindLabel(of gate: GateResult) -> String {
        let kinds = Set(reports.filter { gate.sources.contains($0.path) }.compactMap(\.kind)).sorted()
        if !kinds.isEmpty { return kinds.map(\.rawValue).joined(separator: ",") }
        let candidates = gate.metric.kinds
        if candidates.count == 1 { return candidates[0].rawValue }
        return String(gate.metric.name.prefix { $0 != "." })
    }

    /// The findings behind failing and warning gates, each once (the first gate that lists it decides its
    /// level), in gate order.
    var findingsNeedingAttention: [(finding: Finding, gate: GateResult)] {
        var seen: Set<String> = []
        var result: [(Finding, GateResult)] = []
        for gate in gatesByAttention where gate.status == .fail || gate.status == .warn {
            for finding in gate.findings where finding.waiver == nil {
                let key = finding.identity
                if seen.insert(key).inserted { result.append((finding, gate)) }
            }
        }
        return result
    }

    /// The failing tests behind failing and warning gates, each once, in gate order.
    var failedTestsNeedingAttention: [(test: FailedTest, gate: GateResult)] {
        var seen: Set<String> = []
        var result: [(FailedTest, GateResult)] = []
        for gate in gatesByAttention where gate.status == .fail || gate.status == .warn {
            for test in gate.failedTests where seen.insert(test.displayName).inserted {
                result.append((test, gate))
            }
        }
        return result
    }
}

extension GateResult {
    /// The bound as people write it: `≥ 0.80`, `≤ 500 MiB (524288000)`.
    var boundText: String {
        if let history { return history.boundText(bound) }
        // A ratchet without min/max is bounded by the baseline alone: show that, not the placeholder bound.
        if let comparison = baselineComparison, !metric.isChange {
            let relative = "vs baseline (\(comparison.tolerance))"
            guard comparison.gateHasBound else { return relative }
            return (bound.symbol == ">=" ? "≥ " : "≤ ") + "\(bound.threshold); \(relative)"
        }
        return switch bound {
        case .min: "≥ \(bound.threshold)"
        case .max: "≤ \(bound.threshold)"
        }
    }

    /// The measured value as the verdict shows it next to the bound, or `—` when there is none.
    var actualText: String {
        guard let actual, actual != .notMeasured else { return "—" }
        return actual.display(against: bound.threshold.value)
    }
}

extension Finding {
    /// Identifies a finding across gates: its fingerprint, or its tool, id and place when it has none.
    var identity: String {
        if !fingerprint.isEmpty { return fingerprint }
        let place = location.map { "\($0.path):\($0.line ?? 0)" } ?? package.map { "\($0.name)@\($0.version ?? "")" }
        return "\(tool)|\(id)|\(place ?? "")"
    }
}

extension FailedTest {
    /// `tests/test_x.py:16`, the test's place when the report gives its file.
    var place: String? {
        guard let file, !file.isEmpty else { return nil }
        return file + (sourceLine.map { ":\($0)" } ?? "")
    }
}
