/// ASCII bytes the scanner compares against.
enum ASCII {
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let comma = UInt8(ascii: ",")
    static let colon = UInt8(ascii: ":")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
}

extension JSONScanner {
    /// The kind of value that starts with `byte`, or `nil` when no value starts with it.
    static func kind(of byte: UInt8) -> JSONValueKind? {
        switch byte {
        case ASCII.openBrace: .object
        case ASCII.openBracket: .array
        case ASCII.quote: .string
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "N"), UInt8(ascii: "I"): .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"): .bool
        case UInt8(ascii: "n"): .null
        default: nil
        }
    }

    /// The error for an input that ends where a value should start.
    func endOfInputInsteadOfValue() -> JSONError {
        stack.isEmpty && state == .needValue ? .empty : .unexpectedEnd(position, expected: "a value")
    }

    /// Skips whitespace and returns the first byte of the next value, without consuming it.
    mutating func valueStart() throws(JSONError) -> UInt8 {
        guard let byte = try nextNonWhitespace() else { throw endOfInputInsteadOfValue() }
        return byte
    }

    mutating func peek() throws(JSONError) -> JSONValueKind {
        let byte = try valueStart()
        guard let kind = Self.kind(of: byte) else { throw .unexpectedByte(byte, position, expected: "a value") }
        return kind
    }

    /// Skips whitespace, checks that the next value has `kind`, and returns its first byte (not consumed).
    mutating func expect(_ kind: JSONValueKind) throws(JSONError) -> UInt8 {
        let byte = try valueStart()
        guard let found = Self.kind(of: byte) else { throw .unexpectedByte(byte, position, expected: "a value") }
        guard found == kind else { throw .typeMismatch(expected: kind, found: found, position) }
        return byte
    }

    /// Consumes an opening bracket and enters its container, enforcing `maxDepth`.
    mutating func push(_ container: JSONContainer) throws(JSONError) {
        guard stack.count < options.maxDepth else { throw .tooDeep(limit: options.maxDepth, position) }
        stack.append(container)
        seenKeys.append(0)
        state = .first
        pos += 1
    }

    /// Consumes a closing bracket and leaves its container.
    mutating func pop() {
        pos += 1
        stack.removeLast()
        seenKeys.removeLast()
        state = .afterValue
    }

    mutating func beginObject() throws(JSONError) {
        _ = try expect(.object)
        try push(.object)
    }

    mutating func beginArray() throws(JSONError) {
        _ = try expect(.array)
        try push(.array)
    }

    mutating func nextKey(in keys: JSONKeySet) throws(JSONError) -> Int? {
        guard case .object? = stack.last else { throw notInside(.object) }
        switch state {
        case .first:
            guard let byte = try nextNonWhitespace() else { throw .unexpectedEnd(position, expected: "a key or '}'") }
            if byte == ASCII.closeBrace {
                pop()
                return nil
            }
            guard byte == ASCII.quote else { throw .unexpectedByte(byte, position, expected: "a string key or '}'") }
        case .needValue, .afterValue:
            if state == .needValue { try skip(from: .value, toDepth: stack.count) }
            guard let byte = try nextNonWhitespace() else { throw .unexpectedEnd(position, expected: "',' or '}'") }
            if byte == ASCII.closeBrace {
                pop()
                return nil
            }
            guard byte == ASCII.comma else { throw .unexpectedByte(byte, position, expected: "',' or '}'") }
            pos += 1
            guard let next = try nextNonWhitespace() else { throw .unexpectedEnd(position, expected: "a key") }
            guard next == ASCII.quote else { throw .unexpectedByte(next, position, expected: "a string key after ','") }
        }
        let index = try readKey(in: keys)
        try noteKnownKey(index)
        try consumeColon()
        state = .needValue
        return index
    }

    /// Refuses a key of the caller's set that this object already had.
    ///
    /// JSON readers disagree on which of two equal keys counts (the first or the last), so a report with a repeated
    /// key that gatecheck reads could be judged differently from what its tool meant: `"Severity": "CRITICAL",
    /// "Severity": "LOW"`. Keys outside the set are not tracked (their values are never read), so this costs one
    /// bit per known key of each open object.
    @inline(__always)
    private mutating func noteKnownKey(_ index: Int) throws(JSONError) {
        guard index >= 0, index < UInt64.bitWidth else { return }
        let bit: UInt64 = 1 << UInt64(index)
        let last = seenKeys.count - 1
        if seenKeys[last] & bit != 0 { throw .duplicateKey(lastKey, keyPosition) }
        seenKeys[last] |= bit
    }

    /// Consumes the `:` after a key.
    mutating func consumeColon() throws(JSONError) {
        guard let byte = try nextNonWhitespace() else { throw .unexpectedEnd(position, expected: "':' after the key") }
        guard byte == ASCII.colon else { throw .unexpectedByte(byte, position, expected: "':' after the key") }
        pos += 1
    }

    mutating func nextElement() throws(JSONError) -> Bool {
        guard case .array? = stack.last else { throw notInside(.array) }
        switch state {
        case .first:
            guard let byte = try nextNonWhitespace() else { throw .unexpectedEnd(position, expected: "a value or ']'") }
            if byte == ASCII.closeBracket {
                pop()
                return false
            }
        case .needValue, .afterValue:
            if state == .needValue { try skip(from: .value, toDepth: stack.count) }
            guard let byte = try nextNonWhitespace() else { throw .unexpectedEnd(position, expected: "',' or ']'") }
            if byte == ASCII.closeBracket {
                pop()
                return false
            }
            guard byte == ASCII.comma else { throw .unexpectedByte(byte, position, expected: "',' or ']'") }
            pos += 1
            guard let next = try nextNonWhitespace() else { throw .unexpectedEnd(position, expected: "a value") }
            if next == ASCII.closeBracket { throw .unexpectedByte(next, position, expected: "a value after ','") }
        }
        state = .needValue
        return true
    }

    mutating func finish() throws(JSONError) {
        if !stack.isEmpty || state != .afterValue {
            let from: JSONSkipState =
                switch state {
                case .first: .first
                case .needValue: .value
                case .afterValue: .afterValue
                }
            try skip(from: from, toDepth: 0)
        }
        if options.allowTrailingContent { return }
        if try nextNonWhitespace() != nil { throw .trailingContent(position) }
    }

    /// The error for `nextKey` outside an object or `nextElement` outside an array (a caller's mistake).
    private mutating func notInside(_ expected: JSONValueKind) -> JSONError {
        let found: JSONValueKind =
            switch stack.last {
            case .object: .object
            case .array: .array
            case nil: (try? peek()) ?? .null
            }
        return .typeMismatch(expected: expected, found: found, position)
    }
}
