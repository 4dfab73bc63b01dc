@_spi(Internals) import GateCheck
import Testing

/// Accuracy, image, cost and latency reports are recognised by their content too.
struct MetricDetectionTests {
    static let cases: [(text: String, expected: Detection)] = [
        (
            #"{"schema": "gatecheck.accuracy/v1", "dataset": {"name": "qa", "size": 1}, "metrics": {"#,
            .report(.accuracy)
        ),
        (#"{"testRunData": {"testFile": "test_rag.py", "testCases": []}, "testRunLink": null}"#, .report(.accuracy)),
        (
            #"{"testFile": "test_rag.py", "testCases": [], "conversationalTestCases": [], "metricsScores": []}"#,
            .report(.accuracy)
        ),
        (#"{"testCases": [], "runDuration": 1.5}"#, .report(.accuracy)),
        (
            #"{"Containers":"N/A","ID":"1ee5934abde9","Repository":"ragservice","Size":"612MB","Tag":"1.4.0"}"# + "\n{",
            .report(.image)
        ),
        (
            "[\n    {\n        \"Id\": \"\",\n        \"RepoTags\": null,\n        \"Config\": null,\n        \"Size\": 0",
            .report(.image)
        ),
        (#"{"total_cost": 1.23, "openai": {"input_tokens": 1, "output_tokens": 1, "cost": 1.2}}"#, .report(.llmCost)),
        (#"{"schema": "gatecheck.llm-cost/v1", "currency": "USD"}"#, .report(.llmCost)),
        (#"{"schema": "gatecheck.latency/v1", "p50_ms": 1}"#, .report(.latency)),
        (#"{"testCases": [{"name": "x"}]}"#, .unknown("JSON of no known report kind (top-level keys: \"testCases\")")),
        (
            #"{"Repository": "r", "Tag": "t", "Size": 5}"#,
            .unknown("JSON of no known report kind (top-level keys: \"Repository\", \"Tag\", \"Size\")")
        ),
    ]

    @Test("content decides the kind", arguments: cases.indices)
    func detect(_ index: Int) {
        let (text, expected) = Self.cases[index]
        #expect(ReportDetector.detect(prefix: Array(text.utf8), isWholeFile: false) == expected, "\(text)")
    }
}
