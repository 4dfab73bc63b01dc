/// An attribute value or text as bytes, with the number parsing gatecheck needs done without allocating.
struct XMLBytes {
    let buffer: UnsafeBufferPointer<UInt8>

    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    /// The bytes as a `String` (invalid UTF-8 repaired), capped at `limit` bytes on a scalar boundary.
    func string(limit: Int = .max) -> String {
        guard buffer.count > limit else { return String(decoding: buffer, as: UTF8.self) }
        var end = limit
        while end > 0, buffer[end] & 0xC0 == 0x80 { end -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: buffer[0..<end]), as: UTF8.self)
    }

    /// Whether the value is empty or only whitespace.
    var isBlank: Bool {
        buffer.allSatisfy(Self.isSpace)
    }

    /// A duration or other measure: a finite number that is not negative.
    ///
    /// `nil` when absent-like (blank), and `.failure` when written but not such a number (`-1`, `NaN`, `1e400`, `n/a`).
    var nonNegativeMeasure: Result<Double, NotAMeasure>? {
        if let value = double, value >= 0 { return .success(value) }
        return isBlank ? nil : .failure(NotAMeasure())
    }

    /// A value written where a measure belongs that is not one.
    struct NotAMeasure: Error {}

    /// Whether the value equals an ASCII literal, ignoring ASCII case (`True`, `true`, `TRUE`).
    func equalsIgnoringCase(_ literal: StaticString) -> Bool {
        guard buffer.count == literal.utf8CodeUnitCount else { return false }
        return literal.withUTF8Buffer { expected in
            for index in 0..<buffer.count where buffer[index] | 0x20 != expected[index] | 0x20 { return false }
            return true
        }
    }

    /// A non-negative integer written as digits, or as a decimal with an integral value (`3.0`) or an exponent (`1e3`),
    /// trimmed of surrounding whitespace.
    ///
    /// Saturates at `Int.max`; `nil` for anything else (including negative numbers, which no count may be).
    @inline(__always)
    var nonNegativeInteger: Int? {
        // Fast path, inlined into the hot callers: plain digits that cannot overflow, which is every hits and number
        // attribute in practice.
        let count = buffer.count
        if count > 0, count <= 18, let base = buffer.baseAddress {
            var value = 0
            var index = 0
            while index < count {
                let digit = base[index] &- 0x30
                guard digit < 10 else { return nonNegativeIntegerSlowly }
                value = value &* 10 &+ Int(digit)
                index &+= 1
            }
            return value
        }
        return nonNegativeIntegerSlowly
    }

    /// ``nonNegativeInteger`` for everything but plain short digits.
    @inline(never)
    private var nonNegativeIntegerSlowly: Int? {
        var index = 0
        var end = buffer.count
        while index < end, Self.isSpace(buffer[index]) { index += 1 }
        while end > index, Self.isSpace(buffer[end - 1]) { end -= 1 }
        guard index < end else { return nil }
        if buffer[index] == UInt8(ascii: "+") { index += 1 }
        var value = 0
        var sawDigit = false
        while index < end, let digit = Self.digit(buffer[index]) {
            sawDigit = true
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (plus, overflow2) = times.addingReportingOverflow(digit)
            value = overflow1 || overflow2 ? Int.max : plus
            index += 1
        }
        if index == end { return sawDigit ? value : nil }
        // Rare forms (`3.0`, `1e3`, `1.0E2`): fall back to the decimal parser and require an integral result.
        guard let double = self.double, double >= 0, double == double.rounded() else { return nil }
        return double >= 9.2e18 ? Int.max : Int(double)
    }

    /// A count that is held exactly: ``nonNegativeInteger`` without its saturation, so a count too large for `Int` is
    /// no count (`nil`) rather than `Int.max`.
    ///
    /// For totals a report states, where a clamped value would be a figure it never stated.
    var exactCount: Int? {
        nonNegativeInteger.flatMap { $0 < Int.max ? $0 : nil }
    }

    /// A finite decimal number in any notation the emitters use (`0.8333`, `1e-05`, `5.0E-4`, `1,234.5` with
    /// thousands separators), or `nil`.
    var double: Double? {
        plainDecimal ?? parsedDouble
    }

    /// The common `123.456` form, exactly: at most 15 significant digits divided by a power of ten is correctly
    /// rounded, as both are exact doubles.
    private var plainDecimal: Double? {
        let count = buffer.count
        guard count > 0, count <= 16, let base = buffer.baseAddress else { return nil }
        var mantissa: Int64 = 0
        var point = -1
        var index = 0
        while index < count {
            let byte = base[index]
            let digit = byte &- 0x30
            if digit < 10 {
                mantissa = mantissa &* 10 &+ Int64(digit)  // at most 16 digits: cannot overflow
            } else if byte == UInt8(ascii: "."), point < 0 {
                point = index
            } else {
                return nil
            }
            index &+= 1
        }
        // `.5` and `5.` are left to the general parser, as are more than 15 significant digits.
        guard point != 0, point != count - 1, count - (point < 0 ? 0 : 1) <= 15 else { return nil }
        return Double(mantissa) / Self.powersOfTen[point < 0 ? 0 : count - 1 - point]
    }

    private static let powersOfTen: [Double] = (0...15).map { exponent in
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }

    private var parsedDouble: Double? {
        var text = [UInt8]()
        text.reserveCapacity(min(buffer.count, 64))
        for byte in buffer where !Self.isSpace(byte) && byte != UInt8(ascii: ",") {
            guard text.count < 64 else { return nil }
            text.append(byte)
        }
        guard !text.isEmpty, let first = text.first,
            Self.digit(first) != nil || first == UInt8(ascii: ".") || first == UInt8(ascii: "-")
                || first == UInt8(ascii: "+"),
            let value = Double(String(decoding: text, as: UTF8.self)), value.isFinite
        else { return nil }
        return value
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func digit(_ byte: UInt8) -> Int? {
        byte >= 0x30 && byte <= 0x39 ? Int(byte - 0x30) : nil
    }
}

extension XMLBytes {
    /// The first non-blank line of captured text, for a failure without a message attribute.
    static func firstLine(of bytes: [UInt8], limit: Int) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        let line = text.split(whereSeparator: \.isNewline).first { !$0.allSatisfy(\.isWhitespace) } ?? ""
        return String(line.trimmingWhitespace.prefix(limit))
    }
}
