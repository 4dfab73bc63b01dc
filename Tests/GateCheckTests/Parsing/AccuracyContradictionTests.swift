import Foundation
@_spi(Internals) import GateCheck
import Testing

/// Figures of one accuracy report that state the same thing twice and disagree: each pair is judged by the worse
/// figure or makes the metric unjudgeable (exit 2), never judged by the better one (docs/accuracy-report.md).
struct AccuracyContradictionTests {
    /// The status of one gate on `metric` over a report read from `text`.
    static func status(
        _ text: String, _ metric: String = "retrieval", min: String? = nil, max: String? = nil, required: Bool = true
    ) throws -> GateResult.Status {
        let report = try MetricReports.read(.accuracy, text)
        let verdict = Build.evaluate(
            [report], [Build.gate("g", .accuracy(metric), min: min, max: max, required: required)])
        return verdict.gates[0].status
    }

    static func samples(_ scores: [String], metric: String = "retrieval") -> String {
        "["
            + scores.enumerated().map { #"{"id": "q\#($0.offset)", "scores": {"\#(metric)": \#($0.element)}}"# }
            .joined(separator: ", ") + "]"
    }

    @Test("the issue's report: 0.42 stated over 100 samples, one sample listed scoring 1, cannot be judged")
    func statedCountAgainstList() throws {
        let text = MetricReports.accuracyText(
            metrics: #"{"retrieval": {"value": 0.42, "samples": 100, "unscored": 0}}"#, samples: Self.samples(["1"]),
            size: 100)
        let (report, diagnostics) = try MetricReports.accuracy(text)
        let retrieval = try #require(report.metrics["retrieval"])
        #expect(retrieval.value == nil)
        #expect(retrieval.problem?.contains("states 100 samples") == true)
        #expect(diagnostics.contains { $0.code == "accuracy.count-mismatch" && $0.keyPath == "metrics.retrieval" })
        for bound in ["0", "0.4", "0.9"] { #expect(try Self.status(text, min: bound) == .error) }
    }

    @Test(
        "a stated unscored count or sample count that disagrees with the list makes the metric unjudgeable",
        arguments: [
            (#"{"value": 1, "samples": 2, "unscored": 0}"#, [#"1"#, "null"]),
            (#"{"value": 1, "samples": 2, "unscored": 1}"#, ["1", "1"]),
            (#"{"value": 1, "samples": 3, "unscored": 1}"#, ["1", "null"]),
            (#"{"value": 1, "samples": 1, "unscored": 0}"#, ["1", "1"]),
        ])
    func countPairs(_ metric: String, _ scores: [String]) throws {
        let text = MetricReports.accuracyText(
            metrics: #"{"retrieval": \#(metric)}"#, samples: Self.samples(scores), size: 4)
        #expect(try MetricReports.accuracy(text).0.metrics["retrieval"]?.value == nil)
        #expect(try Self.status(text, min: "0.5") == .error)
        #expect(try Self.status(text, max: "0.5") == .error)
    }

    @Test(
        "a stated value that disagrees with the samples' mean is judged by the worse of the two, for min and max gates",
        arguments: [
            // (stated, scores, bound, status, the figure gated): the better figure would pass the first four.
            ("0.5", ["1", "1"], "min", GateResult.Status.fail, "0.5"),
            ("0.99", ["0.5", "0.5"], "min", .fail, "0.5"),
            ("0.05", ["0.5", "0.5"], "max", .fail, "0.5"),
            ("0.5", ["0.05", "0.05"], "max", .fail, "0.5"),
            // Both figures on the passing side: a pass, on the worse.
            ("0.95", ["1", "1"], "min", .pass, "0.95"),
        ])
    func valuePair(
        _ stated: String, _ scores: [String], _ side: String, _ expected: GateResult.Status, _ gated: String
    ) throws {
        let text = MetricReports.accuracyText(
            metrics: #"{"retrieval": {"value": \#(stated), "samples": 2, "unscored": 0}}"#,
            samples: Self.samples(scores), size: 2)
        let (report, diagnostics) = try MetricReports.accuracy(text)
        #expect(report.metrics["retrieval"]?.statedValue == Decimal(string: stated))
        #expect(diagnostics.contains { $0.code == "accuracy.value-mismatch" })
        let gate =
            side == "min"
            ? Build.gate("g", .accuracy("retrieval"), min: "0.9") : Build.gate("g", .accuracy("retrieval"), max: "0.1")
        let verdict = Build.evaluate([try MetricReports.read(.accuracy, text)], [gate])
        #expect(verdict.gates[0].status == expected)
        #expect(verdict.gates[0].actual == .decimal(Decimal(string: gated) ?? 0))
    }

    @Test("a metric over more samples than the dataset holds cannot be judged; over fewer it is a warning")
    func datasetSizePair() throws {
        let over = MetricReports.accuracyText(
            metrics: #"{"retrieval": {"value": 1, "samples": 5, "unscored": 0}}"#, size: 4)
        #expect(
            try MetricReports.accuracy(over).0.metrics["retrieval"]?.problem?.contains("dataset has only 4") == true)
        #expect(try Self.status(over, min: "0.5") == .error)
        let listed = MetricReports.accuracyText(
            metrics: #"{"retrieval": {"value": 1, "samples": 3, "unscored": 0}}"#,
            samples: Self.samples(["1", "1", "1"]), size: 2)
        #expect(try Self.status(listed, min: "0.5") == .error)
        let under = MetricReports.accuracyText(
            metrics: #"{"retrieval": {"value": 1, "samples": 3, "unscored": 0}}"#, size: 4)
        let (report, diagnostics) = try MetricReports.accuracy(under)
        #expect(report.metrics["retrieval"]?.value == 1)
        #expect(diagnostics.contains { $0.code == "accuracy.dataset-size" && $0.severity == .warning })
    }

    @Test("DeepEval: metricsScores counts that disagree with the test cases make the metric unjudgeable")
    func deepEvalCounts() throws {
        let text =
            #"{"testCases": [{"name": "t", "metricsData": [{"name": "Faithfulness", "score": 1.0}]}], "metricsScores": [{"metric": "Faithfulness", "scores": [1.0, 0.1], "errors": 0}]}"#
        let (report, _) = try MetricReports.accuracy(text)
        #expect(report.metrics["faithfulness"]?.value == nil)
        #expect(try Self.status(text, "faithfulness", min: "0.5") == .error)
    }

    @Test("DeepEval: a metric only metricsScores names is listed and cannot be judged, not left out")
    func deepEvalStatedOnly() throws {
        let text =
            #"{"testCases": [{"name": "a", "metricsData": [{"name": "Faithfulness", "score": 1.0}]}], "metricsScores": [{"metric": "Faithfulness", "scores": [1.0], "errors": 0}, {"metric": "Contextual Recall", "scores": [0.1, 0.2], "errors": 0}]}"#
        let (report, _) = try MetricReports.accuracy(text)
        let recall = try #require(report.metrics["contextual_recall"])
        #expect(recall.value == nil && recall.problem?.contains("metricsScores counts 2 scores") == true)
        #expect(try Self.status(text, "contextual_recall", min: "0.05", required: false) == .error)
    }

    @Test("a metric that no listed sample scores, in a report that lists samples, cannot be judged")
    func metricMissingFromList() throws {
        let text = MetricReports.accuracyText(
            metrics:
                #"{"retrieval": {"value": 1, "samples": 2, "unscored": 0}, "attribution": {"value": 0.99, "samples": 2, "unscored": 0}}"#,
            samples: Self.samples(["1", "1"]), size: 2)
        let (report, _) = try MetricReports.accuracy(text)
        #expect(report.metrics["retrieval"]?.value == 1)
        #expect(report.metrics["attribution"]?.value == nil)
        #expect(try Self.status(text, "attribution", min: "0.9") == .error)
    }

    @Test("DeepEval: a metricsScores mean that disagrees with the test cases is judged by the worse")
    func deepEvalMean() throws {
        let text =
            #"{"testCases": [{"name": "a", "metricsData": [{"name": "Faithfulness", "score": 1.0}]}, {"name": "b", "metricsData": [{"name": "Faithfulness", "score": 1.0}]}], "metricsScores": [{"metric": "Faithfulness", "scores": [0.2, 0.2], "errors": 0}]}"#
        let (report, diagnostics) = try MetricReports.accuracy(text)
        let metric = try #require(report.metrics["faithfulness"])
        #expect(metric.value == 1 && metric.statedValue == Decimal(string: "0.2"))
        #expect(diagnostics.contains { $0.code == "accuracy.value-mismatch" })
        #expect(try Self.status(text, "faithfulness", min: "0.9") == .fail)
        #expect(try Self.status(text, "faithfulness", max: "0.5") == .fail)
        let agreeing = text.replacingOccurrences(of: "[0.2, 0.2]", with: "[1.0, 1]")
        #expect(try MetricReports.accuracy(agreeing).0.metrics["faithfulness"]?.statedValue == nil)
        #expect(try Self.status(agreeing, "faithfulness", min: "0.9") == .pass)
    }

    @Test(
        "a score key repeated in one sample is refused, whether metrics comes first or last",
        arguments: [true, false])
    func repeatedScoreKey(_ metricsFirst: Bool) {
        let metrics = #""metrics": {"retrieval": {"value": 1, "samples": 1, "unscored": 0}}"#
        let samples = #""samples": [{"id": "q", "scores": {"retrieval": 0, "retrieval": 1}}]"#
        let text =
            #"{"schema": "gatecheck.accuracy/v1", "dataset": {"name": "qa", "size": 1}, "#
            + #""generated_at": "2026-11-26T10:00:00Z",\#n"#
            + (metricsFirst ? metrics + ", " + samples : samples + ", " + metrics) + "}"
        guard case .invalidValue(let message, let position, _)? = MetricReports.error(.accuracy, text) else {
            Issue.record("expected invalid-value")
            return
        }
        // A reader keeping the first and one keeping the last would judge this sample differently.
        #expect(message.contains("\"retrieval\" appears twice"))
        #expect(position?.line == 2)
    }
}
