import Foundation
@_spi(Internals) import GateCheck
import Testing

/// The schemas of gatecheck's report formats describe what the readers accept: every example in docs/ and every
/// sample report is valid against its schema and reads without an error.
struct ReportSchemaTests {
    /// A JSON example: where it is, its text and the kind it is detected as.
    struct Example: Sendable, CustomTestStringConvertible {
        var place: String
        var text: String
        var kind: ReportKind
        var testDescription: String { place }
    }

    /// The schema of a kind, when gatecheck defines the format (DeepEval and docker output have none of ours).
    static func schema(for example: Example) -> String? {
        switch example.kind {
        case .accuracy: example.text.contains("\"gatecheck.accuracy/v1\"") ? "accuracy.schema.json" : nil
        case .llmCost: "llm-cost.schema.json"
        case .latency: "latency.schema.json"
        default: nil
        }
    }

    /// Every ```json block of docs/*.md that is an accuracy, image, cost or latency report, and the sample reports.
    static let examples: [Example] = {
        let kinds: Set<ReportKind> = [.accuracy, .image, .llmCost, .latency]
        var found: [Example] = []
        let docs = Fixtures.packageRoot.appendingPathComponent("docs")
        let pages = ((try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? []).filter {
            $0.hasSuffix(".md")
        }.sorted()
        for page in pages {
            guard let text = try? String(contentsOf: docs.appendingPathComponent(page), encoding: .utf8) else {
                continue
            }
            var block: [Substring]?
            var start = 0
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if block == nil, line.hasPrefix("```json") {
                    block = []
                    start = number + 1
                } else if let lines = block, line.hasPrefix("```") {
                    let example = lines.joined(separator: "\n")
                    if case .report(let kind) = ReportDetector.detect(prefix: Array(example.utf8), isWholeFile: true),
                        kinds.contains(kind)
                    {
                        found.append(Example(place: "docs/\(page):\(start)", text: example, kind: kind))
                    }
                    block = nil
                } else {
                    block?.append(line)
                }
            }
        }
        for set in ["passing", "failing"] {
            for (name, kind) in [
                ("accuracy-report.json", ReportKind.accuracy), ("llm-cost.json", .llmCost),
                ("image-inspect.json", .image),
            ] {
                let path = "sample-reports/\(set)/\(name)"
                if let bytes = try? Fixtures.projectFile(path) {
                    found.append(Example(place: path, text: String(decoding: bytes, as: UTF8.self), kind: kind))
                }
            }
        }
        return found
    }()

    @Test("every example is valid against its schema and reads without errors", arguments: examples)
    func example(_ example: Example) throws {
        if let schema = Self.schema(for: example) {
            let errors = try SchemaTests.validator(schema).validate(Array(example.text.utf8))
            #expect(errors.isEmpty, "\(example.place): \(errors)")
        }
        let report = try MetricReports.read(example.kind, example.text, path: example.place)
        #expect(!report.diagnostics.contains { $0.severity == .error }, "\(example.place): \(report.diagnostics)")
    }

    @Test("the docs show examples of every format: both cost shapes, DeepEval, both docker outputs")
    func coverage() {
        let docs = Self.examples.filter { $0.place.hasPrefix("docs/") }
        #expect(docs.contains { $0.kind == .accuracy && $0.text.contains("gatecheck.accuracy/v1") })
        #expect(
            docs.contains { $0.kind == .accuracy && ($0.text.contains("testRunData") || $0.text.contains("testCases")) }
        )
        #expect(docs.contains { $0.kind == .llmCost && $0.text.contains("gatecheck.llm-cost/v1") })
        #expect(docs.contains { $0.kind == .llmCost && $0.text.contains("total_cost") })
        #expect(docs.contains { $0.kind == .latency })
        #expect(docs.contains { $0.kind == .image && $0.text.hasPrefix("[") })
        #expect(docs.contains { $0.kind == .image && $0.text.hasPrefix("{") })
    }

    static let accuracy =
        #"{"schema": "gatecheck.accuracy/v1", "dataset": {"name": "x", "size": 1}, "generated_at": "2026-11-26T10:00:00Z", "metrics": METRICS}"#

    @Test(
        "the accuracy schema rejects what gatecheck cannot judge or read",
        arguments: [
            #"{"retrieval": {"value": 1.2, "samples": 1, "unscored": 0}}"#,
            #"{"retrieval": {"value": null, "samples": 1, "unscored": 0}}"#,
            #"{"retrieval": {"samples": 1, "unscored": 0}}"#,
            #"{"Retrieval": {"value": 1, "samples": 1, "unscored": 0}}"#,
            #"{"retrieval": {"value": 1, "samples": 1.5, "unscored": 0}}"#,
            #"{}"#,
        ])
    func accuracySchemaRejects(_ metrics: String) throws {
        let text = Self.accuracy.replacingOccurrences(of: "METRICS", with: metrics)
        #expect(!(try SchemaTests.validator("accuracy.schema.json").validate(Array(text.utf8))).isEmpty, "\(metrics)")
    }

    @Test(
        "the cost and latency schemas reject impossible reports",
        arguments: [
            ("llm-cost.schema.json", #"{"total_cost": -1}"#),
            ("llm-cost.schema.json", #"{"total_cost": 1, "currency": "EUR"}"#),
            ("llm-cost.schema.json", #"{"total_cost": 1, "a": {"input_tokens": 1, "cost": "1"}}"#),
            ("llm-cost.schema.json", #"{"schema": "gatecheck.llm-cost/v1", "currency": "USD", "total_usd": 1}"#),
            (
                "latency.schema.json",
                #"{"schema": "gatecheck.latency/v1", "p50_ms": 1, "p95_ms": 2, "requests": 1, "error_rate": 1.5}"#
            ),
            (
                "latency.schema.json",
                #"{"schema": "gatecheck.latency/v1", "p50_ms": 1, "requests": 1, "error_rate": 0}"#
            ),
        ])
    func otherSchemasReject(_ schema: String, _ text: String) throws {
        #expect(!(try SchemaTests.validator(schema).validate(Array(text.utf8))).isEmpty, "\(text)")
        #expect(MetricReports.error(schema.hasPrefix("llm") ? .llmCost : .latency, text) != nil, "\(text)")
    }
}
