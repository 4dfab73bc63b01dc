extension AccuracySamples {
    /// The keys of a sample.
    enum SampleKey: String, JSONKeyEnum {
        case id, scores
        static let table = JSONKeyTable<Self>()
    }

    /// The keys of a sample, for the tree decoder's check.
    static let sampleKeys = SampleKey.allCases.map(\.rawValue)

    /// A problem found in `samples`, with the metric whose score it is about (`nil`: the sample itself).
    struct Problem {
        var diagnostic: Diagnostic
        var metric: String?
    }
}
