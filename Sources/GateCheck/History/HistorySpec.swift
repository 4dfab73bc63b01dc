#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A gate's `history` member: compare the run's value with a statistic of earlier runs (docs/history.md).
///
/// ```json
/// "history": { "window": "7d", "statistic": "median", "max_increase_ratio": 0.5, "min_samples": 3,
///              "labels": { "provider": "anthropic" } }
/// ```
@_spi(Internals) public struct HistorySpec: Sendable, Hashable {
    /// What to do when the history cannot give a reference: too few samples, or no history file.
    public enum OnMissing: String, Sendable, Hashable, CaseIterable {
        /// The gate is `error` (exit 2 when it blocks).
        case error
        /// The gate is `skipped`, with a warning in the verdict.
        case skip
    }

    /// The statistic of the samples the run is compared with.
    public enum Statistic: String, Sendable, Hashable, CaseIterable {
        /// The median (the mean of the two middle samples when their number is even).
        case median
    }

    /// An outlier band computed from the samples.
    public enum Band: String, Sendable, Hashable, CaseIterable {
        /// Tukey's upper fence: the run fails above Q3 + 1.5 × (Q3 − Q1), quartiles by linear interpolation.
        case iqr
    }

    /// How far back samples count: (now − window, now].
    public var window: HistoryWindow
    /// The reference statistic.
    public var statistic: Statistic = .median
    /// An outlier band, checked besides the tolerances.
    public var band: Band?
    /// The run may be at most reference × (1 + this).
    public var maxIncreaseRatio: Decimal?
    /// The run may be at most reference + this (the metric's unit).
    public var maxIncrease: Decimal?
    /// The run may be at least reference − this (the metric's unit).
    public var maxDrop: Decimal?
    /// Fewer matching samples than this cannot give a reference.
    public var minSamples: Int = 3
    /// Only samples whose labels include all of these (equal values) count.
    public var labels: [String: String] = [:]
    /// `nil`: too few samples skip the gate with a warning, a missing history file is an error.
    public var onMissing: OnMissing?
    /// Whether the gate also has its own `min` or `max`, checked as well; without one the gate's bound is only
    /// the history's.
    public var hasOwnBound = true

    /// Creates a spec.
    public init(
        window: HistoryWindow, statistic: Statistic = .median, band: Band? = nil, maxIncreaseRatio: Decimal? = nil,
        maxIncrease: Decimal? = nil, maxDrop: Decimal? = nil, minSamples: Int = 3, labels: [String: String] = [:],
        onMissing: OnMissing? = nil
    ) {
        self.window = window
        self.statistic = statistic
        self.band = band
        self.maxIncreaseRatio = maxIncreaseRatio
        self.maxIncrease = maxIncrease
        self.maxDrop = maxDrop
        self.minSamples = minSamples
        self.labels = labels
        self.onMissing = onMissing
    }
}

/// A window of time written `Nh`, `Nd` or `Nw` (hours, days of 24 hours, weeks of 7 days; no calendar).
@_spi(Internals) public struct HistoryWindow: Sendable, Hashable, CustomStringConvertible {
    /// The length in nanoseconds.
    public var nanoseconds: Int64
    /// As written (`7d`).
    public var written: String

    /// Parses `7d`, `36h`, `2w`: a positive whole number up to 10 years, then the unit.
    public init?(_ text: String) {
        guard let unit = text.last, let count = Int64(text.dropLast()), count > 0, text.first != "+" else {
            return nil
        }
        let hour: Int64 = 3_600_000_000_000
        let perUnit: Int64
        switch unit {
        case "h": perUnit = hour
        case "d": perUnit = 24 * hour
        case "w": perUnit = 7 * 24 * hour
        default: return nil
        }
        guard count <= 10 * 366 * 24 / (perUnit / hour) else { return nil }
        nanoseconds = count * perUnit
        written = text
    }

    public var description: String { written }
}
