extension JSONScanner {
    mutating func readString() throws(JSONError) -> String {
        _ = try expect(.string)
        // Fast path: an ASCII string without escapes that lies wholly in the chunk.
        let bytes = chunk.base
        let close = jsonStringRunEnd(bytes, pos + 1, end)
        if close < end && bytes[close] == ASCII.quote {
            let count = close - pos - 1
            guard count <= options.maxStringBytes else {
                throw .stringTooLong(limit: options.maxStringBytes, position)
            }
            let string = String(decoding: UnsafeBufferPointer(start: bytes + pos + 1, count: count), as: UTF8.self)
            pos = close + 1
            state = .afterValue
            return string
        }
        _ = try scanString(collect: true, limit: options.maxStringBytes, truncating: false)
        state = .afterValue
        return String(decoding: scratch, as: UTF8.self)
    }

    mutating func readStringPrefix(maxBytes: Int) throws(JSONError) -> (String, truncated: Bool) {
        _ = try expect(.string)
        let truncated = try scanString(collect: true, limit: max(0, maxBytes), truncating: true)
        state = .afterValue
        return (String(decoding: scratch, as: UTF8.self), truncated)
    }

    /// Reads the key at `pos` (its opening quote) into `keyBytes` and returns its index in `keys`.
    mutating func readKey(in keys: JSONKeySet) throws(JSONError) -> Int {
        keyPosition = position
        keyStart = -1
        let bytes = chunk.base
        let close = jsonStringRunEnd(bytes, pos + 1, end)
        if close < end && bytes[close] == ASCII.quote {
            let count = close - pos - 1
            guard count <= options.maxStringBytes else {
                throw .stringTooLong(limit: options.maxStringBytes, keyPosition)
            }
            keyStart = pos + 1
            keyCount = count
            pos = close + 1
            return keys.index(of: UnsafeBufferPointer(start: bytes + keyStart, count: count))
        } else {
            swap(&scratch, &keyBytes)
            defer { swap(&scratch, &keyBytes) }
            _ = try scanString(collect: true, limit: options.maxStringBytes, truncating: false)
        }
        return keyBytes.withUnsafeBufferPointer { keys.index(of: $0) }
    }

    /// Scans the string whose opening quote is at `pos`, validating it, through its closing quote.
    ///
    /// With `collect`, the decoded bytes go to `scratch`: beyond `limit` bytes the scan throws `stringTooLong`,
    /// or with `truncating` stops collecting (on a scalar boundary) and returns `true`. Without `collect` nothing
    /// is stored, so a string of any length is skipped in the chunk's memory.
    mutating func scanString(collect: Bool, limit: Int, truncating: Bool) throws(JSONError) -> Bool {
        let start = position
        var sink = StringSink(collecting: collect, limit: limit, truncating: truncating, start: start)
        if collect { scratch.removeAll(keepingCapacity: true) }
        pos += 1
        while true {
            let bytes = chunk.base
            let runEnd = jsonStringRunEnd(bytes, pos, end)
            if sink.collecting && runEnd > pos {
                try sink.append(bytes + pos, count: runEnd - pos, divisible: true, to: &scratch)
            }
            pos = runEnd
            if runEnd == end {
                guard try refill() else {
                    throw .unexpectedEnd(position, expected: "'\"' to close the string that starts at \(start)")
                }
                continue
            }
            let byte = bytes[runEnd]
            if byte == ASCII.quote {
                pos += 1
                return sink.truncated
            } else if byte == ASCII.backslash {
                let scalar = try readEscape()
                if sink.collecting { try sink.append(scalar, to: &scratch) }
            } else if byte < 0x20 {
                throw .controlCharacterInString(position)
            } else {
                // Fast path: a run of valid multi-byte sequences with four bytes of lookahead in the chunk.
                let runEnd = jsonValidUTF8RunEnd(bytes, pos, end)
                if runEnd > pos && (!sink.collecting || runEnd - pos <= limit - scratch.count) {
                    if sink.collecting {
                        try sink.append(bytes + pos, count: runEnd - pos, divisible: false, to: &scratch)
                    }
                    pos = runEnd
                    continue
                }
                let count = try utf8SequenceLength()
                if sink.collecting { try sink.append(chunk.base + pos, count: count, divisible: false, to: &scratch) }
                pos += count
            }
        }
    }

    /// Decodes the escape sequence at `pos` (its backslash) and returns the scalar it stands for.
    ///
    /// A surrogate pair becomes one scalar; a lone surrogate becomes U+FFFD, as Python writes lone surrogates
    /// for undecodable file names (`surrogateescape`) and rejecting the whole report for one name helps nobody.
    private mutating func readEscape() throws(JSONError) -> UInt32 {
        let escape = position
        guard try ensure(2) else { throw .unexpectedEnd(at(end), expected: "an escape sequence") }
        let kind = chunk.base[pos + 1]
        let simple: UInt32? =
            switch kind {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): UInt32(kind)
            case UInt8(ascii: "b"): 0x08
            case UInt8(ascii: "f"): 0x0C
            case UInt8(ascii: "n"): 0x0A
            case UInt8(ascii: "r"): 0x0D
            case UInt8(ascii: "t"): 0x09
            default: nil
            }
        if let simple {
            pos += 2
            return simple
        }
        guard kind == UInt8(ascii: "u") else { throw .invalidEscape(escape) }
        let unit = try readHex4(escape: escape)
        if unit & 0xF800 != 0xD800 { return unit }
        if unit >= 0xDC00 { return 0xFFFD }
        guard try ensure(6) else { return 0xFFFD }
        let bytes = chunk.base
        guard bytes[pos] == ASCII.backslash && bytes[pos + 1] == UInt8(ascii: "u"),
            let low = Self.hexValue(bytes + pos + 2), low & 0xFC00 == 0xDC00
        else { return 0xFFFD }
        pos += 6
        return 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
    }

    /// Reads the four hex digits of the `\u` escape at `pos` and consumes the escape.
    private mutating func readHex4(escape: JSONPosition) throws(JSONError) -> UInt32 {
        let complete = try ensure(6)
        let bytes = chunk.base
        if let value = complete ? Self.hexValue(bytes + pos + 2) : nil {
            pos += 6
            return value
        }
        for index in (pos + 2)..<min(end, pos + 6) where Self.hexDigit(bytes[index]) == nil {
            throw .invalidEscape(escape)
        }
        throw .unexpectedEnd(at(end), expected: "four hexadecimal digits after \\u")
    }

    /// Checks the UTF-8 sequence whose lead byte (≥ 0x80) is at `pos` and returns its length (not consumed).
    private mutating func utf8SequenceLength() throws(JSONError) -> Int {
        let lead = position
        let (count, low, high): (Int, UInt8, UInt8) =
            switch chunk.base[pos] {
            case 0xC2...0xDF: (2, 0x80, 0xBF)
            case 0xE0: (3, 0xA0, 0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (3, 0x80, 0xBF)
            case 0xED: (3, 0x80, 0x9F)
            case 0xF0: (4, 0x90, 0xBF)
            case 0xF1...0xF3: (4, 0x80, 0xBF)
            case 0xF4: (4, 0x80, 0x8F)
            default: (0, 0, 0)
            }
        guard count > 0 else { throw .invalidUTF8(lead) }
        let complete = try ensure(count)
        let bytes = chunk.base
        for index in 1..<min(count, end - pos) {
            let byte = bytes[pos + index]
            let valid = index == 1 ? byte >= low && byte <= high : byte & 0xC0 == 0x80
            if !valid { throw .invalidUTF8(lead) }
        }
        if !complete { throw .unexpectedEnd(at(end), expected: "the rest of a UTF-8 sequence") }
        return count
    }

    private static func hexValue(_ bytes: UnsafeMutablePointer<UInt8>) -> UInt32? {
        guard let a = hexDigit(bytes[0]), let b = hexDigit(bytes[1]), let c = hexDigit(bytes[2]),
            let d = hexDigit(bytes[3])
        else { return nil }
        return a << 12 | b << 8 | c << 4 | d
    }

    private static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}

/// Where the decoded bytes of a string go while it is scanned, and the length limit on them.
private struct StringSink {
    var collecting: Bool
    let limit: Int
    let truncating: Bool
    let start: JSONPosition
    var truncated = false

    /// Appends `count` bytes; a `divisible` run (ASCII) may be cut anywhere when truncating.
    mutating func append(
        _ bytes: UnsafeMutablePointer<UInt8>, count: Int, divisible: Bool, to buffer: inout [UInt8]
    ) throws(JSONError) {
        let room = limit - buffer.count
        if count <= room {
            buffer.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
            return
        }
        guard truncating else { throw .stringTooLong(limit: limit, start) }
        if divisible && room > 0 { buffer.append(contentsOf: UnsafeBufferPointer(start: bytes, count: room)) }
        collecting = false
        truncated = true
    }

    /// Appends one scalar in UTF-8, or stops collecting when it does not fit and truncating is allowed.
    mutating func append(_ scalar: UInt32, to buffer: inout [UInt8]) throws(JSONError) {
        let count = scalar < 0x80 ? 1 : scalar < 0x800 ? 2 : scalar < 0x10000 ? 3 : 4
        guard count <= limit - buffer.count else {
            guard truncating else { throw .stringTooLong(limit: limit, start) }
            collecting = false
            truncated = true
            return
        }
        switch count {
        case 1:
            buffer.append(UInt8(scalar))
        case 2:
            buffer.append(UInt8(0xC0 | scalar >> 6))
            buffer.append(UInt8(0x80 | scalar & 0x3F))
        case 3:
            buffer.append(UInt8(0xE0 | scalar >> 12))
            buffer.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            buffer.append(UInt8(0x80 | scalar & 0x3F))
        default:
            buffer.append(UInt8(0xF0 | scalar >> 18))
            buffer.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            buffer.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            buffer.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
