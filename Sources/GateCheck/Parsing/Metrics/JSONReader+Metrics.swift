extension JSONReader {
    /// A number as written, or `nil` for `null`.
    mutating func readNullableNumber() throws(JSONError) -> JSONNumber? {
        if try peek() == .null {
            try readNull()
            return nil
        }
        return try readNumber()
    }

    /// Whether another top-level value follows the one just read (JSON lines).
    ///
    /// Call only between top-level values.
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
