#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Reads k6's end-of-test summary JSON into a ``LatencyReport``: both `k6 run --summary-export=FILE` (each metric's
/// stats directly under its name: `metrics.http_req_duration.med`) and `handleSummary`'s `JSON.stringify(data)`
/// (under `values`: `metrics.http_req_duration.values.med`, beside `type` and `contains`).
///
/// - `http_req_duration`'s `med`, `p(90)`, `p(95)`, `p(99)` → `p50_ms`, `p90_ms`, `p95_ms`, `p99_ms` (k6 writes
///   milliseconds whatever `summaryTimeUnit` says; it writes only the stats of `summaryTrendStats`, whose default
///   has no `p(99)`: a gate on a stat the file lacks is `error`, naming the option).
/// - `http_reqs`'s `count` → `requests`.
/// - `http_req_failed` → `error_rate` = `passes / (passes + fails)`. k6 counts a rate's `passes` as the samples that
///   were non-zero (`RateSink.Trues`), and a failed request is the sample `1`: `passes` are the FAILED requests and
///   `fails` the successful ones. The stated `value` (`rate`) must agree.
///
/// Only those three metrics are read, pruned as the file streams (every other metric, `root_group` and its checks
/// are skipped whatever their size). The sub-metrics k6 adds for thresholds (`http_req_duration{expected_response:
/// true}`) are other keys and never read: the figures are all requests', failed ones included.
enum K6SummaryParser {
    /// The keys read, named once.
    enum Key: String, CaseIterable {
        case metrics, state, rootGroup = "root_group"
        case duration = "http_req_duration", requests = "http_reqs", failed = "http_req_failed"
        case browserDuration = "browser_http_req_duration"
        case values, type, contains
        case med, p90 = "p(90)", p95 = "p(95)", p99 = "p(99)"
        case count, passes, fails, value, rate
        case testRunDurationMs
    }

    /// The stats of `http_req_duration` read, with the metric each feeds.
    static let trendStats: [(Key, Metric.Latency)] = [(.med, .p50), (.p90, .p90), (.p95, .p95), (.p99, .p99)]

    /// What the decoder reads; the rest is skipped as it streams.
    static let shape: JSONShape = {
        let scalars: [Key] = [.type, .contains] + trendStats.map(\.0) + [.count, .passes, .fails, .value, .rate]
        let statFields = JSONShape.fields(scalars.map(\.rawValue))
        let metric = JSONShape.object(
            known: Dictionary(uniqueKeysWithValues: scalars.map { ($0.rawValue, JSONShape.scalar) })
                .merging([Key.values.rawValue: statFields]) { $1 },
            other: .ignored)
        let metrics = JSONShape.object(
            known: [Key.duration.rawValue: metric, Key.requests.rawValue: metric, Key.failed.rawValue: metric],
            other: .ignored)
        return .object(
            known: [
                Key.metrics.rawValue: metrics, Key.rootGroup.rawValue: .ignored,
                Key.state.rawValue: .fields([Key.testRunDurationMs.rawValue]),
            ], other: .ignored)
    }()

    static func parse(_ root: JSONNode) throws(ReportError) -> ParsedMetricReport {
        var decoder = JSONNodeDecoder(file: "", codePrefix: "k6")
        guard case .object(let members) = root.value,
            members.contains(where: { $0.key == Key.metrics.rawValue || $0.key == Key.rootGroup.rawValue })
        else {
            throw .wrongKind(
                expected: .k6, found: "JSON without k6's \"metrics\" and \"root_group\" (\(root.value.kind.rawValue))")
        }
        let report = decode(root, &decoder)
        let diagnostics = try decoder.reportDiagnostics()
        guard let report else { throw .invalidValue("the k6 summary cannot be read", at: nil, keyPath: nil) }
        return ParsedMetricReport(content: .latency(report), diagnostics: diagnostics)
    }

    // MARK: - Private

    private static func decode(_ root: JSONNode, _ decoder: inout JSONNodeDecoder) -> LatencyReport? {
        let fields = K6Fields.read(root, at: "", &decoder)
        guard let metricsNode = fields[.metrics] else {
            decoder.fail(
                "missing-key", "a k6 summary has a \"metrics\" object; this one has none", at: "metrics",
                root.position)
            return nil
        }
        let metrics = K6Fields.read(metricsNode, at: "metrics", &decoder)
        let duration = metrics[.duration].map { K6Fields.stats($0, at: "metrics.http_req_duration", &decoder) }
        let requests = metrics[.requests].map { K6Fields.stats($0, at: "metrics.http_reqs", &decoder) }
        let failed = metrics[.failed].map { K6Fields.stats($0, at: "metrics.http_req_failed", &decoder) }

        var report = LatencyReport(p50Ms: nil, p95Ms: nil, requests: 0, errorRate: nil)
        report.producer = .k6
        if let requests {
            let path = "metrics.http_reqs.\(requests.prefix)count"
            guard let node = requests.fields[.count] else {
                decoder.fail("missing-key", "http_reqs has no \"count\"", at: path, requests.position)
                return nil
            }
            guard let count = decoder.integer(node, at: path) else { return nil }
            report.requests = count
        }
        if let duration {
            readPercentiles(duration, into: &report, &decoder)
        } else if report.requests > 0 {
            decoder.fail(
                "missing-key",
                "http_reqs counts \(report.requests) requests but there is no http_req_duration; k6 writes both "
                    + "for every HTTP request, so the summary is incomplete", at: "metrics.http_req_duration",
                metricsNode.position)
        }
        if let failed { report.errorRate = errorRate(failed, &decoder) }
        if requests == nil, let browser = metrics[.browserDuration] {
            K6BrowserMetrics.warn(at: browser.position, &decoder)
        }
        if let state = fields[.state], case .object(let members) = state.value,
            let node = members.first(where: { $0.key == Key.testRunDurationMs.rawValue })?.node,
            let ms = decoder.decimal(node, at: "state.testRunDurationMs"), ms >= 0
        {
            report.durationSeconds = ms / 1000
        }
        return report
    }

    /// `http_req_duration`'s percentiles: each present one finite and non-negative, and in order.
    private static func readPercentiles(
        _ stats: K6Stats, into report: inout LatencyReport, _ decoder: inout JSONNodeDecoder
    ) {
        var read: [(Key, Decimal)] = []
        for (key, metric) in trendStats {
            guard let node = stats.fields[key] else { continue }
            let path = "metrics.http_req_duration.\(stats.prefix)\(key.rawValue)"
            guard let value = decoder.decimal(node, at: path) else { continue }
            guard value >= 0 else {
                decoder.fail(
                    "value", "\(key.rawValue) is a latency, never negative, found \(value)", at: path, node.position)
                continue
            }
            read.append((key, value))
            switch metric {
            case .p50: report.p50Ms = value
            case .p90: report.p90Ms = value
            case .p95: report.p95Ms = value
            case .p99: report.p99Ms = value
            case .errorRate, .requests: break
            }
        }
        if zip(read, read.dropFirst()).contains(where: { $0.1 > $1.1 }) {
            let listed = read.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", ")
            decoder.fail(
                "value",
                "http_req_duration's percentiles are out of order (\(listed)); k6 computes them from one sorted "
                    + "sample, so the summary was altered", at: "metrics.http_req_duration", stats.position)
        }
    }

    /// `http_req_failed`'s rate from its counts (`passes` are the failed requests), checked against the stated one.
    private static func errorRate(_ stats: K6Stats, _ decoder: inout JSONNodeDecoder) -> Decimal? {
        let path = "metrics.http_req_failed.\(stats.prefix)"
        func count(_ key: Key) -> Int? {
            guard let node = stats.fields[key] else {
                decoder.fail(
                    "missing-key", "http_req_failed has no \"\(key.rawValue)\"", at: path + key.rawValue, stats.position
                )
                return nil
            }
            return decoder.integer(node, at: path + key.rawValue)
        }
        guard let passes = count(.passes), let fails = count(.fails) else { return nil }
        let total = passes + fails
        let rate = total == 0 ? Decimal(0) : Decimal(passes) / Decimal(total)
        let statedKey: Key = stats.fields[.rate] != nil ? .rate : .value
        if let node = stats.fields[statedKey], let stated = decoder.decimal(node, at: path + statedKey.rawValue) {
            // k6 states the rate as a float64; a difference beyond its rounding means the counts were altered.
            let difference = stated > rate ? stated - rate : rate - stated
            if difference > Decimal(string: "0.000000001") ?? 0 {
                decoder.fail(
                    "value",
                    "http_req_failed states the rate \(stated) but its counts give \(passes) failed of \(total) "
                        + "(\(rate)); k6 writes both from the same requests, so the summary was altered",
                    at: path + statedKey.rawValue, node.position)
                return nil
            }
        }
        return rate
    }
}
