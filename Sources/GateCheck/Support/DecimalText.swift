#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Decimal numbers as the verdict shows them: short, and never on the wrong side of a threshold.
enum DecimalText {
    /// The most fractional digits a value is shown with as written; longer ones (a computed mean) are rounded.
    static let maxWrittenDigits = 6

    /// `value` rounded half away from zero to `digits` decimals, trailing zeros removed, in exact decimal text.
    static func rounded(_ value: Decimal, digits: Int) -> String {
        let text = value.description
        let negative = text.hasPrefix("-")
        let unsigned = negative ? String(text.dropFirst()) : text
        let parts = unsigned.split(separator: ".", maxSplits: 1).map(String.init)
        var integral = Array(parts[0].utf8)
        var fraction = Array((parts.count > 1 ? parts[1] : "").utf8)
        if fraction.count > digits {
            let roundUp = fraction[digits] >= UInt8(ascii: "5")
            fraction = Array(fraction.prefix(digits))
            if roundUp {
                var digitsList = integral + fraction
                var index = digitsList.count - 1
                while index >= 0 {
                    if digitsList[index] == UInt8(ascii: "9") {
                        digitsList[index] = UInt8(ascii: "0")
                        index -= 1
                    } else {
                        digitsList[index] += 1
                        break
                    }
                }
                if index < 0 { digitsList.insert(UInt8(ascii: "1"), at: 0) }
                integral = Array(digitsList.prefix(digitsList.count - fraction.count))
                fraction = Array(digitsList.suffix(fraction.count))
            }
        }
        while fraction.last == UInt8(ascii: "0") { fraction.removeLast() }
        let body =
            String(decoding: integral, as: UTF8.self)
            + (fraction.isEmpty ? "" : "." + String(decoding: fraction, as: UTF8.self))
        return (negative && body.contains { $0 != "0" && $0 != "." } ? "-" : "") + body
    }

    /// The value beside a threshold: as written when it has at most ``maxWrittenDigits`` decimals, otherwise rounded
    /// to at least four decimals and as many more as it takes for the shown number to compare with the threshold as
    /// the exact value does (and not to show a non-zero value as 0), marked `≈`.
    static func shown(_ value: Decimal, against threshold: Decimal?, minimumDigits: Int = 4) -> String {
        if -value.exponent <= maxWrittenDigits { return value.description }
        var digits = minimumDigits
        var text = rounded(value, digits: digits)
        while digits < 30, let shown = Decimal(string: text),
            (shown == 0 && value != 0)
                || threshold.map({ (shown == $0) != (value == $0) || (shown < $0) != (value < $0) }) ?? false
        {
            digits += 1
            text = rounded(value, digits: digits)
        }
        return (Decimal(string: text) == value ? "" : "≈") + text
    }
}
