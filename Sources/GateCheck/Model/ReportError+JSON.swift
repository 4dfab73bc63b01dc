extension ReportError {
    /// The report error for a JSON reader's error: an early end is a truncated report, no value an empty one,
    /// too deep nesting keeps its limit, an I/O failure is unreadable, and anything else is malformed, with the
    /// reader's sentence and position.
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
        case .unexpectedByte, .typeMismatch, .invalidNumber, .numberOutOfRange, .nonFiniteNumber, .invalidEscape,
            .invalidUTF8, .controlCharacterInString, .stringTooLong, .trailingContent:
            self = .malformed(error.description, at: at)
        }
    }
}
