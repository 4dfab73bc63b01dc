/// The ids of the samples read so far, kept as 64-bit hashes so that memory grows by about 16 bytes per sample
/// (an accuracy report of a million samples adds about 24 MiB) instead of by the ids' text.
///
/// The hashes are the standard library's, seeded per process, so no input can be built to collide on purpose; two
/// different ids share a hash with a probability of about n²/2⁶⁵ (10⁻⁷ for a million samples), and a collision
/// could only refuse a report (exit 2), never pass one.
struct SampleIDs {
    private var hashes: Set<Int> = []

    /// Notes an id; `false` when an earlier sample had it.
    mutating func insert(_ id: String) -> Bool {
        hashes.insert(id.hashValue).inserted
    }

    /// The error for a sample whose id an earlier sample has.
    static func repeated(_ id: String, at keyPath: String, _ position: JSONPosition) -> Diagnostic {
        Diagnostic(
            .error, code: "accuracy.duplicate-sample",
            message: "the sample id \"\(id)\" is listed a second time; each evaluated sample is listed once, so the "
                + "list counts some sample twice (a result file appended twice, or a merge of two runs); write each "
                + "sample once", line: position.line, column: position.column, keyPath: keyPath)
    }
}
