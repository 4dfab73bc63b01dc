#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What `--explain` says about one gate: the numerator and denominator of a rate, how the shown value was
/// rounded, the exact comparison made, and the file each number came from.
///
/// ```swift
/// for line in GateExplanation(gate: gate, in: verdict).lines { print(line.label, line.text) }
/// ```
struct GateExplanation {
    /// One labelled line (`comparison`, `7 >= 0.80 × 10 = 8 is false`).
    struct Line: Equatable {
        var label: String
        var text: String
    }

    let lines: [Line]

    init(gate: GateResult, in verdict: Verdict) {
        var lines: [Line] = []
        let threshold = gate.bound.threshold
        let symbol = gate.bound.symbol
        let holds = gate.actual.flatMap { gate.bound.isSatisfied(by: $0) }
        switch gate.actual {
        case .ratio(let numerator, let denominator)?:
            let parts = Self.fractionParts(gate.metric)
            lines.append(Line(label: "numerator", text: "\(numerator) \(parts.numerator)"))
            lines.append(Line(label: "denominator", text: "\(denominator) \(parts.denominator)"))
            let shown = String(gate.actualText.prefix { $0 != " " })
            if shown.hasPrefix("≈") {
                let decimals = shown.split(separator: ".").last?.count ?? 0
                lines.append(
                    Line(
                        label: "rounding",
                        text: "\(shown) is \(numerator)/\(denominator) rounded half up to \(decimals) decimals (more "
                            + "when needed to keep the comparison's outcome); the comparison uses the exact fraction"))
            } else {
                lines.append(Line(label: "rounding", text: "none: \(numerator)/\(denominator) is exactly \(shown)"))
            }
            let scaled = threshold.value * Decimal(denominator)
            lines.append(
                Line(
                    label: "comparison",
                    text:
                        "\(numerator) \(symbol) \(threshold.written) × \(denominator) = \(scaled) is \(holds ?? false)")
            )
        case .integer(let value)?:
            let what = gate.metric == .image(.sizeBytes) ? "bytes" : "a count"
            lines.append(Line(label: "value", text: "\(value), \(what): no numerator, denominator or rounding"))
            lines.append(Line(label: "comparison", text: "\(value) \(symbol) \(threshold) is \(holds ?? false)"))
        case .decimal(let value)?:
            lines.append(
                Line(
                    label: "value",
                    text: "\(value), a decimal compared exactly as shown here: no numerator or denominator"))
            lines.append(Line(label: "comparison", text: "\(value) \(symbol) \(threshold) is \(holds ?? false)"))
        case .notMeasured?, nil:
            lines.append(Line(label: "comparison", text: gate.comparison))
        }
        if let comparison = gate.baselineComparison {
            // A ratchet without min/max has only a placeholder bound: its comparison is the baseline's.
            if !comparison.gateHasBound { lines.removeAll { $0.label == "comparison" } }
            lines.append(Line(label: "baseline", text: comparison.summary))
        }
        lines.append(contentsOf: Self.sources(gate, verdict))
        self.lines = lines
    }

    // MARK: - Private

    private static func sources(_ gate: GateResult, _ verdict: Verdict) -> [Line] {
        guard !gate.sources.isEmpty else { return [Line(label: "from", text: "no report")] }
        var lines = gate.sources.map { path -> Line in
            let value = verdict.reports.first { $0.path == path }?.metrics[gate.metric]
            let figure = value.map {
                " (\(gate.metric.name) \($0.display(against: gate.bound.threshold.value)) in this report)"
            }
            return Line(label: "from", text: path + (figure ?? ""))
        }
        let note: String?
        switch gate.metric {
        case .coverage where gate.sources.count > 1:
            note = "merged: each (file, line) counts once, covered if any report covers it"
        case .tests where gate.sources.count > 1:
            note = "summed over the reports"
        case .findings:
            note =
                "a report's figure counts all its findings (after suppressions and waivers); the gate counts "
                + "the ones its selection picks, summed over the reports"
        default:
            note = nil
        }
        if let note { lines.append(Line(label: "note", text: note)) }
        return lines
    }

    private static func fractionParts(_ metric: Metric) -> (numerator: String, denominator: String) {
        switch metric {
        case .coverage(.lineRate): ("lines covered", "lines valid")
        case .coverage(.branchRate): ("branches taken", "branches valid")
        case .coverage(.combinedRate): ("lines and branches covered", "lines and branches valid")
        case .latency(.errorRate): ("failed requests", "requests")
        case .accuracy: ("correct", "evaluated")
        default: ("(numerator)", "(denominator)")
        }
    }
}
