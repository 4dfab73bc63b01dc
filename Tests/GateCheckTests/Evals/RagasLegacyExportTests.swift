import Foundation
@_spi(Internals) import GateCheck
import Testing

/// ragas 0.1 result exports (`question`, `contexts`, `answer`, `ground_truth` instead of ragas 0.2's `user_input`,
/// `retrieved_contexts`, `response`, `reference`): detected by their whole header and read like ragas 0.2's, never
/// ignored (they were, and a default accuracy gate beside them was skipped).
struct RagasLegacyExportTests {
    /// A ragas 0.1 export's shape, written for gatecheck (the real files found carry no licence).
    ///
    /// As found in public repositories: pandas' index column, the four dataset columns, the scores, a NaN left empty.
    static let minimal = """
        ,question,contexts,answer,ground_truth,faithfulness,answer_relevancy
        0,"What is X, really?","['X is a letter.', 'Y follows X.']",X is a letter.,A letter.,1.0,0.5
        1,Why?,['Because.'],"He said ""no"".",No reason.,,0.25

        """

    static func detect(_ text: String) -> Detection {
        ReportDetector.detect(prefix: Array(text.utf8), isWholeFile: true)
    }

    @Test("a ragas 0.1 header (question, contexts, answer and a score column) is ragas, with or without the index")
    func detected() {
        #expect(Self.detect(Self.minimal) == .report(.ragas))
        #expect(Self.detect("question,answer,contexts,ground_truths,context_recall\n") == .report(.ragas))
        // A header longer than the 40 bytes other first lines are told by.
        let long =
            "question,contexts,answer,ground_truth,"
            + (1...60).map { "metric_number_\($0)" }.joined(separator: ",") + "\n"
        #expect(Self.detect(long) == .report(.ragas))
    }

    @Test("a CSV that starts with question but is a dataset (no score column, or no contexts) is not ragas")
    func datasetsAreNotRagas() {
        for text in [
            "question,contexts,answer,ground_truth\nq,c,a,g\n", "question,answer\nq,a\n",
            "question,ground_truth,faithfulness\nq,g,1\n",
        ] {
            #expect(Self.detect(text) != .report(.ragas), "\(text)")
        }
    }

    @Test("scores are the NaN-skipping means, rows are named by question")
    func read() throws {
        let (report, diagnostics) = try RagasReaderTests.read(Array(Self.minimal.utf8))
        #expect(report.datasetSize == 2)
        #expect(Set(report.metrics.keys) == ["faithfulness", "answer_relevancy"])
        let faithfulness = try #require(report.metrics["faithfulness"])
        #expect(faithfulness.value == 1 && faithfulness.unscored == 1)
        let relevancy = try #require(report.metrics["answer_relevancy"])
        #expect(relevancy.value == Decimal(string: "0.375"))
        #expect(relevancy.lowestSamples.first?.id == "Why?")
        #expect(diagnostics.map(\.code) == ["accuracy.unscored"])
    }
}
