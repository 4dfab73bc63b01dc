#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The per-sample scores of one accuracy metric, as an evaluation lists them: how many samples, how many without a
/// score, the exact sum of the scores, the few lowest and highest, and the first score outside [0, 1].
///
/// Its size does not grow with the number of samples: a gate needs the mean (the count and the exact sum) and the
/// samples a failing gate names (``AccuracyMetric/sampleLimit`` at each end), nothing else.
struct ScoreTally {
    var entries = 0
    var unscored = 0
    /// How many samples have a score in [0, 1].
    var scored = 0
    var sum: Decimal = 0
    var outOfRange: String?
    /// The lowest scores, lowest first, ties by id, at most ``AccuracyMetric/sampleLimit``.
    private(set) var lowest: [SampleScore] = []
    /// The highest scores, highest first, ties by id, at most ``AccuracyMetric/sampleLimit``.
    private(set) var highest: [SampleScore] = []

    /// Counts a sample without a score (null, NaN, an evaluation error).
    mutating func addUnscored() {
        entries += 1
        unscored += 1
    }

    /// Counts a sample's score; one outside [0, 1] makes the metric unjudgeable.
    mutating func add(_ score: Decimal, text: String, sample id: String) {
        entries += 1
        guard score >= 0, score <= 1 else {
            if outOfRange == nil { outOfRange = "sample \(id) scores \(text), outside [0, 1]" }
            return
        }
        scored += 1
        sum += score
        let sample = SampleScore(id: id, score: score)
        Self.keep(sample, in: &lowest) { $0.score != $1.score ? $0.score < $1.score : $0.id < $1.id }
        Self.keep(sample, in: &highest) { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
    }

    /// Counts a score as the reader gives it: `nil` for null, NaN or infinite is unscored.
    mutating func add(_ number: JSONNumber?, sample id: String) {
        guard let number, !number.isNonFinite, let score = Decimal(string: number.text) else {
            addUnscored()
            return
        }
        add(score, text: number.text, sample: id)
    }

    /// The mean of the scored samples, or why there is none.
    var mean: (value: Decimal?, problem: String?) {
        if let outOfRange { return (nil, outOfRange) }
        guard scored > 0 else {
            return (nil, entries == 0 ? "it has no samples" : "none of its \(entries) samples has a score")
        }
        return (sum / Decimal(scored), nil)
    }

    /// The metric with the mean of its scored samples as its value.
    func metric(named sourceName: String) -> AccuracyMetric {
        let (value, problem) = mean
        return AccuracyMetric(
            sourceName: sourceName, value: value, problem: problem, samples: entries, unscored: unscored,
            lowestSamples: lowest, highestSamples: highest)
    }

    /// Inserts `sample` into a list kept sorted by `precedes` and cut to the sample limit: the same samples, in the
    /// same order, as sorting every score and keeping the first few, in constant memory.
    private static func keep(
        _ sample: SampleScore, in list: inout [SampleScore], by precedes: (SampleScore, SampleScore) -> Bool
    ) {
        let limit = AccuracyMetric.sampleLimit
        if list.count == limit, let last = list.last, !precedes(sample, last) { return }
        let index = list.firstIndex { precedes(sample, $0) } ?? list.count
        list.insert(sample, at: index)
        if list.count > limit { list.removeLast() }
    }
}
