#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `latency.*`: gated per load test (per report).
enum LatencyMetrics {
    static func measure(_ metric: Metric.Latency, _ bound: Bound, sources: [LoadedReport]) -> Measurement {
        let units = sources.compactMap { report -> GatedUnit? in
            guard case .latency(let latency) = report.content else { return nil }
            let label = latency.target.map { "\($0) (\(report.path))" } ?? report.path
            // A count of zero is a figure a `latency.requests` bound judges (a test that sent nothing fails
            // `min`); every other figure of such a test means nothing.
            guard latency.requests > 0 || metric == .requests else {
                return GatedUnit(
                    label: label, value: .notMeasured, shown: "",
                    problem: "the load test sent no requests, so its latencies mean nothing")
            }
            guard let value = value(metric, of: latency) else {
                // One report lacking the figure among others that have it is never skipped: the gate would pass
                // on the others alone.
                return GatedUnit(
                    label: label, value: .notMeasured, shown: "",
                    problem: LatencyAbsence.reason(metric, in: latency, path: nil))
            }
            return GatedUnit(label: label, value: .decimal(value), shown: UnitGating.shown(value, bound))
        }
        return UnitGating.measure(units, bound: bound)
    }

    static func value(_ metric: Metric.Latency, of report: LatencyReport) -> Decimal? {
        switch metric {
        case .p50: report.p50Ms
        case .p90: report.p90Ms
        case .p95: report.p95Ms
        case .p99: report.p99Ms
        case .errorRate: report.errorRate
        case .requests: Decimal(report.requests)
        }
    }

    static func values(of report: LatencyReport) -> [Metric: MetricValue] {
        Dictionary(
            uniqueKeysWithValues: Metric.Latency.allCases.map { metric in
                let judged = report.requests > 0 || metric == .requests
                let value = judged ? value(metric, of: report).map(MetricValue.decimal) : nil
                return (Metric.latency(metric), value ?? .notMeasured)
            })
    }
}
