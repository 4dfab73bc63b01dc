#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A measured value as a baseline stores it, exactly: `{"integer": 3}`, `{"numerator": 336, "denominator": 473}` or
/// `{"decimal": "0.93"}` (decimal text, so nothing passes through a binary float).
@_spi(Internals) public enum ExactValue: Sendable, Hashable, Codable {
    /// A count.
    case integer(Int)
    /// A fraction with a positive denominator.
    case ratio(numerator: Int, denominator: Int)
    /// A decimal number.
    case decimal(Decimal)

    /// The value of a measured metric; `nil` when it was not measured.
    public init?(_ value: MetricValue) {
        switch value {
        case .integer(let count): self = .integer(count)
        case .ratio(let numerator, let denominator): self = .ratio(numerator: numerator, denominator: denominator)
        case .decimal(let number): self = .decimal(number)
        case .notMeasured: return nil
        }
    }

    /// The metric value it stands for.
    public var metricValue: MetricValue {
        switch self {
        case .integer(let count): .integer(count)
        case .ratio(let numerator, let denominator): .ratio(numerator: numerator, denominator: denominator)
        case .decimal(let number): .decimal(number)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case integer, numerator, denominator, decimal
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let count = try container.decodeIfPresent(Int.self, forKey: .integer) {
            self = .integer(count)
        } else if let numerator = try container.decodeIfPresent(Int.self, forKey: .numerator) {
            let denominator = try container.decode(Int.self, forKey: .denominator)
            guard denominator > 0 else {
                throw DecodingError.dataCorruptedError(
                    forKey: .denominator, in: container, debugDescription: "a denominator must be positive")
            }
            self = .ratio(numerator: numerator, denominator: denominator)
        } else {
            let text = try container.decode(String.self, forKey: .decimal)
            guard let number = Decimal(string: text), !number.isNaN, Self.isDecimalText(text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .decimal, in: container, debugDescription: "\"\(text)\" is not a decimal number")
            }
            self = .decimal(number)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .integer(let count): try container.encode(count, forKey: .integer)
        case .ratio(let numerator, let denominator):
            try container.encode(numerator, forKey: .numerator)
            try container.encode(denominator, forKey: .denominator)
        case .decimal(let number): try container.encode(number.description, forKey: .decimal)
        }
    }

    /// `-?digits(.digits)?`: what `Decimal.description` writes, and nothing `Decimal(string:)` would half-read.
    static func isDecimalText(_ text: String) -> Bool {
        var body = Substring(text)
        if body.hasPrefix("-") { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
    }
}
