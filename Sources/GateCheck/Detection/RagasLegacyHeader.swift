/// Tells the header of a ragas 0.1 result export (`evaluate(...).to_pandas().to_csv(path)` before ragas 0.2), whose
/// sample columns are `question`, `contexts`, `answer` and `ground_truth` (`ground_truths` in ragas 0.0) instead of
/// ragas 0.2's `user_input`, `retrieved_contexts`, `response` and `reference`.
///
/// `question` first is common in CSV files that are not evaluations (a test set, a dataset), so the whole header is
/// read: it is a ragas export only when it names the three columns ragas 0.1's `evaluate` requires (`question`,
/// `contexts`, `answer`) and at least one column more that is not a sample field, the scores.
enum RagasLegacyHeader {
    /// The longest header line read for it: a few dozen metric names fit many times over.
    static let maxHeader = 4096

    /// The columns ragas 0.1's `evaluate` requires of its dataset.
    private static let required: Set<String> = ["question", "contexts", "answer"]

    /// Whether the start of a first line may be such a header (with or without pandas' index column).
    static func mayBe(_ line: [UInt8]) -> Bool {
        line.starts(with: "question,".utf8) || line.starts(with: ",question,".utf8)
    }

    /// Whether a whole first line is such a header.
    static func isExport(_ line: [UInt8]) -> Bool {
        guard mayBe(line) else { return false }
        var names = line.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        // pandas' index column has an empty name.
        if names.first == "" { names.removeFirst() }
        return required.isSubset(of: names) && names.contains(where: RagasTotals.isMetric)
    }
}
