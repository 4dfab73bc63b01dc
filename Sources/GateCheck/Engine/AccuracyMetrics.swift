#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `accuracy.<name>`: gated per report, so that every evaluation must reach the bound on its own.
enum AccuracyMetrics {
    static func measure(_ name: String, _ bound: Bound, sources: [LoadedReport]) -> Measurement {
        let units = sources.compactMap { report -> GatedUnit? in
            guard case .accuracy(let accuracy) = report.content, let metric = accuracy.metrics[name] else { return nil }
            guard let mean = metric.value else {
                return GatedUnit(
                    label: "accuracy.\(name) in \(report.path)", value: .notMeasured, shown: "",
                    problem: metric.problem ?? "it has no value")
            }
            let value = worse(mean, metric.statedValue, bound)
            var unit = GatedUnit(label: report.path, value: .decimal(value), shown: UnitGating.shown(value, bound))
            if let stated = metric.statedValue {
                unit.notes.append(
                    "the report states \(stated) but its samples' mean is \(DecimalText.rounded(mean, digits: 6)); "
                        + "the worse of the two is gated")
            }
            if let samples = worstSamples(metric, bound) { unit.notes.append(samples) }
            if metric.unscored > 0 {
                unit.notes.append("\(metric.unscored) of \(metric.samples) samples have no score and are not counted")
            }
            return unit
        }
        return UnitGating.measure(units, bound: bound)
    }

    /// Of two figures of one metric that contradict each other, the one on the failing side of the bound: the
    /// lower for a `min` gate, the higher for a `max` gate.
    private static func worse(_ value: Decimal, _ other: Decimal?, _ bound: Bound) -> Decimal {
        guard let other else { return value }
        return switch bound {
        case .min: Swift.min(value, other)
        case .max: Swift.max(value, other)
        }
    }

    /// The samples that pull the metric to the wrong side: for a `min` gate those scoring below the bound (else the
    /// lowest few), for a `max` gate those scoring above it (else the highest few).
    private static func worstSamples(_ metric: AccuracyMetric, _ bound: Bound) -> String? {
        var samples: [SampleScore]
        var heading: String
        switch bound {
        case .min(let threshold):
            samples = metric.lowestSamples.filter { $0.score < threshold.value }
            heading = "samples scoring below \(threshold.written)"
            if samples.isEmpty {
                (samples, heading) = (Array(metric.lowestSamples.prefix(5)), "lowest-scoring samples")
            }
        case .max(let threshold):
            samples = metric.highestSamples.filter { $0.score > threshold.value }
            heading = "samples scoring above \(threshold.written)"
            if samples.isEmpty {
                (samples, heading) = (Array(metric.highestSamples.prefix(5)), "highest-scoring samples")
            }
        }
        guard !samples.isEmpty else { return nil }
        let more = samples.count == AccuracyMetric.sampleLimit ? ", …" : ""
        let list = samples.map { "\($0.id) (\(DecimalText.shown($0.score, against: nil)))" }.joined(separator: ", ")
        return "\(heading): \(list)\(more)"
    }

    static func values(of report: AccuracyReport) -> [Metric: MetricValue] {
        Dictionary(
            uniqueKeysWithValues: report.metrics.map { name, metric in
                (Metric.accuracy(name), metric.value.map(MetricValue.decimal) ?? .notMeasured)
            })
    }
}
