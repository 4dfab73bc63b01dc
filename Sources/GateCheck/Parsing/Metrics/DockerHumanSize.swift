#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Sizes as `docker images` prints them: docker/go-units `HumanSizeWithPrecision(size, 3)`, which is `%.3g` of the size
/// in decimal units (`B`, `kB`, `MB`, `GB`, ...
///
/// with 1 kB = 1,000 bytes) and so writes `7.8MB`, `524MB`, `1.23GB`, `512B` and, just below a unit change, `1e+03MB`.
///
/// Only three significant digits survive, so `612MB` means 611.5 to 612.5 MB. ``parse(_:)`` returns the written
/// size in bytes and that tolerance, so that a gate can refuse to compare when the bound falls inside it.
enum DockerHumanSize {
    /// The size in bytes (rounded down) and how far the true size may be from it, in bytes (rounded up).
    struct Size: Equatable {
        var bytes: Int64
        var tolerance: Int64
    }

    /// Parses a size; `nil` for text that is not a decimal human size.
    ///
    /// Binary suffixes (`MiB`) are refused: go-units' `FromHumanSize` would read them as decimal, and docker never
    /// writes them here.
    static func parse(_ text: String) -> Size? {
        let trimmed = text.trimmingWhitespace
        let numberEnd =
            trimmed.firstIndex { !($0.isASCII && ($0.isNumber || "+-.eE".contains($0))) } ?? trimmed.endIndex
        var numberText = String(trimmed[..<numberEnd])
        var unitText = trimmed[numberEnd...].trimmingWhitespace.lowercased()
        // "1e+03MB" splits cleanly, but a bare "5e" would swallow the unit's letter: give a trailing 'e' back.
        if numberText.hasSuffix("e") || numberText.hasSuffix("E") {
            unitText = String(numberText.removeLast()).lowercased() + unitText
        }
        guard let number = Decimal(string: numberText), number >= 0, isPlainNumber(numberText),
            let power = power(of: unitText)
        else { return nil }
        var multiplier = Decimal(1)
        for _ in 0..<power { multiplier *= 1000 }
        let bytes = number * multiplier
        guard bytes <= Decimal(Int64.max) else { return nil }
        let tolerance = power == 0 ? 0 : halfUnit(of: numberText, value: number) * multiplier
        return Size(bytes: whole(bytes, roundingUp: false), tolerance: whole(tolerance, roundingUp: true))
    }

    // MARK: - Private

    /// The power of 1,000 of a unit: `b`/empty 0, `k`/`kb` 1, `m`/`mb` 2, ...
    ///
    /// `y`/`yb` 8.
    private static func power(of unit: String) -> Int? {
        if unit.isEmpty || unit == "b" { return 0 }
        guard let first = unit.first, let index = Array("kmgtpezy").firstIndex(of: first), unit.count <= 2,
            unit.count == 1 || unit.last == "b"
        else { return nil }
        return index + 1
    }

    /// Digits, an optional fraction and an optional exponent, as `%g` writes them.
    private static func isPlainNumber(_ text: String) -> Bool {
        let parts = text.lowercased().split(separator: "e", maxSplits: 1, omittingEmptySubsequences: false)
        let mantissa = parts[0].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = mantissa.first, !whole.isEmpty, whole.allSatisfy(\.isNumber),
            mantissa.count == 1 || (!mantissa[1].isEmpty && mantissa[1].allSatisfy(\.isNumber))
        else { return false }
        guard parts.count == 2 else { return true }
        let exponent = parts[1].drop { $0 == "+" || $0 == "-" }
        return !exponent.isEmpty && exponent.allSatisfy(\.isNumber) && parts[1].count - exponent.count <= 1
    }

    /// Half a unit of the finer of the third significant digit (docker's precision) and the last digit written.
    private static func halfUnit(of text: String, value: Decimal) -> Decimal {
        guard value > 0 else { return 0 }
        let integralDigits = value >= 1 ? String(describing: whole(value, roundingUp: false)).count : 0
        let magnitude = value >= 1 ? integralDigits - 1 : -1
        let lastWritten = value.exponent
        let place = min(magnitude - 2, lastWritten)
        var unit = Decimal(1)
        for _ in 0..<abs(place) { if place < 0 { unit /= 10 } else { unit *= 10 } }
        return unit / 2
    }

    private static func whole(_ value: Decimal, roundingUp: Bool) -> Int64 {
        let text = DecimalText.rounded(value, digits: 30)
        let integral = Int64(text.split(separator: ".").first.map(String.init) ?? "0") ?? 0
        return roundingUp && text.contains(".") ? integral + 1 : integral
    }
}
