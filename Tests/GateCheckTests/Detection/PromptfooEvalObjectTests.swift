import Foundation
@_spi(Internals) import GateCheck
import Testing

/// promptfoo's `Eval` object written by its Node API (`JSON.stringify(await promptfoo.evaluate(...))`) holds a run's
/// failures but not its rows: an error naming the results file to write, never an ignored file (Fixtures/promptfoo,
/// trimmed from promptfoo's own example; see its NOTICE.md).
struct PromptfooEvalObjectTests {
    @Test("promptfoo's Eval object is a wrong-kind error that names the results file, not an ignored JSON")
    func evalObjectIsAnError() throws {
        let bytes = try Fixtures.bytes("promptfoo/node-api-eval-object.json")
        // The premise: it records failing tests that an ignored file would hide.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let prompts = try #require(object["prompts"] as? [[String: Any]])
        let failed = prompts.compactMap { ($0["metrics"] as? [String: Any])?["testFailCount"] as? Int }.reduce(0, +)
        #expect(failed == 2)
        for detection in [
            DetectionBeyondWindowTests.detectLikeLoader(bytes), ReportDetector.detect(prefix: bytes, isWholeFile: true),
        ] {
            guard case .unreadable(.wrongKind(let kind, let found)) = detection else {
                Issue.record("\(detection)")
                continue
            }
            #expect(kind == .promptfoo)
            #expect(found.contains("promptfoo eval -o results.json"))
        }
    }

    @Test("other JSON with a results array stays ignored; the results file is still promptfoo")
    func lookalikes() throws {
        let other = ReportDetector.detect(
            prefix: Array(#"{"id": "x", "config": {}, "results": [], "prompts": []}"#.utf8), isWholeFile: true)
        if case .unknown = other {} else { Issue.record("\(other)") }
        let results = try Fixtures.bytes("promptfoo/french-greeting-output.json")
        #expect(ReportDetector.detect(prefix: results, isWholeFile: true) == .report(.promptfoo))
    }
}
