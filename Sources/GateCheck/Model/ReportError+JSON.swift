extension ReportError {
    /// The report error for a JSON reader's error: an early end is a truncated report, no value an empty one,
    /// too deep nesting keeps its limit, an I/O failure is unreadable; a repeated key, a value of the wrong type,
    /// a number out of range and an overlong string are invalid values (the JSON is well-formed); anything else is
    /// malformed, with the reader's sentence and position.
    ///
    /// - Parameter lineOffset: lines skipped before the JSON started (Safety's text banner), added to the position
    ///   so that it names the line of the file, not of the JSON.
    init(_ error: JSONError, lineOffset: Int = 0) {
        let at = error.position.map { FilePosition(line: $0.line + lineOffset, column: $0.column) }
        switch error {
        case .empty: self = .empty
        case .unexpectedEnd: self = .truncated(at: at)
        case .tooDeep(let limit, _): self = .tooDeep(limit: limit, at: at)
        case .source(let failure): self = .unreadable(failure.message)
        case .duplicateKey(let key, _):
            self = .invalidValue(
                "the key \"\(key)\" appears twice in one object; JSON readers disagree on which one counts (the first "
                    + "or the last), so the report is ambiguous and cannot be judged", at: at, keyPath: nil)
        case .typeMismatch, .numberOutOfRange, .stringTooLong:
            // Well-formed JSON with a value gatecheck cannot accept: a string where a number belongs, 10^30 bytes.
            self = .invalidValue(error.description, at: at, keyPath: nil)
        case .unexpectedByte, .invalidNumber, .nonFiniteNumber, .invalidEscape, .invalidUTF8, .controlCharacterInString,
            .trailingContent:
            self = .malformed(error.description, at: at)
        }
    }
}
