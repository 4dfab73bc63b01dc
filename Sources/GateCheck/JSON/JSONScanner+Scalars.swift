/// The steps of the RFC 8259 number grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
private enum NumberPhase {
    case integerStart, zero, integer, fractionStart, fraction, exponentSign, exponentStart, exponent
}

extension JSONScanner {
    mutating func readBool() throws(JSONError) -> Bool {
        let first = try expect(.bool)
        let value = first == UInt8(ascii: "t")
        try consumeLiteral(value ? "true" : "false")
        state = .afterValue
        return value
    }

    mutating func readNull() throws(JSONError) {
        _ = try expect(.null)
        try consumeLiteral("null")
        state = .afterValue
    }

    mutating func readDouble() throws(JSONError) -> Double {
        let start = try scanNumberForReading()
        guard let value = scratch.withUnsafeBufferPointer({ JSONNumberText.double($0) }) else {
            throw .numberOutOfRange(String(decoding: scratch, as: UTF8.self), start)
        }
        return value
    }

    mutating func readInt64() throws(JSONError) -> Int64 {
        let start = try scanNumberForReading()
        guard let value = scratch.withUnsafeBufferPointer({ JSONNumberText.int64($0) }) else {
            throw .numberOutOfRange(String(decoding: scratch, as: UTF8.self), start)
        }
        return value
    }

    mutating func readNumber() throws(JSONError) -> JSONNumber {
        _ = try scanNumberForReading()
        return JSONNumber(validatedText: String(decoding: scratch, as: UTF8.self))
    }

    /// Reads the number at the next value into `scratch` and returns where it starts.
    private mutating func scanNumberForReading() throws(JSONError) -> JSONPosition {
        _ = try expect(.number)
        let start = position
        try scanNumber(copy: true)
        state = .afterValue
        return start
    }

    /// Skips the scalar value that starts with `first` (not a string: the caller handles those).
    mutating func skipScalar(_ first: UInt8) throws(JSONError) {
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "N"), UInt8(ascii: "I"):
            try scanNumber(copy: false)
        case UInt8(ascii: "t"): try consumeLiteral("true")
        case UInt8(ascii: "f"): try consumeLiteral("false")
        case UInt8(ascii: "n"): try consumeLiteral("null")
        default: throw .unexpectedByte(first, position, expected: "a value")
        }
    }

    /// Scans the number token at `pos`, validating it byte by byte across refills; with `copy` its text goes to
    /// `scratch` (at most ``maxNumberBytes``).
    mutating func scanNumber(copy: Bool) throws(JSONError) {
        let start = position
        if copy { scratch.removeAll(keepingCapacity: true) }
        let first = chunk.base[pos]
        if first == UInt8(ascii: "N") || first == UInt8(ascii: "I") {
            return try scanNonFinite(first == UInt8(ascii: "N") ? "NaN" : "Infinity", start: start, copy: copy)
        }
        if first == UInt8(ascii: "-"), try ensure(2), chunk.base[pos + 1] == UInt8(ascii: "I") {
            return try scanNonFinite("-Infinity", start: start, copy: copy)
        }
        if first == UInt8(ascii: "-") {
            if copy { try keepNumberByte(first, start: start) }
            pos += 1
        }
        if !copy, skipPlainInteger() { return }
        var phase = NumberPhase.integerStart
        while true {
            if pos == end { _ = try refill() }
            let byte = pos < end ? Int(chunk.base[pos]) : -1
            let isDigit = byte >= 0x30 && byte <= 0x39
            let isExponent = byte | 0x20 == 0x65
            let next: NumberPhase?
            switch phase {
            case .integerStart:
                if byte == 0x30 {
                    next = .zero
                } else if isDigit {
                    next = .integer
                } else {
                    throw byte < 0 ? .unexpectedEnd(position, expected: "a digit") : .invalidNumber(start)
                }
            case .zero:
                next = byte == 0x2E ? .fractionStart : isExponent ? .exponentSign : nil
            case .integer:
                next = isDigit ? .integer : byte == 0x2E ? .fractionStart : isExponent ? .exponentSign : nil
            case .fraction:
                next = isDigit ? .fraction : isExponent ? .exponentSign : nil
            case .exponent:
                next = isDigit ? .exponent : nil
            case .fractionStart, .exponentSign, .exponentStart:
                if isDigit {
                    next = phase == .fractionStart ? .fraction : .exponent
                } else if phase == .exponentSign && (byte == 0x2B || byte == 0x2D) {
                    next = .exponentStart
                } else {
                    throw byte < 0 ? .unexpectedEnd(position, expected: "a digit") : .invalidNumber(start)
                }
            }
            guard let next else {
                if byte >= 0 && Self.continuesToken(UInt8(byte)) { throw .invalidNumber(start) }
                return
            }
            if copy { try keepNumberByte(UInt8(byte), start: start) }
            pos += 1
            phase = next
        }
    }

    /// Skips an integer without a leading zero that ends inside the chunk with a delimiter, and says whether it did:
    /// most numbers in reports (lines, counts, ids).
    ///
    /// Anything else is left untouched for the full check.
    @inline(__always)
    private mutating func skipPlainInteger() -> Bool {
        let bytes = chunk.base
        var index = pos
        guard index < end, bytes[index] &- 0x31 < 9 else { return false }
        index += 1
        while index < end, bytes[index] &- 0x30 < 10 { index += 1 }
        guard index < end else { return false }
        guard !Self.continuesToken(bytes[index]) else { return false }
        pos = index
        return true
    }

    /// Consumes `literal` (the next bytes must spell it, followed by a delimiter or the end of the input).
    mutating func consumeLiteral(_ literal: StaticString) throws(JSONError) {
        let count = literal.utf8CodeUnitCount
        let followed = try ensure(count + 1)
        let bytes = chunk.base
        let available = min(end - pos, count)
        for index in 0..<available where bytes[pos + index] != literal.utf8Start[index] {
            let expected = index == 0 ? "a value" : "'\(literal)'"
            throw .unexpectedByte(bytes[pos + index], at(pos + index), expected: expected)
        }
        guard available == count else { throw .unexpectedEnd(at(end), expected: "the rest of '\(literal)'") }
        if followed && Self.continuesToken(bytes[pos + count]) {
            throw .unexpectedByte(bytes[pos + count], at(pos + count), expected: "a delimiter after '\(literal)'")
        }
        pos += count
    }

    /// Whether `byte` would glue onto a number or literal (so the token is malformed rather than finished).
    static func continuesToken(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "-"),
            UInt8(ascii: "_"):
            true
        default:
            false
        }
    }

    // MARK: - Private

    private mutating func scanNonFinite(_ token: StaticString, start: JSONPosition, copy: Bool) throws(JSONError) {
        do {
            try consumeLiteral(token)
        } catch {
            guard case .unexpectedByte = error else { throw error }
            // Not the token after all: a bare word such as Python's None, or a malformed "-I…" number.
            throw token.utf8Start[0] == UInt8(ascii: "-")
                ? .invalidNumber(start) : .unexpectedByte(token.utf8Start[0], start, expected: "a value")
        }
        guard options.allowNonFiniteNumbers else { throw .nonFiniteNumber("\(token)", start) }
        if nonFiniteNumbersSeen.count < Self.maxNonFinitePositions { nonFiniteNumbersSeen.append(start) }
        if copy {
            scratch.append(contentsOf: UnsafeBufferPointer(start: token.utf8Start, count: token.utf8CodeUnitCount))
        }
    }

    private mutating func keepNumberByte(_ byte: UInt8, start: JSONPosition) throws(JSONError) {
        guard scratch.count < Self.maxNumberBytes else {
            throw .numberOutOfRange(String(decoding: scratch.prefix(40), as: UTF8.self) + "…", start)
        }
        scratch.append(byte)
    }
}
