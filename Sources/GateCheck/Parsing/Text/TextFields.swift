/// Field splitting and number parsing for the line-oriented text reports (LCOV, Go cover profiles): no allocation,
/// no locale, and every number checked for overflow.
enum TextFields {
    /// The bytes of a line as a string, for messages (invalid UTF-8 repaired).
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// A file path as written, normalised as Cobertura's; bytes that are not UTF-8 are an error, because a repaired
    /// path would name another file (and split its coverage from the same file's in other reports).
    static func path(_ bytes: UnsafeBufferPointer<UInt8>, at line: Int) throws(ReportError) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .malformed(
                "the file path \(quoted(bytes)) is not UTF-8; write the report as UTF-8", at: FilePosition(line: line))
        }
        // Most paths need no normalising, and `normalize` searches the path by Characters (thousands of
        // instructions for a 40-byte path, once per LCOV record).
        guard bytes.contains(UInt8(ascii: "\\")) || bytes.starts(with: "./".utf8) else { return text }
        return CoberturaChecks.normalize(path: text)
    }

    /// A decimal number of digits only, or `nil` when it is empty, has another byte, or exceeds `UInt64`.
    static func unsigned(_ bytes: some Collection<UInt8>) -> UInt64? {
        guard !bytes.isEmpty else { return nil }
        var value: UInt64 = 0
        for byte in bytes {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(UInt64(byte - 0x30))
            if overflow || overflow2 { return nil }
            value = sum
        }
        return value
    }

    /// Whether `bytes` are decimal digits (any number of them), and whether any is not zero: an execution count
    /// only matters as "run or not", so a count beyond `UInt64` is still read.
    static func count(_ bytes: some Collection<UInt8>) -> (valid: Bool, nonZero: Bool) {
        guard !bytes.isEmpty else { return (false, false) }
        var nonZero = false
        for byte in bytes {
            guard byte >= 0x30, byte <= 0x39 else { return (false, false) }
            if byte != 0x30 { nonZero = true }
        }
        return (true, nonZero)
    }

    /// The text of a field for a message: at most 40 bytes, then `…`.
    static func quoted(_ bytes: some Collection<UInt8>) -> String {
        let text = String(decoding: bytes.prefix(40), as: UTF8.self)
        return "\"" + text + (bytes.count > 40 ? "…" : "") + "\""
    }
}
