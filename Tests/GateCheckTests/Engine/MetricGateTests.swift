import Foundation
@_spi(Internals) import GateCheck
import Testing

/// Gates on accuracy, image size, LLM cost and latency: exact boundaries and how several reports combine.
struct MetricGateTests {
    @Test(
        "0.90 passes retrieval >= 0.90 and 0.8999 fails, compared exactly",
        arguments: [
            ("0.90", GateResult.Status.pass), ("0.9", .pass), ("0.900000000000000000001", .pass), ("0.8999", .fail),
            ("0.899999999999999999999", .fail),
        ])
    func accuracyBoundary(_ value: String, _ status: GateResult.Status) throws {
        let verdict = Build.evaluate(
            [MetricReports.accuracy(value: value)], [Build.gate("retrieval", .accuracy("retrieval"), min: "0.90")])
        #expect(verdict.gates[0].status == status, "\(value)")
        #expect(verdict.gates[0].message.hasPrefix("accuracy.retrieval is \(Decimal(string: value) ?? 0),"))
    }

    @Test("the same boundaries hold read from a report file, through the default gates")
    func accuracyBoundaryFromFile() throws {
        for (value, status) in [("0.90", GateResult.Status.pass), ("0.8999", .fail)] {
            let text = MetricReports.accuracyText(
                metrics: #"{"retrieval": {"value": \#(value), "samples": 4, "unscored": 0}}"#)
            let report = try MetricReports.read(.accuracy, text)
            let verdict = GateEngine.evaluate(ReportSet(reports: [report]), configuration: .builtIn, today: Build.today)
            #expect(verdict.gates.first { $0.id == "retrieval-accuracy" }?.status == status)
            #expect(verdict.gates.first { $0.id == "attribution-accuracy" }?.status == .skipped)
        }
    }

    @Test(
        "524,288,000 bytes passes 500 MiB and 524,288,001 fails",
        arguments: [
            (Int64(524_288_000), GateResult.Status.pass), (524_288_001, .fail), (0, .pass),
        ])
    func imageBoundary(_ bytes: Int64, _ status: GateResult.Status) throws {
        let verdict = Build.evaluate([MetricReports.image([("app:1", bytes)])], [MetricReports.sizeGate("500 MiB")])
        #expect(verdict.gates[0].status == status)
        #expect(verdict.gates[0].actual == .integer(Int(bytes)))
    }

    @Test(
        "500 MB is 500,000,000 bytes and 500 MiB is 524,288,000: an image between them passes one and fails the other")
    func megabytesAreNotMebibytes() throws {
        let image = MetricReports.image([("app:1", 510_000_000)])
        let decimal = Build.evaluate([image], [MetricReports.sizeGate("500 MB")]).gates[0]
        let binary = Build.evaluate([image], [MetricReports.sizeGate("500 MiB")]).gates[0]
        #expect(decimal.status == .fail && binary.status == .pass)
        #expect(decimal.bound.threshold.value == 500_000_000 && binary.bound.threshold.value == 524_288_000)
        #expect(
            decimal.message
                == "image.size_bytes is 510000000 bytes (510 MB) for app:1, which does not meet <= 500 MB (500000000)")
        #expect(
            binary.message
                == "image.size_bytes is 510000000 bytes (≈486.4 MiB) for app:1, which meets <= 500 MiB (524288000)")
        let bytes = Build.evaluate([image], [MetricReports.sizeGate("524288000")]).gates[0]
        #expect(bytes.message == "image.size_bytes is 510000000 bytes for app:1, which meets <= 524288000")
    }

    @Test("a size just over the bound is never shown as the bound")
    func sizeDisplayNeverHidesAFailure() throws {
        let gate = Build.evaluate([MetricReports.image([("app:1", 524_288_001)])], [MetricReports.sizeGate("500 MiB")])
            .gates[0]
        #expect(gate.message.contains("524288001 bytes (≈500.000001 MiB)"))
    }

    @Test("an image report naming several images gates each one: the largest decides, every image is listed")
    func everyImage() throws {
        let report = MetricReports.image([("api:1", 300_000_000), ("worker:1", 612_143_580), ("web:1", 100)])
        let gate = Build.evaluate([report], [MetricReports.sizeGate("500 MiB")]).gates[0]
        #expect(gate.status == .fail && gate.actual == .integer(612_143_580))
        #expect(
            gate.details == [
                "worker:1: 612143580 bytes (≈583.8 MiB) fails", "api:1: 300000000 bytes (≈286.1 MiB) passes",
                "web:1: 100 bytes (≈0.0001 MiB) passes",
            ])
    }

    @Test("an image that cannot be judged makes the gate unjudgeable (exit 2)")
    func unjudgeableImage() throws {
        let report = LoadedReport(
            path: "i.json", kind: .image,
            content: .image(
                ImageReport(
                    source: .dockerInspect, images: [ImageSize(name: "image #1", bytes: 0, problem: "its Id is empty")])
            ))
        let verdict = Build.evaluate([report], [MetricReports.sizeGate("500 MiB")])
        #expect(verdict.gates[0].status == .error && verdict.exitCode == 2)
        #expect(verdict.gates[0].message == "cannot judge: image #1: its Id is empty")
    }

    @Test("a docker images size whose rounding straddles the bound cannot be judged; one clear of it can")
    func approximateSizes() throws {
        func gate(_ size: String) throws -> GateResult {
            let report = try MetricReports.read(.image, #"{"Repository":"app","Tag":"1","ID":"abc","Size":"\#(size)"}"#)
            return Build.evaluate([report], [MetricReports.sizeGate("500 MiB")]).gates[0]
        }
        #expect(try gate("524MB").status == .error)
        #expect(try gate("525MB").status == .fail)
        #expect(try gate("523MB").status == .pass)
        #expect(
            try gate("612MB").message
                == "image.size_bytes is 612000000 bytes (612MB as docker images shows it, ≈583.6 MiB) for app:1, which does not meet <= 500 MiB (524288000)"
        )
    }

    @Test("accuracy is gated per report: the worst report decides and each is listed")
    func accuracyPerReport() throws {
        let reports = [
            MetricReports.accuracy("a.json", "attribution", value: "0.97"),
            MetricReports.accuracy(
                "b.json", "attribution", value: "0.93",
                worst: [SampleScore(id: "q-7", score: 0), SampleScore(id: "q-9", score: 1)]),
        ]
        let gate = Build.evaluate(reports, [Build.gate("attribution", .accuracy("attribution"), min: "0.95")]).gates[0]
        #expect(gate.status == .fail && gate.actual == .decimal(Decimal(string: "0.93") ?? 0))
        #expect(gate.message == "accuracy.attribution is 0.93 in b.json, which does not meet >= 0.95")
        #expect(
            gate.details == [
                "b.json: 0.93 fails", "a.json: 0.97 passes", "b.json: samples scoring below 0.95: q-7 (0)",
            ])
    }

    @Test("a gate where lower is better names the samples scoring above its bound")
    func maxBoundNamesHighSamples() throws {
        let report = MetricReports.accuracy(
            "a.json", "hallucination", value: "0.2",
            worst: [SampleScore(id: "q-1", score: 0), SampleScore(id: "q-2", score: Decimal(string: "0.6") ?? 0)])
        let gate = Build.evaluate([report], [Build.gate("hallucination", .accuracy("hallucination"), max: "0.1")])
            .gates[0]
        #expect(gate.status == .fail)
        #expect(gate.details == ["samples scoring above 0.1: q-2 (0.6)"])
    }

    @Test("a NaN accuracy cannot be judged (exit 2), never a pass, even beside a passing report")
    func nanAccuracy() throws {
        let reports = [
            MetricReports.accuracy("a.json", value: "0.99"),
            MetricReports.accuracy("b.json", value: nil, problem: "the value is NaN"),
        ]
        let verdict = Build.evaluate(reports, [Build.gate("retrieval", .accuracy("retrieval"), min: "0.90")])
        #expect(verdict.gates[0].status == .error && verdict.exitCode == 2)
        #expect(verdict.gates[0].message == "cannot judge: accuracy.retrieval in b.json: the value is NaN")
    }

    @Test("a metric no accuracy report has is like an absent report: exit 2 when required, skipped when optional")
    func absentMetric() throws {
        let report = MetricReports.accuracy("a.json", "retrieval", value: "0.95")
        let required = Build.evaluate([report], [Build.gate("attr", .accuracy("attribution"), min: "0.95")])
        #expect(required.gates[0].status == .error && required.exitCode == 2)
        #expect(
            required.gates[0].message
                == "cannot judge: no report among the inputs has accuracy.attribution (a.json has retrieval), and this gate requires one"
        )
        let optional = Build.evaluate(
            [report],
            [
                Build.gate("attr", .accuracy("attribution"), min: "0.95", required: false),
                Build.gate("retrieval", .accuracy("retrieval"), min: "0.90"),
            ])
        #expect(optional.gates[0].status == .skipped && optional.exitCode == 0)
    }

    @Test("cost is summed over reports and compared exactly; tokens are summed")
    func costSum() throws {
        let a = try MetricReports.read(
            .llmCost, #"{"total_cost": 2.50, "openai": {"input_tokens": 10, "output_tokens": 1, "cost": 2.50}}"#,
            path: "a.json")
        let b = try MetricReports.read(
            .llmCost, #"{"total_cost": 2.51, "anthropic": {"input_tokens": 5, "output_tokens": 2, "cost": 2.51}}"#,
            path: "b.json")
        let gates = [
            Build.gate("cost", .llm(.costUSD), max: "5.00", level: .warn),
            Build.gate("in", .llm(.inputTokens), max: "15"),
        ]
        let verdict = Build.evaluate([a, b], gates)
        #expect(verdict.gates[0].status == .warn && verdict.gates[0].actual == .decimal(Decimal(string: "5.01") ?? 0))
        #expect(verdict.gates[0].message == "llm.cost_usd is 5.01 USD, which does not meet <= 5.00")
        #expect(verdict.gates[0].details.first == "b.json: anthropic: 2.51 USD (5 input, 2 output tokens)")
        #expect(verdict.gates[1].status == .pass && verdict.gates[1].actual == .integer(15))
        #expect(verdict.exitCode == 0)
        let exact = Build.evaluate([a], [Build.gate("cost", .llm(.costUSD), max: "2.5")])
        #expect(exact.gates[0].status == .pass)
    }

    @Test("latency is gated per load test; a missing p99 is like an absent report; no requests cannot be judged")
    func latency() throws {
        let fast = try MetricReports.read(
            .latency,
            #"{"schema": "gatecheck.latency/v1", "p50_ms": 30, "p95_ms": 80, "requests": 100, "error_rate": 0}"#,
            path: "fast.json")
        let slow = try MetricReports.read(
            .latency,
            #"{"schema": "gatecheck.latency/v1", "target": "search", "p50_ms": 60, "p95_ms": 500.5, "p99_ms": 900, "requests": 100, "error_rate": 0.01}"#,
            path: "slow.json")
        let idle = try MetricReports.read(
            .latency, #"{"schema": "gatecheck.latency/v1", "p50_ms": 0, "p95_ms": 0, "requests": 0, "error_rate": 0}"#,
            path: "idle.json")
        let p95 = Build.evaluate([fast, slow], [Build.gate("p95", .latency(.p95), max: "500")]).gates[0]
        #expect(
            p95.status == .fail
                && p95.message == "latency.p95_ms is 500.5 in search (slow.json), which does not meet <= 500")
        let p99 = Build.evaluate([fast], [Build.gate("p99", .latency(.p99), max: "1000", required: false)]).gates[0]
        #expect(p99.status == .skipped)
        let none = Build.evaluate([idle], [Build.gate("p95", .latency(.p95), max: "500")])
        #expect(none.gates[0].status == .error && none.exitCode == 2)
    }

    @Test("a Trivy report without an image size does not feed the image gate")
    func trivyWithoutImageSize() throws {
        let trivy = LoadedReport(path: "trivy.json", kind: .trivyJSON, content: .findings(FindingsReport()))
        let optional = Build.evaluate([trivy], [Build.gate("image", .image(.sizeBytes), max: "1", required: false)])
        #expect(optional.gates[0].status == .skipped)
        #expect(
            optional.gates[0].message
                == "skipped: no report among the inputs has image.size_bytes (trivy.json has no image size)")
    }

    @Test("the verdict lists each report's own metrics")
    func reportMetrics() throws {
        let verdict = Build.evaluate(
            [MetricReports.accuracy(value: "0.93"), MetricReports.image([("a", 5), ("b", 7)])],
            [Build.gate("r", .accuracy("retrieval"), min: "0.9")])
        let metrics = Dictionary(uniqueKeysWithValues: verdict.reports.map { ($0.path, $0.metrics) })
        #expect(metrics["accuracy.json"]?[.accuracy("retrieval")] == .decimal(Decimal(string: "0.93") ?? 0))
        #expect(metrics["image.json"]?[.image(.sizeBytes)] == .integer(7))
    }
}
