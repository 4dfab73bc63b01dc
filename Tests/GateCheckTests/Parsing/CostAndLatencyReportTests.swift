import Foundation
@_spi(Internals) import GateCheck
import Testing

/// LLM cost reports (gatecheck's and the cost script's) and latency reports.
struct CostAndLatencyReportTests {
    @Test("the pipeline cost script's shape is accepted as is, embeddings tokens counted as input")
    func costScript() throws {
        let (report, diagnostics) = try MetricReports.cost(
            #"{"total_cost": 1.23, "openai": {"input_tokens": 120000, "output_tokens": 9000, "cost": 1.2}, "embeddings": {"tokens": 300000, "cost": 0.03}}"#
        )
        #expect(report.format == "cost script" && report.costUSD == Decimal(string: "1.23"))
        #expect(report.inputTokens == 420_000 && report.outputTokens == 9_000)
        #expect(report.parts.map(\.name) == ["openai", "embeddings"])
        #expect(diagnostics.isEmpty)
    }

    @Test("embeddings without a cost (absent or null) are taken to be inside the total")
    func unpricedPart() throws {
        for embeddings in [#"{"tokens": 300000}"#, #"{"tokens": 300000, "cost": null}"#] {
            let (report, diagnostics) = try MetricReports.cost(
                #"{"total_cost": 1.23, "openai": {"input_tokens": 1, "output_tokens": 1, "cost": 1.2}, "embeddings": \#(embeddings)}"#
            )
            #expect(report.costUSD == Decimal(string: "1.23") && diagnostics.isEmpty)
            #expect(report.parts.last?.costUSD == nil)
        }
    }

    @Test(
        "a total that disagrees with its parts is a warning, and the larger is gated",
        arguments: [
            (#"{"total_cost": 1.00, "a": {"input_tokens": 1, "output_tokens": 1, "cost": 1.5}}"#, "1.5"),
            (#"{"total_cost": 2.00, "a": {"input_tokens": 1, "output_tokens": 1, "cost": 1.5}}"#, "2"),
            (
                #"{"total_cost": 1.00, "a": {"input_tokens": 1, "output_tokens": 1, "cost": 1.5}, "embeddings": {"tokens": 5}}"#,
                "1.5"
            ),
        ])
    func disagreement(_ text: String, _ gated: String) throws {
        let (report, diagnostics) = try MetricReports.cost(text)
        #expect(report.costUSD == Decimal(string: gated))
        #expect(diagnostics.map(\.code) == ["llm-cost.total-mismatch"])
    }

    @Test("floating-point noise below a millionth of a dollar is not a disagreement")
    func floatNoise() throws {
        let (report, diagnostics) = try MetricReports.cost(
            #"{"total_cost": 0.30000000000000004, "a": {"input_tokens": 1, "output_tokens": 1, "cost": 0.1}, "b": {"input_tokens": 1, "output_tokens": 1, "cost": 0.2}}"#
        )
        #expect(report.costUSD == Decimal(string: "0.30000000000000004") && diagnostics.isEmpty)
    }

    @Test("without a total, the parts are summed; an unpriced part then leaves the spend unknown")
    func noTotal() throws {
        #expect(
            try MetricReports.cost(
                #"{"a": {"input_tokens": 1, "output_tokens": 2, "cost": 0.25}, "b": {"input_tokens": 1, "output_tokens": 2, "cost": 0.5}}"#
            ).0.costUSD == Decimal(string: "0.75"))
        let (unknown, _) = try MetricReports.cost(
            #"{"a": {"input_tokens": 1, "output_tokens": 2, "cost": 0.25}, "embeddings": {"tokens": 9}}"#)
        #expect(unknown.costUSD == nil && unknown.problem == "there is no total_cost and embeddings has no cost")
    }

    @Test("gatecheck's own cost format")
    func ownFormat() throws {
        let (report, diagnostics) = try MetricReports.cost(
            #"{"schema": "gatecheck.llm-cost/v1", "currency": "USD", "total_usd": 3.75, "by_model": {"gpt-4o-mini": {"input_tokens": 1000000, "output_tokens": 200000, "cached_input_tokens": 400000, "cost_usd": 0.27}, "gpt-4o": {"input_tokens": 800000, "output_tokens": 100000, "cost_usd": 3.48}}}"#
        )
        #expect(report.format == "gatecheck.llm-cost/v1" && report.costUSD == Decimal(string: "3.75"))
        #expect(report.parts.first?.cachedInputTokens == 400_000 && report.inputTokens == 1_800_000)
        #expect(diagnostics.isEmpty)
    }

    @Test(
        "impossible cost reports are errors (exit 2)",
        arguments: [
            #"{"total_cost": NaN}"#,
            #"{"total_cost": -1}"#,
            #"{"total_cost": 1, "a": {"input_tokens": -5, "output_tokens": 1, "cost": 1}}"#,
            #"{"total_cost": 1, "a": {"tokens": 5, "input_tokens": 5, "cost": 1}}"#,
            #"{"total_cost": 1, "currency": "EUR"}"#,
            #"{"schema": "gatecheck.llm-cost/v1", "currency": "USD", "total_usd": 1, "by_model": {"m": {"input_tokens": 1, "cost_usd": 1}}}"#,
            #"{"schema": "gatecheck.llm-cost/v1", "currency": "USD", "total_usd": 1, "by_model": {"m": {"input_tokens": 1, "output_tokens": 1, "cached_input_tokens": 2, "cost_usd": 1}}}"#,
            #"{"note": "nothing here"}"#,
        ])
    func impossibleCost(_ text: String) {
        #expect(MetricReports.error(.llmCost, text) != nil, "\(text)")
    }

    @Test("the size and depth limits of gates.json apply to these reports too")
    func limits() {
        let text = #"{"total_cost": 1.23, "openai": {"input_tokens": 1, "output_tokens": 1, "cost": 1.23}}"#
        for (limits, expected) in [
            (ParseLimits(maxReportBytes: 16, maxDepth: 64), ReportError.tooLarge(limit: 16)),
            (
                ParseLimits(maxReportBytes: 1 << 20, maxDepth: 1),
                .tooDeep(limit: 1, at: FilePosition(line: 1, column: 32))
            ),
        ] {
            var source = BytesSource(text)
            do {
                _ = try ReportReader.read(
                    .llmCost, from: &source, path: "c.json", options: ReadOptions(limits: limits, today: Build.today))
                Issue.record("read despite \(limits)")
            } catch {
                #expect(error == expected)
            }
        }
    }

    @Test("a latency report is read exactly")
    func latency() throws {
        let report = try MetricReports.latency(
            #"{"schema": "gatecheck.latency/v1", "target": "api", "p50_ms": 38.2, "p95_ms": 91.5, "p99_ms": 140, "requests": 12000, "error_rate": 0.0025, "duration_seconds": 120, "concurrency": 16}"#
        )
        #expect(report.p95Ms == Decimal(string: "91.5") && report.p99Ms == 140 && report.requests == 12_000)
        #expect(report.errorRate == Decimal(string: "0.0025") && report.concurrency == 16 && report.target == "api")
    }

    @Test(
        "NaN, out-of-range and contradictory latency figures are errors (exit 2)",
        arguments: [
            #"{"schema": "gatecheck.latency/v1", "p50_ms": NaN, "p95_ms": 9, "requests": 1, "error_rate": 0}"#,
            #"{"schema": "gatecheck.latency/v1", "p50_ms": 1, "p95_ms": 9, "requests": 1, "error_rate": 1.5}"#,
            #"{"schema": "gatecheck.latency/v1", "p50_ms": 10, "p95_ms": 9, "requests": 1, "error_rate": 0}"#,
            #"{"schema": "gatecheck.latency/v1", "p50_ms": -1, "p95_ms": 9, "requests": 1, "error_rate": 0}"#,
            #"{"schema": "gatecheck.latency/v1", "p50_ms": 1, "p95_ms": 9, "error_rate": 0}"#,
            #"{"schema": "gatecheck.latency/v2", "p50_ms": 1, "p95_ms": 9, "requests": 1, "error_rate": 0}"#,
        ])
    func impossibleLatency(_ text: String) {
        #expect(MetricReports.error(.latency, text) != nil, "\(text)")
    }
}
