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
    public var description: String {
        switch self {
        case .integer(let value): String(value)
        case .ratio(let numerator, let denominator):
            "\(Self.format(Double(numerator) / Double(denominator))) (\(numerator)/\(denominator))"
        case .decimal(let value): value.description
        case .notMeasured: "not measured"
        }
    }

    /// Shortest round-trip text of a double, without a trailing `.0` on integral values.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
