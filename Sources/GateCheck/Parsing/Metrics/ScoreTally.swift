#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The per-sample scores of one accuracy metric, as an evaluation lists them: how many samples, how many without a
/// score, their exact sum, and the first score outside [0, 1].
struct ScoreTally {
    var entries = 0
    var unscored = 0
    var scores: [SampleScore] = []
    var sum: Decimal = 0
    var outOfRange: String?

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
        scores.append(SampleScore(id: id, score: score))
        sum += score
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
        guard !scores.isEmpty else {
            return (nil, entries == 0 ? "it has no samples" : "none of its \(entries) samples has a score")
        }
        return (sum / Decimal(scores.count), nil)
    }

    /// The metric with the mean of its scored samples as its value.
    func metric(named sourceName: String) -> AccuracyMetric {
        let (value, problem) = mean
        return AccuracyMetric(
            sourceName: sourceName, value: value, problem: problem, samples: entries, unscored: unscored,
            lowestSamples: SampleScore.lowest(scores), highestSamples: SampleScore.highest(scores))
    }
}
