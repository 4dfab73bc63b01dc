/// Why a latency report lacks a percentile, and the producer's own option that adds it: a gate on a figure the
/// report does not hold is `error` (exit 2) with this reason, never a pass.
enum LatencyAbsence {
    /// The reason, naming the report (`path`, or "the report" where the verdict names it already), the missing
    /// figure and how to make the producer write it.
    static func reason(_ metric: Metric.Latency, in report: LatencyReport, path: String?) -> String {
        let path = path ?? "the report"
        let name = "latency.\(metric.rawValue)"
        switch report.producer {
        case .gatecheck:
            return "\(path) has no \(metric.rawValue) (gatecheck.latency/v1 has no \(name) figure"
                + (metric == .p99 ? "; add \"p99_ms\" to the report)" : ")")
        case .k6 where metric == .errorRate:
            return "\(path) is a k6 summary without metrics.http_req_failed, so \(name) cannot be judged; k6 "
                + "writes it from v0.31 on: run a newer k6"
        case .k6:
            let stat = k6Stat(metric)
            return "\(path) is a k6 summary without \"\(stat)\" in metrics.http_req_duration, so \(name) cannot "
                + "be judged; k6 writes only the stats of its summaryTrendStats option: run k6 with "
                + "--summary-trend-stats=\"avg,min,med,max,p(90),p(95),p(99)\" (or set summaryTrendStats in the "
                + "script's options)"
        case .locust:
            let column = locustColumn(metric)
            return "\(path) is Locust statistics without a \"\(column)\" column, so \(name) cannot be judged; "
                + "Locust writes the percentiles of locust.stats.PERCENTILES_TO_REPORT: keep "
                + "\(locustFraction(metric)) in it (its default list has 0.5, 0.9, 0.95 and 0.99)"
        }
    }

    /// k6's name of the stat behind a metric.
    static func k6Stat(_ metric: Metric.Latency) -> String {
        switch metric {
        case .p50: "med"
        case .p90: "p(90)"
        case .p95: "p(95)"
        case .p99: "p(99)"
        case .errorRate, .requests: metric.rawValue
        }
    }

    /// Locust's column of the percentile behind a metric.
    static func locustColumn(_ metric: Metric.Latency) -> String {
        switch metric {
        case .p50: "50%"
        case .p90: "90%"
        case .p95: "95%"
        case .p99: "99%"
        case .errorRate, .requests: metric.rawValue
        }
    }

    /// The fraction Locust's `PERCENTILES_TO_REPORT` lists for a metric.
    private static func locustFraction(_ metric: Metric.Latency) -> String {
        switch metric {
        case .p50: "0.5"
        case .p90: "0.9"
        case .p95: "0.95"
        case .p99: "0.99"
        case .errorRate, .requests: metric.rawValue
        }
    }
}
