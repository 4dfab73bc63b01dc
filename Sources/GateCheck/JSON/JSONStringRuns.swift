/// The index of the first byte in `index..<end` that ends a plain run inside a string, or `end`.
///
/// A run ends at a quote, a backslash, a control byte or a non-ASCII byte.
///
/// Eight bytes are tested at a time with SWAR bit tricks; the lowest flagged byte is always a real match, and the
/// byte loop re-checks it anyway.
@inline(__always)
func jsonStringRunEnd(_ bytes: UnsafeMutablePointer<UInt8>, _ index: Int, _ end: Int) -> Int {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    var index = index
    while index + 8 <= end {
        let word = UInt64(littleEndian: UnsafeRawPointer(bytes + index).loadUnaligned(as: UInt64.self))
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        let flags =
            ((quotes &- ones) & ~quotes) | ((backslashes &- ones) & ~backslashes)
            | ((word &- ones &* 0x20) & ~word) | word
        let hits = flags & highs
        if hits != 0 {
            index += hits.trailingZeroBitCount >> 3
            break
        }
        index += 8
    }
    while index < end {
        let byte = bytes[index]
        if byte == ASCII.quote || byte == ASCII.backslash || byte &- 0x20 >= 0x60 { break }
        index += 1
    }
    return index
}

/// The end of the run of valid multi-byte UTF-8 sequences starting at `index`, checking only sequences whose four
/// bytes of lookahead lie before `end`; returns `index` when the first one is invalid or too close to `end`.
///
/// Validation follows the Unicode standard's table of well-formed sequences: no overlong forms, no surrogates,
/// nothing above U+10FFFF. The caller's slow path reports errors and handles sequences at the chunk's end.
@inline(__always)
func jsonValidUTF8RunEnd(_ bytes: UnsafeMutablePointer<UInt8>, _ index: Int, _ end: Int) -> Int {
    var index = index
    while end - index >= 4 {
        let lead = bytes[index]
        let second = bytes[index + 1]
        let count: Int
        if lead < 0xC2 {
            break
        } else if lead < 0xE0 {
            guard second & 0xC0 == 0x80 else { break }
            count = 2
        } else if lead < 0xF0 {
            let low: UInt8 = lead == 0xE0 ? 0xA0 : 0x80
            let high: UInt8 = lead == 0xED ? 0x9F : 0xBF
            guard second >= low && second <= high && bytes[index + 2] & 0xC0 == 0x80 else { break }
            count = 3
        } else if lead <= 0xF4 {
            let low: UInt8 = lead == 0xF0 ? 0x90 : 0x80
            let high: UInt8 = lead == 0xF4 ? 0x8F : 0xBF
            guard second >= low && second <= high && bytes[index + 2] & 0xC0 == 0x80 && bytes[index + 3] & 0xC0 == 0x80
            else { break }
            count = 4
        } else {
            break
        }
        index += count
    }
    return index
}
