import Foundation
@_spi(Internals) import GateCheck
import Testing

/// gatecheck's accuracy report and the DeepEval test run mapped onto it.
struct AccuracyReportTests {
    @Test("a complete report is read, with the value recomputed from the samples")
    func complete() throws {
        let text = MetricReports.accuracyText(
            metrics: #"{"retrieval": {"value": 0.75, "samples": 4, "unscored": 0}}"#,
            samples: #"[{"id": "q1", "scores": {"retrieval": 1}}, {"id": "q2", "scores": {"retrieval": 0}},"#
                + #" {"id": "q3", "scores": {"retrieval": 1}}, {"id": "q4", "scores": {"retrieval": 1}}]"#)
        let (report, diagnostics) = try MetricReports.accuracy(text)
        let retrieval = try #require(report.metrics["retrieval"])
        #expect(retrieval.value == Decimal(string: "0.75"))
        #expect(retrieval.samples == 4 && retrieval.unscored == 0)
        #expect(retrieval.lowestSamples.first == SampleScore(id: "q2", score: 0))
        #expect(retrieval.highestSamples.map(\.id) == ["q1", "q3", "q4", "q2"])
        #expect(report.dataset == "qa" && report.datasetSize == 4 && report.generatedAt == "2026-11-26T10:00:00Z")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }

    @Test("a bare NaN value is read with a diagnostic, and the metric cannot be judged")
    func nanValue() throws {
        let text = MetricReports.accuracyText(
            metrics:
                #"{"retrieval": {"value": 0.95, "samples": 4, "unscored": 0}, "attribution": {"value": NaN, "samples": 4, "unscored": 4}}"#
        )
        let (report, diagnostics) = try MetricReports.accuracy(text)
        #expect(report.metrics["retrieval"]?.value == Decimal(string: "0.95"))
        let attribution = try #require(report.metrics["attribution"])
        #expect(attribution.value == nil && attribution.problem == "the value is NaN")
        let nan = try #require(diagnostics.first { $0.code == "accuracy.nan" })
        #expect(nan.severity == .warning && nan.line == 2 && nan.keyPath == "metrics.attribution.value")
        #expect(nan.message.contains("json.dumps"))
    }

    @Test(
        "null, missing, out-of-range, zero-sample and all-unscored values cannot be judged",
        arguments: [
            (#"{"value": null, "samples": 4, "unscored": 0}"#, "the value is null"),
            (#"{"samples": 4, "unscored": 0}"#, "the report gives no value"),
            (
                #"{"value": 1.2, "samples": 4, "unscored": 0}"#,
                "the value 1.2 is outside [0, 1] (a percentage? write 0.012)"
            ),
            (
                #"{"value": 93, "samples": 4, "unscored": 0}"#,
                "the value 93 is outside [0, 1] (a percentage? write 0.93)"
            ),
            (#"{"value": -0.1, "samples": 4, "unscored": 0}"#, "the value -0.1 is outside [0, 1]"),
            (#"{"value": Infinity, "samples": 4, "unscored": 0}"#, "the value is Infinity"),
            (#"{"value": 0.5, "samples": 0, "unscored": 0}"#, "it was computed on no samples"),
            (#"{"value": 0.5, "samples": 4, "unscored": 4}"#, "none of its 4 samples has a score"),
        ])
    func unjudgeable(_ metric: String, _ problem: String) throws {
        let (report, _) = try MetricReports.accuracy(MetricReports.accuracyText(metrics: #"{"retrieval": \#(metric)}"#))
        let retrieval = try #require(report.metrics["retrieval"])
        #expect(retrieval.value == nil)
        #expect(retrieval.problem == problem)
    }

    @Test("a stated NaN stays unjudgeable even when the samples could give a mean")
    func nanWithSamples() throws {
        let text = MetricReports.accuracyText(
            metrics: #"{"retrieval": {"value": NaN, "samples": 2, "unscored": 1}}"#,
            samples: #"[{"id": "a", "scores": {"retrieval": 1}}, {"id": "b", "scores": {"retrieval": NaN}}]"#, size: 2)
        let retrieval = try #require(try MetricReports.accuracy(text).0.metrics["retrieval"])
        #expect(retrieval.value == nil && retrieval.problem == "the value is NaN")
    }

    @Test("NaN and null sample scores count as unscored; a stated value that disagrees is kept beside the mean")
    func samplesCrossCheck() throws {
        let text = MetricReports.accuracyText(
            metrics: #"{"attribution": {"value": 0.9, "samples": 4, "unscored": 2}}"#,
            samples: #"[{"id": "a", "scores": {"attribution": 1}}, {"id": "b", "scores": {"attribution": 0.5}},"#
                + #" {"id": "c", "scores": {"attribution": NaN}}, {"id": "d", "scores": {"attribution": null}}]"#)
        let (report, diagnostics) = try MetricReports.accuracy(text)
        let attribution = try #require(report.metrics["attribution"])
        #expect(attribution.value == Decimal(string: "0.75"))
        #expect(attribution.samples == 4 && attribution.unscored == 2)
        let codes = Set(diagnostics.map(\.code))
        #expect(attribution.statedValue == Decimal(string: "0.9"))
        #expect(codes == ["accuracy.value-mismatch", "accuracy.unscored"])
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
    }

    @Test("a stated value that rounds the samples' mean agrees with it")
    func roundedValueAgrees() throws {
        let text = MetricReports.accuracyText(
            metrics: #"{"retrieval": {"value": 0.6667, "samples": 3, "unscored": 0}}"#,
            samples:
                #"[{"id": "a", "scores": {"retrieval": 1}}, {"id": "b", "scores": {"retrieval": 1}}, {"id": "c", "scores": {"retrieval": 0}}]"#,
            size: 3)
        let (report, diagnostics) = try MetricReports.accuracy(text)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(report.metrics["retrieval"]?.value == Decimal(2) / Decimal(3))
    }

    @Test("a sample score outside [0, 1] makes its metric unjudgeable")
    func sampleOutOfRange() throws {
        let text = MetricReports.accuracyText(
            metrics: #"{"retrieval": {"value": 0.9, "samples": 1, "unscored": 0}}"#,
            samples: #"[{"id": "q9", "scores": {"retrieval": 9}}]"#, size: 1)
        let retrieval = try #require(try MetricReports.accuracy(text).0.metrics["retrieval"])
        #expect(retrieval.value == nil && retrieval.problem == "sample q9 scores 9, outside [0, 1]")
    }

    @Test(
        "structural problems make the report unusable, naming the key path",
        arguments: [
            (
                #"{"schema": "gatecheck.accuracy/v2", "dataset": {"name": "x", "size": 1}, "generated_at": "t", "metrics": {"a": {"value": 1, "samples": 1, "unscored": 0}}}"#,
                "schema"
            ),
            (
                #"{"schema": "gatecheck.accuracy/v1", "generated_at": "t", "metrics": {"a": {"value": 1, "samples": 1, "unscored": 0}}}"#,
                "dataset"
            ),
            (
                #"{"schema": "gatecheck.accuracy/v1", "dataset": {"name": "x", "size": 1}, "generated_at": "t", "metrics": {}}"#,
                "metrics"
            ),
            (
                #"{"schema": "gatecheck.accuracy/v1", "dataset": {"name": "x", "size": 1}, "generated_at": "t", "metrics": {"Retrieval": {"value": 1, "samples": 1, "unscored": 0}}}"#,
                "metrics.Retrieval"
            ),
            (
                #"{"schema": "gatecheck.accuracy/v1", "dataset": {"name": "x", "size": 1}, "generated_at": "t", "metrics": {"a": {"value": "0.9", "samples": 1, "unscored": 0}}}"#,
                "metrics.a.value"
            ),
            (
                #"{"schema": "gatecheck.accuracy/v1", "dataset": {"name": "x", "size": 1}, "generated_at": "t", "metrics": {"a": {"value": 1, "samples": 1, "unscored": 2}}}"#,
                "metrics.a.unscored"
            ),
            (
                #"{"schema": "gatecheck.accuracy/v1", "dataset": {"name": "x", "size": 1}, "generated_at": "t", "metrics": {"a": {"value": 1, "samples": 1.5, "unscored": 0}}}"#,
                "metrics.a.samples"
            ),
        ])
    func structural(_ text: String, _ keyPath: String) {
        guard case .invalidValue(_, _, let path)? = MetricReports.error(.accuracy, text) else {
            Issue.record("expected an invalid value for \(keyPath)")
            return
        }
        #expect(path == keyPath)
    }

    @Test("unknown keys are warnings, not errors")
    func unknownKeys() throws {
        let text =
            #"{"schema": "gatecheck.accuracy/v1", "run_id": "r1", "dataset": {"name": "x", "size": 1}, "generated_at": "t", "metrics": {"a": {"value": 1, "samples": 1, "unscored": 0, "higher_is_better": true}}}"#
        let (report, diagnostics) = try MetricReports.accuracy(text)
        #expect(report.metrics["a"]?.value == 1)
        #expect(diagnostics.filter { $0.code == "accuracy.unknown-key" }.count == 2)
    }

    @Test("a truncated or malformed report is an error with its position, not a crash")
    func malformed() {
        #expect(
            MetricReports.error(.accuracy, #"{"schema": "gatecheck.accuracy/v1", "metrics": {"#)
                == .truncated(at: FilePosition(line: 1, column: 49)))
        guard case .malformed(_, let at)? = MetricReports.error(.accuracy, #"{"schema": nan}"#) else {
            Issue.record("lowercase nan is not Python's NaN and must be malformed")
            return
        }
        #expect(at?.line == 1)
        #expect(MetricReports.error(.accuracy, "") == .empty)
    }

    @Test("accuracy_mapping renames metrics; two metrics mapped to one name make it unjudgeable")
    func mapping() throws {
        let text = MetricReports.accuracyText(
            metrics:
                #"{"hit_rate": {"value": 0.95, "samples": 4, "unscored": 0}, "faithfulness": {"value": 0.97, "samples": 4, "unscored": 0}, "groundedness": {"value": 0.9, "samples": 4, "unscored": 0}}"#
        )
        let (mapped, _) = try MetricReports.accuracy(
            text, mapping: ["hit_rate": "retrieval", "Faithfulness": "attribution"])
        #expect(mapped.metrics["retrieval"]?.value == Decimal(string: "0.95"))
        #expect(mapped.metrics["retrieval"]?.sourceName == "hit_rate")
        #expect(mapped.metrics["attribution"]?.value == Decimal(string: "0.97"))
        let (clash, _) = try MetricReports.accuracy(
            text, mapping: ["faithfulness": "attribution", "groundedness": "attribution"])
        #expect(clash.metrics["attribution"]?.value == nil)
        #expect(clash.metrics["attribution"]?.problem?.contains("both \"faithfulness\" and \"groundedness\"") == true)
    }

    static let deepEval = """
        {"testRunData": {"testFile": "test_rag.py", "datasetAlias": "support-qa",
          "testCases": [
            {"name": "test_case_0", "input": "How do I reset my password?", "actualOutput": "Open the account page.",
             "retrievalContext": ["Open the account page and choose Reset password."], "success": true,
             "metricsData": [
               {"name": "Contextual Recall", "threshold": 0.7, "success": true, "score": 1.0, "strictMode": false},
               {"name": "Faithfulness", "threshold": 0.7, "success": true, "score": 0.9, "strictMode": false}]},
            {"name": "test_case_1", "input": "Refunds?", "actualOutput": "No.", "success": false,
             "metricsData": [
               {"name": "Contextual Recall", "threshold": 0.7, "success": false, "score": 0.5, "strictMode": false},
               {"name": "Faithfulness", "threshold": 0.7, "success": false, "error": "rate limited", "strictMode": false}]}],
          "conversationalTestCases": [],
          "metricsScores": [
            {"metric": "Contextual Recall", "scores": [1.0, 0.5], "passes": 1, "fails": 1, "errors": 0},
            {"metric": "Faithfulness", "scores": [0.9], "passes": 1, "fails": 0, "errors": 1}],
          "testPassed": 1, "testFailed": 1, "runDuration": 3.2, "evaluationCost": 0.0021},
         "testRunLink": null}
        """

    @Test("a DeepEval test run is recomputed from its test cases and mapped by accuracy_mapping")
    func deepEvalRun() throws {
        let (report, diagnostics) = try MetricReports.accuracy(
            Self.deepEval, mapping: ["Contextual Recall": "retrieval", "faithfulness": "attribution"])
        #expect(report.format == "DeepEval test run" && report.dataset == "support-qa")
        let retrieval = try #require(report.metrics["retrieval"])
        #expect(retrieval.value == Decimal(string: "0.75") && retrieval.samples == 2 && retrieval.unscored == 0)
        #expect(retrieval.lowestSamples.first == SampleScore(id: "test_case_1", score: Decimal(string: "0.5") ?? 0))
        let attribution = try #require(report.metrics["attribution"])
        #expect(attribution.value == Decimal(string: "0.9") && attribution.samples == 2 && attribution.unscored == 1)
        #expect(diagnostics.map(\.code) == ["accuracy.unscored"], "\(diagnostics)")
    }

    @Test("an unmapped DeepEval metric keeps its normalised name; the saved-run shape (no wrapper) is read too")
    func deepEvalUnmapped() throws {
        let text =
            #"{"testCases": [{"name": "t", "metricsData": [{"name": "Answer Relevancy", "score": 0.8, "threshold": 0.5, "success": true}]}], "metricsScores": [], "runDuration": 1.0}"#
        let (report, _) = try MetricReports.accuracy(text)
        #expect(report.metrics["answer_relevancy"]?.value == Decimal(string: "0.8"))
    }

    @Test("a DeepEval run whose metricsScores disagree with its test cases is warned about")
    func deepEvalMismatch() throws {
        let text =
            #"{"testCases": [{"name": "t", "metricsData": [{"name": "Faithfulness", "score": 0.8, "success": true}]}], "metricsScores": [{"metric": "Faithfulness", "scores": [0.8, 0.1], "errors": 0}]}"#
        let (_, diagnostics) = try MetricReports.accuracy(text)
        #expect(diagnostics.contains { $0.code == "accuracy.count-mismatch" })
    }

    @Test("a DeepEval run without any metric result cannot be judged")
    func deepEvalEmpty() {
        guard
            case .invalidValue(let message, _, _)? = MetricReports.error(
                .accuracy, #"{"testCases": [], "metricsScores": []}"#)
        else {
            Issue.record("expected an error")
            return
        }
        #expect(message.contains("no metric results"))
    }

    @Test("reading is the same at every chunk size", arguments: [1, 2, 7, 4096])
    func chunks(_ size: Int) throws {
        let whole = try MetricReports.read(.accuracy, Self.deepEval)
        #expect(try MetricReports.read(.accuracy, Self.deepEval, chunkSize: size) == whole)
    }
}
