#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The median and quartiles of samples, in decimal arithmetic (no binary rounding), as docs/history.md defines
/// them.
enum HistoryStatistics {
    /// The quantile numerator/denominator of sorted values.
    ///
    /// By linear interpolation between closest ranks (numpy's default, R type 7):
    /// h = (n − 1) × p, then x[⌊h⌋] + (h − ⌊h⌋) × (x[⌊h⌋ + 1] − x[⌊h⌋]). `p` = 1/2 is the median (the mean of the two
    /// middle values when n is even).
    static func quantile(_ sorted: [Decimal], numerator: Int, denominator: Int) -> Decimal? {
        guard !sorted.isEmpty else { return nil }
        let scaled = (sorted.count - 1) * numerator
        let index = scaled / denominator
        let remainder = scaled % denominator
        guard remainder > 0, index + 1 < sorted.count else { return sorted[index] }
        let fraction = Decimal(remainder) / Decimal(denominator)
        return sorted[index] + fraction * (sorted[index + 1] - sorted[index])
    }

    /// The median of sorted values.
    static func median(_ sorted: [Decimal]) -> Decimal? { quantile(sorted, numerator: 1, denominator: 2) }

    /// Tukey's upper fence Q3 + 1.5 × (Q3 − Q1) with its quartiles.
    static func upperFence(_ sorted: [Decimal]) -> (q1: Decimal, q3: Decimal, fence: Decimal)? {
        guard let q1 = quantile(sorted, numerator: 1, denominator: 4),
            let q3 = quantile(sorted, numerator: 3, denominator: 4)
        else { return nil }
        return (q1, q3, q3 + Decimal(15) / 10 * (q3 - q1))
    }
}
