/// Turns UTF-16 text into UTF-8 as it streams through, for JSON reports written as UTF-16 with a byte order mark
/// (Windows PowerShell's `>` and `Out-File` write that), since the JSON reader reads UTF-8 only.
///
/// Input arrives in chunks of any size, so a code unit or a surrogate pair may be split between two calls. Invalid
/// UTF-16 (a lone surrogate, an odd byte at the end) becomes the byte 0xFF, which is never valid UTF-8: the JSON
/// reader then refuses the report at that place instead of the damage being smoothed over.
///
/// ```swift
/// var decoder = UTF16ToUTF8(bigEndian: false)
/// var text: [UInt8] = []
/// decoder.append(bytes, to: &text)
/// decoder.finish(into: &text)
/// ```
struct UTF16ToUTF8 {
    /// Whether the code units are big-endian (`FE FF` byte order mark) or little-endian (`FF FE`).
    let bigEndian: Bool
    private var oddByte: UInt8?
    private var highSurrogate: UInt16?

    init(bigEndian: Bool) {
        self.bigEndian = bigEndian
    }

    /// The byte order a UTF-16 byte order mark announces (`true` for big-endian), or `nil` when the two bytes are
    /// not one.
    static func byteOrder(_ first: UInt8, _ second: UInt8) -> Bool? {
        switch (first, second) {
        case (0xFE, 0xFF): true
        case (0xFF, 0xFE): false
        default: nil
        }
    }

    /// Decodes `bytes` (the byte order mark already removed) and appends their UTF-8 to `output`.
    mutating func append(_ bytes: UnsafeRawBufferPointer, to output: inout [UInt8]) {
        for byte in bytes {
            guard let first = oddByte else {
                oddByte = byte
                continue
            }
            oddByte = nil
            decode(bigEndian ? UInt16(first) << 8 | UInt16(byte) : UInt16(byte) << 8 | UInt16(first), into: &output)
        }
    }

    /// Ends the input: a half code unit or a high surrogate without its pair left over is invalid.
    mutating func finish(into output: inout [UInt8]) {
        if oddByte != nil || highSurrogate != nil { output.append(Self.invalid) }
        oddByte = nil
        highSurrogate = nil
    }

    // MARK: - Private

    private static let invalid: UInt8 = 0xFF

    private mutating func decode(_ unit: UInt16, into output: inout [UInt8]) {
        if let high = highSurrogate {
            highSurrogate = nil
            if unit & 0xFC00 == 0xDC00 {
                append(0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(unit - 0xDC00), to: &output)
                return
            }
            output.append(Self.invalid)
        }
        switch unit & 0xFC00 {
        case 0xD800: highSurrogate = unit
        case 0xDC00: output.append(Self.invalid)
        default: append(UInt32(unit), to: &output)
        }
    }

    private func append(_ scalar: UInt32, to output: inout [UInt8]) {
        // Never a surrogate here, so always a scalar.
        guard let scalar = Unicode.Scalar(scalar) else { return output.append(Self.invalid) }
        UTF8.encode(scalar) { output.append($0) }
    }
}
