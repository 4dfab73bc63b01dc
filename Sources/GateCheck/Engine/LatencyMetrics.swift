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
            guard latency.requests > 0 else {
                return GatedUnit(
                    label: label, value: .notMeasured, shown: "",
                    problem: "the load test sent no requests, so its latencies mean nothing")
            }
            guard let value = value(metric, of: latency) else { return nil }
            return GatedUnit(label: label, value: .decimal(value), shown: UnitGating.shown(value, bound))
        }
        return UnitGating.measure(units, bound: bound)
    }

    static func value(_ metric: Metric.Latency, of report: LatencyReport) -> Decimal? {
        switch metric {
        case .p50: report.p50Ms
        case .p95: report.p95Ms
        case .p99: report.p99Ms
        case .errorRate: report.errorRate
        }
    }

    static func values(of report: LatencyReport) -> [Metric: MetricValue] {
        Dictionary(
            uniqueKeysWithValues: Metric.Latency.allCases.map { metric in
                let value = report.requests > 0 ? value(metric, of: report).map(MetricValue.decimal) : nil
                return (Metric.latency(metric), value ?? .notMeasured)
            })
    }
}
