/// `accuracy.<name>`: gated per report, so that every evaluation must reach the bound on its own.
enum AccuracyMetrics {
    static func measure(_ name: String, _ bound: Bound, sources: [LoadedReport]) -> Measurement {
        let units = sources.compactMap { report -> GatedUnit? in
            guard case .accuracy(let accuracy) = report.content, let metric = accuracy.metrics[name] else { return nil }
            guard let value = metric.value else {
                return GatedUnit(
                    label: "accuracy.\(name) in \(report.path)", value: .notMeasured, shown: "",
                    problem: metric.problem ?? "it has no value")
            }
            var unit = GatedUnit(label: report.path, value: .decimal(value), shown: UnitGating.shown(value, bound))
            if let samples = worstSamples(metric, bound) { unit.notes.append(samples) }
            if metric.unscored > 0 {
                unit.notes.append("\(metric.unscored) of \(metric.samples) samples have no score and are not counted")
            }
            return unit
        }
        return UnitGating.measure(units, bound: bound)
    }

    /// The lowest-scoring samples, those below the bound when there are any (a `min` gate), else the lowest few.
    private static func worstSamples(_ metric: AccuracyMetric, _ bound: Bound) -> String? {
        var samples = metric.worstSamples
        var heading = "lowest-scoring samples"
        if case .min(let threshold) = bound, samples.contains(where: { $0.score < threshold.value }) {
            samples = samples.filter { $0.score < threshold.value }
            heading = "samples scoring below \(threshold.written)"
        } else {
            samples = Array(samples.prefix(5))
        }
        guard !samples.isEmpty else { return nil }
        let more = samples.count == AccuracyMetric.worstLimit ? ", …" : ""
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
