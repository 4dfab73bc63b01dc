#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension HistoryReader {
    /// A plain decimal (`-12.345`: no exponent, at most 18 digits) built from its digits, exactly and without
    /// `Decimal(string:)`, which costs thousands of instructions a number; `nil` for any other text.
    public static func fastDecimal(_ text: String) -> Decimal? {
        fastDigits(text).map {
            Decimal(sign: $0.negative ? .minus : .plus, exponent: -$0.scale, significand: Decimal($0.mantissa))
        }
    }

    /// The digits of a plain decimal: sign, mantissa without trailing fraction zeros (the compact form
    /// `Decimal(string:)` gives) and the number of fraction digits.
    static func fastDigits(_ text: String) -> (negative: Bool, mantissa: UInt64, scale: Int)? {
        var mantissa: UInt64 = 0
        var digits = 0
        var scale = 0
        var negative = false
        var seenPoint = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "-") where digits == 0 && !negative && !seenPoint: negative = true
            case UInt8(ascii: ".") where !seenPoint && digits > 0: seenPoint = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard digits < 18 else { return nil }
                mantissa = mantissa * 10 + UInt64(byte - UInt8(ascii: "0"))
                digits += 1
                if seenPoint { scale += 1 }
            default: return nil
            }
        }
        guard digits > 0 else { return nil }
        while scale > 0, mantissa % 10 == 0 {
            mantissa /= 10
            scale -= 1
        }
        return (negative, mantissa, scale)
    }
}

/// A history file that cannot be used: the file, the line (and column) and why; the verdict is `error` (exit 2).
@_spi(Internals) public struct HistoryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The history file as named on the command line.
    public var file: String
    /// The 1-based line number of the damaged line (`nil` when the bytes could not be read at all).
    public var line: Int?
    /// The 1-based byte column, when known.
    public var column: Int?
    /// What is wrong and, where it helps, the fix.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int?, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `history.jsonl line 7: ...`.
    public var description: String {
        "\(file)\(line.map { " line \($0)" } ?? ""): \(message)"
    }

    /// The error as a verdict diagnostic (`history.malformed`).
    public var diagnostic: Diagnostic {
        Diagnostic(
            .error, code: "history.malformed",
            message: "the history \(description); a damaged line is never skipped. Fix or remove the line (the file "
                + "is append-only JSON Lines, one object per line), then run again",
            file: file, line: line, column: column)
    }
}
