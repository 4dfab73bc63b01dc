#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The per-sample scores of one accuracy metric, as an evaluation lists them: how many samples, how many without a
/// score, the exact sum of the scores, the few lowest and highest, and the first score outside [0, 1].
///
/// Its size does not grow with the number of samples: a gate needs the mean (the count and the exact sum) and the
/// samples a failing gate names (``AccuracyMetric/sampleLimit`` at each end), nothing else. Scores that are whole
/// multiples of 10^-18 (every score an evaluation writes with at most 18 decimals) are summed and compared as
/// integers, exactly and without `Decimal` arithmetic per sample; any other score in range is summed as a `Decimal`.
struct ScoreTally {
    var entries = 0
    var unscored = 0
    /// How many samples have a score in [0, 1].
    var scored = 0
    var outOfRange: String?
    /// The sum of the scores that are multiples of 10^-18, in those units (2^64 of them cannot overflow it).
    private var unitSum: UInt128 = 0
    /// The sum of the other scores in range.
    private var otherSum: Decimal = 0
    /// The lowest scores, lowest first, ties by id, at most ``AccuracyMetric/sampleLimit``.
    private var lowestKept: [Ranked] = []
    /// The highest scores, highest first, ties by id, at most ``AccuracyMetric/sampleLimit``.
    private var highestKept: [Ranked] = []
    /// Every sample's score by id (`nil`: unscored), kept only when a baseline is written or compared with
    /// (`accuracy.regressed_samples`): it grows with the samples, which nothing else here does.
    private(set) var scores: [String: Decimal?]?

    /// Creates an empty tally; `keepsScores` keeps every sample's score by id as well (``scores``).
    init(keepsScores: Bool = false) {
        if keepsScores { scores = [:] }
    }

    /// One in 10^18, the unit of the integer sum.
    static let unit: UInt64 = 1_000_000_000_000_000_000

    var lowest: [SampleScore] { lowestKept.map(\.sample) }
    var highest: [SampleScore] { highestKept.map(\.sample) }

    /// The exact sum of the scores in range.
    var sum: Decimal {
        var digits = unitSum
        var exponent = -18
        while digits > 0, digits % 10 == 0, exponent < 0 {
            digits /= 10
            exponent += 1
        }
        let significand = Decimal(string: String(digits)) ?? 0
        return Decimal(sign: .plus, exponent: exponent, significand: significand) + otherSum
    }

    /// Counts a sample without a score (null, NaN, an evaluation error).
    mutating func addUnscored(sample id: String? = nil) {
        entries += 1
        unscored += 1
        if let id { keepScore(nil, of: id) }
    }

    /// Notes a sample's score by id when every score is kept; a repeated id keeps its lowest (its worst).
    private mutating func keepScore(_ score: Decimal?, of id: String) {
        guard scores != nil else { return }
        if let known = scores?[id], (known ?? -1) <= (score ?? -1) { return }
        scores?[id] = score
    }

    /// Counts a sample's score as written, or returns `false` when the text is not a number at all.
    ///
    /// A score outside [0, 1] makes the metric unjudgeable.
    mutating func add(text: String, sample id: String) -> Bool {
        if let units = Self.units(text) {
            entries += 1
            scored += 1
            unitSum += UInt128(units)
            keep(Ranked(units: units, other: nil, id: id))
            if scores != nil { keepScore(Ranked.decimal(units), of: id) }
            return true
        }
        guard let score = Decimal(string: text) else { return false }
        add(score, text: text, sample: id)
        return true
    }

    /// Counts a sample's score; one outside [0, 1] makes the metric unjudgeable.
    mutating func add(_ score: Decimal, text: String, sample id: String) {
        entries += 1
        guard score >= 0, score <= 1 else {
            if outOfRange == nil { outOfRange = "sample \(id) scores \(text), outside [0, 1]" }
            return
        }
        scored += 1
        otherSum += score
        keep(Ranked(units: 0, other: score, id: id))
        keepScore(score, of: id)
    }

    /// Counts a score as the reader gives it: `nil` for null, NaN or infinite is unscored.
    mutating func add(_ number: JSONNumber?, sample id: String) {
        guard let number, !number.isNonFinite, add(text: number.text, sample: id) else {
            addUnscored(sample: id)
            return
        }
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
            lowestSamples: lowest, highestSamples: highest, sampleScores: scores)
    }

    /// A number's text as a whole number of 10^-18 in [0, 10^18], or `nil` when it is not one (more decimals, out of
    /// range, not a plain number): `0`, `1`, `0.83`, `1e-05`, `-0.0`.
    static func units(_ text: String) -> UInt64? {
        var significand: UInt64 = 0
        var digits = 0
        var decimals = 0
        var exponent = 0
        var negative = false
        var index = text.utf8.startIndex
        let bytes = text.utf8
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "-") {
            negative = true
            bytes.formIndex(after: &index)
        }
        var inFraction = false
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                if significand > 0 || byte != UInt8(ascii: "0") { digits += 1 }
                guard digits <= 19 else { return nil }
                significand = significand * 10 + UInt64(byte - UInt8(ascii: "0"))
                if inFraction { decimals += 1 }
            } else if byte == UInt8(ascii: "."), !inFraction {
                inFraction = true
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                guard let value = Int(Substring(bytes[bytes.index(after: index)...])), abs(value) <= 40 else {
                    return nil
                }
                exponent = value
                break
            } else {
                return nil
            }
            bytes.formIndex(after: &index)
        }
        if significand == 0 { return 0 }
        guard !negative else { return nil }
        var shift = 18 - decimals + exponent
        while shift < 0 {
            guard significand % 10 == 0 else { return nil }
            significand /= 10
            shift += 1
        }
        for _ in 0..<shift {
            let (product, overflow) = significand.multipliedReportingOverflow(by: 10)
            guard !overflow, product <= unit else { return nil }
            significand = product
        }
        return significand <= unit ? significand : nil
    }

    /// A kept sample: its score in 10^-18 when it is a whole number of them, else the score itself, and its id.
    private struct Ranked {
        var units: UInt64
        var other: Decimal?
        var id: String

        var score: Decimal { other ?? Self.decimal(units) }
        var sample: SampleScore { SampleScore(id: id, score: score) }

        /// Lower score first, ties by id; integers compared as such, a `Decimal` only for the rare other score.
        static func below(_ a: Ranked, _ b: Ranked) -> Bool {
            if a.other == nil, b.other == nil, a.units != b.units { return a.units < b.units }
            if a.other != nil || b.other != nil, a.score != b.score { return a.score < b.score }
            return a.id < b.id
        }

        /// Higher score first, ties by id.
        static func above(_ a: Ranked, _ b: Ranked) -> Bool {
            if a.other == nil, b.other == nil, a.units != b.units { return a.units > b.units }
            if a.other != nil || b.other != nil, a.score != b.score { return a.score > b.score }
            return a.id < b.id
        }

        /// A whole number of 10^-18 as an exact `Decimal`.
        static func decimal(_ units: UInt64) -> Decimal {
            var digits = units
            var exponent = -18
            while digits > 0, digits % 10 == 0, exponent < 0 {
                digits /= 10
                exponent += 1
            }
            return Decimal(sign: .plus, exponent: exponent, significand: Decimal(digits))
        }
    }

    private mutating func keep(_ ranked: Ranked) {
        Self.keep(ranked, in: &lowestKept, by: Ranked.below)
        Self.keep(ranked, in: &highestKept, by: Ranked.above)
    }

    /// Inserts `ranked` into a list kept sorted by `precedes` and cut to the sample limit: the same samples, in the
    /// same order, as sorting every score and keeping the first few, in constant memory.
    private static func keep(_ ranked: Ranked, in list: inout [Ranked], by precedes: (Ranked, Ranked) -> Bool) {
        let limit = AccuracyMetric.sampleLimit
        if list.count == limit, let last = list.last, !precedes(ranked, last) { return }
        let index = list.firstIndex { precedes(ranked, $0) } ?? list.count
        list.insert(ranked, at: index)
        if list.count > limit { list.removeLast() }
    }
}
