#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Sorts sample values exactly without `Decimal` comparisons, which cost about a thousand instructions each (a
/// 50,000-sample window spent most of its time sorting).
///
/// A value that is a fraction of two 64-bit integers (a count, a rate, a decimal of at most 18 significant digits
/// and a small exponent) is compared by cross-multiplying in 128 bits, exactly; any other value falls back to
/// `Decimal`'s own order.
@_spi(Internals) public enum SampleOrder {
    /// `values` sorted ascending, exactly.
    public static func sorted(_ values: [MetricValue]) -> [Decimal] {
        sorted(keyed: values.map { ($0, Fraction($0)) })
    }

    /// Values with their sort keys (`nil`: compare as `Decimal`) sorted ascending, exactly.
    static func sorted(keyed values: [(value: MetricValue, key: Fraction?)]) -> [Decimal] {
        // Every value a fraction (the usual case): the keys are sorted alone, 24 bytes apiece, ties in their
        // order (as the stable sort below), and the values taken in that order.
        var order: [(key: Fraction, index: Int)] = []
        order.reserveCapacity(values.count)
        for (index, entry) in values.enumerated() {
            guard let key = entry.key else { break }
            order.append((key, index))
        }
        if order.count == values.count {
            order.sort { left, right in
                left.key < right.key || (!(right.key < left.key) && left.index < right.index)
            }
            return order.compactMap { values[$0.index].value.exact }
        }
        let keyed = values.compactMap { entry -> (key: Fraction?, exact: Decimal)? in
            guard let exact = entry.value.exact else { return nil }
            return (entry.key, exact)
        }
        return keyed.sorted { left, right in
            if let l = left.key, let r = right.key { return l < r }
            return left.exact < right.exact
        }.map(\.exact)
    }

    /// numerator / denominator with a positive denominator.
    public struct Fraction: Comparable, Sendable {
        var numerator: Int64
        var denominator: Int64

        /// A fraction from its parts; the denominator is positive.
        init(numerator: Int64, denominator: Int64) {
            self.numerator = numerator
            self.denominator = denominator
        }

        /// The value as a fraction, or `nil` when it does not fit 64-bit integers.
        init?(_ value: MetricValue) {
            switch value {
            case .integer(let count):
                (numerator, denominator) = (Int64(count), 1)
            case .ratio(let n, let d):
                guard d > 0 else { return nil }
                (numerator, denominator) = (Int64(n), Int64(d))
            case .decimal(let decimal):
                guard let parts = Self.parts(decimal) else { return nil }
                (numerator, denominator) = parts
            case .notMeasured:
                return nil
            }
        }

        public static func < (lhs: Self, rhs: Self) -> Bool {
            Int128(lhs.numerator) * Int128(rhs.denominator) < Int128(rhs.numerator) * Int128(lhs.denominator)
        }

        /// A `Decimal`'s significand and power of ten as a fraction, when the significand fits 63 bits and the scale
        /// 10^18 (one text conversion per sample, instead of a `Decimal` comparison per step of the sort).
        private static func parts(_ decimal: Decimal) -> (Int64, Int64)? {
            guard !decimal.isNaN, var numerator = Int64(decimal.significand.description) else { return nil }
            if decimal.sign == .minus { numerator = -numerator }
            var exponent = decimal.exponent
            var denominator: Int64 = 1
            while exponent < 0 {
                guard denominator <= Int64.max / 10 else { return nil }
                denominator *= 10
                exponent += 1
            }
            while exponent > 0 {
                let (product, overflow) = numerator.multipliedReportingOverflow(by: 10)
                guard !overflow else { return nil }
                numerator = product
                exponent -= 1
            }
            return (numerator, denominator)
        }
    }
}
