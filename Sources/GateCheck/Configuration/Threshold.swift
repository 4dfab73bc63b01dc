#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A gate's bound as the user wrote it and as an exact number in the metric's unit.
@_spi(Internals) public struct Threshold: Sendable, Hashable, CustomStringConvertible {
    /// The exact value in the metric's own unit (a fraction for rates, bytes for sizes, USD for cost).
    public var value: Decimal
    /// The text the user wrote (`0.80`, `500 MiB`), shown in the verdict beside the exact value.
    public var written: String
    /// Whether a comparison sets this bound (a ratchet's baseline, a history gate's window) rather than the
    /// configuration: until the comparison replaces it, ``value`` bounds nothing, and the JSON verdict writes `null`.
    public var isPlaceholder = false

    /// Creates a threshold; `written` defaults to the value's decimal text.
    public init(_ value: Decimal, written: String? = nil) {
        self.value = value
        self.written = written ?? value.description
    }

    /// The bound of a gate that a comparison alone judges, shown as `written` (`baseline`, `history`).
    static func placeholder(written: String) -> Threshold {
        var threshold = Threshold(0, written: written)
        threshold.isPlaceholder = true
        return threshold
    }

    /// Creates a threshold from decimal text; malformed text gives NaN, which no value satisfies.
    init(exactly text: String, written: String? = nil) {
        self.init(Decimal(string: text) ?? .nan, written: written ?? text)
    }

    public var description: String {
        Decimal(string: written) == value ? written : "\(written) (\(value))"
    }

    /// Parses a size such as `500 MiB`, `524288000`, `0.5 GB`: units are exact, `MB` = 10^6 and `MiB` = 2^20 bytes, and
    /// a bare number is bytes.
    ///
    /// Returns `nil` for an unknown unit or a negative or fractional byte count.
    public static func bytes(_ text: String) -> Threshold? {
        let trimmed = text.trimmingWhitespace
        let digits = trimmed.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        let unit = trimmed.dropFirst(digits.count).trimmingWhitespace
        guard !digits.isEmpty, let number = Decimal(string: String(digits)),
            let multiplier = sizeUnits[unit]
        else { return nil }
        let bytes = number * multiplier
        guard bytes >= 0, !bytes.description.contains(".") else { return nil }
        return Threshold(bytes, written: trimmed)
    }

    /// Size units gates.json accepts, each exact.
    public static let sizeUnits: [String: Decimal] = [
        "": 1, "B": 1,
        "kB": 1_000, "KB": 1_000, "MB": 1_000_000, "GB": 1_000_000_000, "TB": 1_000_000_000_000,
        "KiB": 1_024, "MiB": 1_048_576, "GiB": 1_073_741_824, "TiB": 1_099_511_627_776,
    ]
}

/// Which side of a threshold passes.
@_spi(Internals) public enum Bound: Sendable, Hashable {
    /// The metric must be at least the threshold (`>=`).
    case min(Threshold)
    /// The metric must be at most the threshold (`<=`).
    case max(Threshold)

    /// The threshold, whichever side.
    @_spi(Internals) public var threshold: Threshold {
        switch self {
        case .min(let threshold), .max(let threshold): threshold
        }
    }

    /// The comparison operator as the verdict shows it.
    public var symbol: String {
        switch self {
        case .min: ">="
        case .max: "<="
        }
    }

    /// Whether a value satisfies the bound, decided exactly; `nil` when the value is not measured.
    public func isSatisfied(by value: MetricValue) -> Bool? {
        guard let order = value.compare(to: threshold.value) else { return nil }
        switch self {
        case .min: return order != .orderedAscending
        case .max: return order != .orderedDescending
        }
    }
}
