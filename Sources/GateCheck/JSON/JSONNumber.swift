/// A JSON number kept as its literal text, so that decimal values compare exactly as written.
///
/// ``JSONReader/readNumber()`` and ``JSONReader/readValue()`` produce these. Equality and hashing compare the text:
/// `1.0` and `1` are different numbers here; compare ``double`` or ``int64`` for numeric equality.
///
/// ```swift
/// let severity = try reader.readNumber()   // "7.5"
/// severity.double                          // 7.5
/// severity.int64                           // nil: not a whole number
/// ```
@_spi(Internals) public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number exactly as written in the document, for example `-1.50e3`, or `NaN` when allowed.
    public let text: String

    /// Wraps text the reader has already validated as a number token.
    init(validatedText text: String) {
        self.text = text
    }

    /// The correctly rounded `Double`, or `nil` when the magnitude overflows (`1e400`).
    ///
    /// `NaN`, `Infinity` and `-Infinity` (accepted only with `allowNonFiniteNumbers`) give the matching
    /// non-finite `Double`.
    public var double: Double? {
        var text = self.text
        return text.withUTF8 { JSONNumberText.double($0) }
    }

    /// The value as an `Int64` when it is a whole number in range (`2e3` and `1.0` are), else `nil`.
    public var int64: Int64? {
        var text = self.text
        return text.withUTF8 { JSONNumberText.int64($0) }
    }

    /// Whether this is `NaN`, `Infinity` or `-Infinity` rather than a JSON number.
    public var isNonFinite: Bool { text == "NaN" || text == "Infinity" || text == "-Infinity" }

    /// The literal text.
    public var description: String { text }
}

/// Conversions of a validated number token (RFC 8259 grammar, or a non-finite token) without allocation in the
/// common case.
enum JSONNumberText {
    /// Exact powers of ten that a `Double` represents without rounding (Clinger's fast path).
    private static let exactPowers: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The parts of a number token: sign, the digits before and after the point, and the exponent (saturated).
    private struct Parts {
        var negative = false
        var integer = 0..<0
        var fraction = 0..<0
        var exponent = 0
    }

    /// Converts a token to the correctly rounded `Double`; `nil` when it overflows to infinity.
    static func double(_ token: UnsafeBufferPointer<UInt8>) -> Double? {
        if let special = nonFinite(token) { return special }
        let parts = split(token)
        // Clinger's fast path: at most 19 significant digits, mantissa ≤ 2^53, |exponent| ≤ 22 is exact.
        var mantissa: UInt64 = 0
        var significant = 0
        for index in parts.integer.lowerBound..<parts.fraction.upperBound where token[index] != UInt8(ascii: ".") {
            let digit = UInt64(token[index] &- UInt8(ascii: "0"))
            if significant > 0 || digit != 0 { significant += 1 }
            mantissa = mantissa &* 10 &+ digit
        }
        let scale = parts.exponent - parts.fraction.count
        if mantissa == 0 && significant == 0 { return parts.negative ? -0.0 : 0.0 }
        if significant <= 19 && mantissa <= 1 << 53 && scale >= -22 && scale <= 22 {
            let magnitude = Double(mantissa)
            let value = scale >= 0 ? magnitude * exactPowers[scale] : magnitude / exactPowers[-scale]
            return parts.negative ? -value : value
        }
        // Rare: long mantissas or large exponents go through the standard library's correctly rounded parser.
        guard let value = Double(String(decoding: token, as: UTF8.self)), value.isFinite else { return nil }
        return value
    }

    /// Converts a token to an `Int64` when its value is a whole number in range; `nil` otherwise.
    static func int64(_ token: UnsafeBufferPointer<UInt8>) -> Int64? {
        if nonFinite(token) != nil { return nil }
        let parts = split(token)
        let integerCount = parts.integer.count
        let count = integerCount + parts.fraction.count
        func digit(_ k: Int) -> UInt8 {
            k < integerCount ? token[parts.integer.lowerBound + k] : token[parts.fraction.lowerBound + k - integerCount]
        }
        var first = 0
        while first < count && digit(first) == UInt8(ascii: "0") { first += 1 }
        if first == count { return 0 }
        var last = count
        var scale = parts.exponent - parts.fraction.count
        while scale < 0 && digit(last - 1) == UInt8(ascii: "0") {
            last -= 1
            scale += 1
        }
        guard scale >= 0, last - first + scale <= 19 else { return nil }
        var magnitude: UInt64 = 0
        for k in first..<last { magnitude = magnitude * 10 + UInt64(digit(k) - UInt8(ascii: "0")) }
        for _ in 0..<scale {
            let (product, overflow) = magnitude.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            magnitude = product
        }
        if parts.negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? .min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    /// The value of `NaN`, `Infinity` or `-Infinity`, or `nil` for an ordinary number token.
    static func nonFinite(_ token: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let last = token.last, last == UInt8(ascii: "N") || last == UInt8(ascii: "y") else { return nil }
        if last == UInt8(ascii: "N") { return .nan }
        return token.first == UInt8(ascii: "-") ? -.infinity : .infinity
    }

    // MARK: - Private

    private static func split(_ token: UnsafeBufferPointer<UInt8>) -> Parts {
        var parts = Parts()
        var index = 0
        if index < token.count && token[index] == UInt8(ascii: "-") {
            parts.negative = true
            index += 1
        }
        let integerStart = index
        while index < token.count && isDigit(token[index]) { index += 1 }
        parts.integer = integerStart..<index
        parts.fraction = index..<index
        if index < token.count && token[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < token.count && isDigit(token[index]) { index += 1 }
            parts.fraction = fractionStart..<index
        }
        if index < token.count && (token[index] | 0x20) == UInt8(ascii: "e") {
            index += 1
            var negative = false
            if index < token.count && (token[index] == UInt8(ascii: "-") || token[index] == UInt8(ascii: "+")) {
                negative = token[index] == UInt8(ascii: "-")
                index += 1
            }
            var exponent = 0
            while index < token.count && isDigit(token[index]) {
                exponent = min(exponent * 10 + Int(token[index] - UInt8(ascii: "0")), 1_000_000_000)
                index += 1
            }
            parts.exponent = negative ? -exponent : exponent
        }
        return parts
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
}
