extension JSONReader {
    /// A string, or `nil` for `null`; at most `maxBytes` UTF-8 bytes of it are kept (names and ids, not bodies).
    mutating func readNullableText(maxBytes: Int = 1024) throws(JSONError) -> String? {
        if try peek() == .null {
            try readNull()
            return nil
        }
        return try readStringPrefix(maxBytes: maxBytes).0
    }

    /// A number as written, or `nil` for `null`.
    mutating func readNullableNumber() throws(JSONError) -> JSONNumber? {
        if try peek() == .null {
            try readNull()
            return nil
        }
        return try readNumber()
    }

    /// Whether another top-level value follows the one just read (JSON lines). Call only between top-level values.
    mutating func hasAnotherValue() throws(JSONError) -> Bool {
        do {
            _ = try peek()
            return true
        } catch {
            if case .unexpectedEnd = error { return false }
            throw error
        }
    }
}
