#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The value of a metric, kept exact so that a gate compares precisely what the verdict shows.
///
/// Rates stay fractions (`3999/5000`), counts stay integers and numbers read from a report keep their decimal text,
/// so `0.8999 >= 0.9` and `524288001 <= 524288000` are decided without binary floating-point rounding.
public enum MetricValue: Sendable, Hashable, CustomStringConvertible {
    /// A count.
    case integer(Int)
    /// A fraction with a positive denominator (a rate).
    case ratio(numerator: Int, denominator: Int)
    /// A number as the report wrote it.
    case decimal(Decimal)
    /// Not measured: the report carries no data for it (for example branch coverage without branch data).
    case notMeasured

    /// The exact value, or `nil` when not measured.
    public var exact: Decimal? {
        switch self {
        case .integer(let value): Decimal(value)
        case .ratio(let numerator, let denominator): Decimal(numerator) / Decimal(denominator)
        case .decimal(let value): value
        case .notMeasured: nil
        }
    }

    /// The value as a `Double`, for display and JSON output; `nil` when not measured.
    public var double: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .ratio(let numerator, let denominator): Double(numerator) / Double(denominator)
        case .decimal(let value): Double(value.description)
        case .notMeasured: nil
        }
    }

    /// Compares with a threshold exactly: a ratio `n/d` against `t` compares `n` with `t × d`.
    ///
    /// Returns `nil` when the value is not measured.
    public func compare(to threshold: Decimal) -> ComparisonResult? {
        let (left, right): (Decimal, Decimal)
        switch self {
        case .integer(let value): (left, right) = (Decimal(value), threshold)
        case .ratio(let numerator, let denominator):
            (left, right) = (Decimal(numerator), threshold * Decimal(denominator))
        case .decimal(let value): (left, right) = (value, threshold)
        case .notMeasured: return nil
        }
        if left < right { return .orderedAscending }
        if left > right { return .orderedDescending }
        return .orderedSame
    }

    /// The value as the verdict shows it: counts as integers, rates with their fraction.
    public var description: String { display(against: nil) }

    /// The value as shown next to a threshold: rates get as many decimals as it takes (at least four) for the shown
    /// number to compare with the threshold exactly as the exact value does, so that `0.79996` is never shown as
    /// `0.8000` beside a failing `>= 0.80`.
    ///
    /// A rounded value is marked `≈`.
    public func display(against threshold: Decimal?) -> String {
        switch self {
        case .integer(let value): return String(value)
        case .ratio(let numerator, let denominator):
            let exact = Decimal(numerator) / Decimal(denominator)
            var digits = 4
            var shown = Self.rounded(numerator, denominator, digits)
            while digits < 18, let threshold, let value = Decimal(string: shown.text),
                (value == threshold) != (exact == threshold) || (value < threshold) != (exact < threshold)
            {
                digits += 1
                shown = Self.rounded(numerator, denominator, digits)
            }
            return "\(shown.isExact ? "" : "≈")\(shown.text) (\(numerator)/\(denominator))"
        case .decimal(let value): return value.description
        case .notMeasured: return "not measured"
        }
    }

    /// `numerator / denominator` rounded half up to `digits` decimals, trailing zeros removed, in exact integer
    /// arithmetic.
    static func rounded(_ numerator: Int, _ denominator: Int, _ digits: Int) -> (text: String, isExact: Bool) {
        var scale: Int128 = 1
        for _ in 0..<digits { scale *= 10 }
        let n = Int128(numerator) * scale
        let d = Int128(denominator)
        let quotient = (2 * n + d) / (2 * d)
        let isExact = n % d == 0
        var text = String(quotient)
        let negative = text.hasPrefix("-")
        if negative { text.removeFirst() }
        while text.count <= digits { text = "0" + text }
        var integral = String(text.dropLast(digits))
        var fraction = String(text.suffix(digits))
        while fraction.hasSuffix("0") { fraction.removeLast() }
        if integral.isEmpty { integral = "0" }
        return ((negative ? "-" : "") + integral + (fraction.isEmpty ? "" : "." + fraction), isExact)
    }

    /// Shortest round-trip text of a double, without a trailing `.0` on integral values.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
