/// What the skipping state machine expects next.
enum JSONSkipState {
    /// Any value.
    case value
    /// Just inside `{` or `[`: the first member/element, or the closing bracket.
    case first
    /// After a value: `,` or the closing bracket of the innermost container.
    case afterValue
}

extension JSONScanner {
    /// Skips one complete value, validating it, without recursion and without materialising anything.
    mutating func skipValue() throws(JSONError) {
        try skip(from: .value, toDepth: stack.count)
    }

    /// Runs the skipping state machine from `initial` until a value ends with the stack back at `target` depth.
    ///
    /// Containers opened while skipping go on the same stack as the caller's, so `maxDepth` counts both. Strings
    /// and keys are validated (escapes, control bytes, UTF-8) but never stored.
    mutating func skip(from initial: JSONSkipState, toDepth target: Int) throws(JSONError) {
        var expecting = initial
        while true {
            switch expecting {
            case .value:
                guard let byte = try nextNonWhitespace() else { throw endOfInputInsteadOfValue() }
                switch byte {
                case ASCII.quote:
                    _ = try scanString(collect: false, limit: .max, truncating: false)
                    expecting = .afterValue
                case ASCII.openBrace:
                    try push(.object)
                    expecting = .first
                case ASCII.openBracket:
                    try push(.array)
                    expecting = .first
                default:
                    try skipScalar(byte)
                    expecting = .afterValue
                }
            case .first:
                let isObject = stack.last.map { $0 == .object } ?? false
                guard let byte = try nextNonWhitespace() else {
                    throw .unexpectedEnd(position, expected: isObject ? "a key or '}'" : "a value or ']'")
                }
                if byte == (isObject ? ASCII.closeBrace : ASCII.closeBracket) {
                    pop()
                    expecting = .afterValue
                } else if !isObject {
                    expecting = .value
                } else if byte == ASCII.quote {
                    try skipKey()
                    expecting = .value
                } else {
                    throw .unexpectedByte(byte, position, expected: "a string key or '}'")
                }
            case .afterValue:
                if stack.count <= target {
                    state = .afterValue
                    return
                }
                expecting = try skipSeparator(inObject: stack.last.map { $0 == .object } ?? false)
            }
        }
    }

    /// After a value inside a container: consumes `,` (and a following key) or the closing bracket.
    private mutating func skipSeparator(inObject: Bool) throws(JSONError) -> JSONSkipState {
        let close = inObject ? ASCII.closeBrace : ASCII.closeBracket
        guard let byte = try nextNonWhitespace() else {
            throw .unexpectedEnd(position, expected: inObject ? "',' or '}'" : "',' or ']'")
        }
        if byte == close {
            pop()
            return .afterValue
        }
        guard byte == ASCII.comma else {
            throw .unexpectedByte(byte, position, expected: inObject ? "',' or '}'" : "',' or ']'")
        }
        pos += 1
        guard let next = try nextNonWhitespace() else {
            throw .unexpectedEnd(position, expected: inObject ? "a key" : "a value")
        }
        if !inObject {
            if next == close { throw .unexpectedByte(next, position, expected: "a value after ','") }
            return .value
        }
        guard next == ASCII.quote else { throw .unexpectedByte(next, position, expected: "a string key after ','") }
        try skipKey()
        return .value
    }

    /// Skips a key (at its opening quote) and the `:` after it.
    private mutating func skipKey() throws(JSONError) {
        _ = try scanString(collect: false, limit: .max, truncating: false)
        try consumeColon()
    }
}
