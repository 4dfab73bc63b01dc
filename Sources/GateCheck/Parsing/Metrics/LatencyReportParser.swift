#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Reads gatecheck's latency report, `gatecheck.latency/v1` (`schemas/latency.schema.json`).
///
/// For example:
///
/// ```json
/// {"schema": "gatecheck.latency/v1", "target": "ragservice /answer", "p50_ms": 38.2, "p95_ms": 91.5,
///  "p99_ms": 140.0, "requests": 12000, "error_rate": 0.0025, "duration_seconds": 120, "concurrency": 16}
/// ```
///
/// Every number must be finite and non-negative, `error_rate` within [0, 1] and the percentiles in order
/// (p50 ≤ p95 ≤ p99); anything else makes the report unusable (exit 2), since its figures contradict each other.
enum LatencyReportParser {
    static let schemaID = "gatecheck.latency/v1"
    static let keys = [
        "$schema", "schema", "target", "generated_at", "p50_ms", "p95_ms", "p99_ms", "requests", "error_rate",
        "duration_seconds", "concurrency",
    ]

    /// What the decoder reads: the root's scalars; the rest is skipped as it streams.
    static let shape = JSONShape.fields(keys)

    static func parse(_ root: JSONNode) throws(ReportError) -> ParsedMetricReport {
        var decoder = JSONNodeDecoder(file: "", codePrefix: "latency")
        let report = decode(root, &decoder)
        let diagnostics = try decoder.reportDiagnostics()
        guard let report else { throw .invalidValue("the latency report cannot be read", at: nil, keyPath: nil) }
        return ParsedMetricReport(content: .latency(report), diagnostics: diagnostics)
    }

    // MARK: - Private

    private static func decode(_ root: JSONNode, _ decoder: inout JSONNodeDecoder) -> LatencyReport? {
        guard let fields = decoder.object(root, at: "", keys: keys) else { return nil }
        decoder.requireSchema(schemaID, in: fields, root)
        func number(_ key: String, required: Bool = true) -> Decimal? {
            let node = required ? decoder.required(fields, key, in: "", root.position) : fields[key]
            guard let node, let value = decoder.decimal(node, at: key) else { return nil }
            guard value >= 0 else {
                decoder.fail("value", "\(key) is never negative, found \(value)", at: key, node.position)
                return nil
            }
            return value
        }
        let target = fields["target"].flatMap { decoder.string($0, at: "target") }
        if let node = fields["generated_at"] { _ = decoder.string(node, at: "generated_at") }
        let (p50, p95, p99) = (number("p50_ms"), number("p95_ms"), number("p99_ms", required: false))
        let requests = decoder.required(fields, "requests", in: "", root.position).flatMap {
            decoder.integer($0, at: "requests")
        }
        let errorRate = number("error_rate")
        if let errorRate, errorRate > 1, let node = fields["error_rate"] {
            decoder.fail(
                "value", "error_rate is a fraction between 0 and 1, found \(errorRate)", at: "error_rate", node.position
            )
        }
        let duration = number("duration_seconds", required: false)
        let concurrency = fields["concurrency"].flatMap { decoder.integer($0, at: "concurrency", range: 1...Int.max) }
        let ordered = [p50, p95, p99].compactMap { $0 }
        if ordered.count >= 2, zip(ordered, ordered.dropFirst()).contains(where: { $0 > $1 }) {
            decoder.fail(
                "value",
                "the percentiles are out of order (p50 \(p50.map { "\($0)" } ?? "-"), p95 \(p95.map { "\($0)" } ?? "-"), "
                    + "p99 \(p99.map { "\($0)" } ?? "-")); a p50 above the p95 means the report is wrong", at: "",
                root.position)
        }
        guard let p50, let p95, let requests, let errorRate else { return nil }
        return LatencyReport(
            target: target, p50Ms: p50, p95Ms: p95, p99Ms: p99, requests: requests, errorRate: errorRate,
            durationSeconds: duration, concurrency: concurrency)
    }
}
