#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One thing a gate judges on its own: a report's accuracy metric, one image, one load test.
struct GatedUnit {
    /// What it is, for details: a report path or an image name.
    var label: String
    var value: MetricValue
    /// The value as the message shows it.
    var shown: String
    /// Why it cannot be judged, when it cannot.
    var problem: String?
    /// Lines that explain a failure (the worst samples).
    var notes: [String] = []
}

/// Gating where every unit must pass (accuracy and latency per report, image size per image): the gate's value is
/// the worst unit's, and a failure lists every unit.
enum UnitGating {
    /// - Parameters:
    ///   - preposition: how the message names the worst unit (`0.93 in b.json`, `612143580 bytes for app:1`).
    ///   - nameUnits: whether the message names the worst unit even when it is the only one.
    static func measure(_ units: [GatedUnit], bound: Bound, preposition: String = "in", nameUnits: Bool = false)
        -> Measurement
    {
        let problems = units.compactMap { unit in unit.problem.map { "\(unit.label): \($0)" } }
        guard problems.isEmpty else { return .notMeasured(problems.joined(separator: "; ")) }
        let ordered = units.sorted { left, right in
            let (l, r) = (left.value.exact ?? 0, right.value.exact ?? 0)
            if l != r {
                switch bound {
                case .min: return l < r
                case .max: return l > r
                }
            }
            return left.label < right.label
        }
        guard let worst = ordered.first else { return .notMeasured("there is nothing to measure") }
        var measurement = Measurement(value: worst.value)
        measurement.shownValue = worst.shown + (nameUnits || units.count > 1 ? " \(preposition) \(worst.label)" : "")
        let failing = ordered.filter { bound.isSatisfied(by: $0.value) == false }
        if ordered.count > 1 {
            for unit in ordered {
                let verdict = failing.contains { $0.label == unit.label } ? "fails" : "passes"
                measurement.details.append("\(unit.label): \(unit.shown) \(verdict)")
            }
        }
        for unit in failing {
            measurement.details += unit.notes.map { ordered.count > 1 ? "\(unit.label): \($0)" : $0 }
        }
        return measurement
    }

    /// A decimal value as a message shows it (see ``DecimalText/shown(_:against:minimumDigits:)``).
    static func shown(_ value: Decimal, _ bound: Bound) -> String {
        DecimalText.shown(value, against: bound.threshold.value)
    }
}

extension LoadedReport {
    /// Whether the report carries a value (or a reason for none) for the metric.
    ///
    /// A gate whose kind is present but whose metric no report carries is treated like a gate whose report is absent:
    /// an accuracy report without `attribution`, a latency report without p99, a Trivy report without an image size.
    func carries(_ metric: Metric) -> Bool {
        switch (content, metric) {
        case (.accuracy(let report), .accuracy(let name)): report.metrics[name] != nil
        // A k6 or Locust report lacking a percentile is there all the same: its gate is `error`, naming the
        // producer's option, even beside reports that have it (it is never skipped so that the others decide).
        case (.latency(let report), .latency(let member)):
            report.requests == 0 || report.producer != .gatecheck || LatencyMetrics.value(member, of: report) != nil
        case (_, .image): !ImageMetrics.images(in: self).isEmpty
        default: true
        }
    }
}

extension ReportContent {
    /// Why none of these reports (all of the metric's kinds) carries the metric.
    static func absence(of metric: Metric, in reports: [LoadedReport]) -> String {
        let found = reports.prefix(3).map { report -> String in
            switch report.content {
            case .accuracy(let accuracy):
                let names = accuracy.metrics.keys.sorted().joined(separator: ", ")
                return "\(report.path) has \(names.isEmpty ? "none" : names)"
            case .latency(let latency):
                guard case .latency(let member) = metric else { return "\(report.path) has no \(metric.name)" }
                return LatencyAbsence.reason(member, in: latency, path: report.path)
            default: return "\(report.path) has no image size"
            }
        }
        let more = reports.count > 3 ? ", …" : ""
        return "no report among the inputs has \(metric.name) (\(found.joined(separator: "; "))\(more))"
    }
}
