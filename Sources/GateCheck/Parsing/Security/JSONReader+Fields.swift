/// Field readers shared by the security report parsers: lenient about `null` where tools write it for "none",
/// strict about types everywhere else (a wrong type is a malformed report, never silently a zero).
extension JSONReader {
    /// A string, or `nil` for `null`.
    mutating func readOptionalString() throws(JSONError) -> String? {
        if try peek() == .null {
            try readNull()
            return nil
        }
        return try readString()
    }

    /// An array of strings; `null` reads as empty.
    mutating func readStringList() throws(JSONError) -> [String] {
        if try peek() == .null {
            try readNull()
            return []
        }
        var values: [String] = []
        try beginArray()
        while try nextElement() { values.append(try readString()) }
        return values
    }

    /// Calls `body` once per element of an array; `null` is an empty array.
    mutating func forEachElement(_ body: (inout Self) throws -> Void) throws {
        if try peek() == .null {
            try readNull()
            return
        }
        try beginArray()
        while try nextElement() { try body(&self) }
    }

    /// A whole number, or `nil` for `null`; values beyond `Int` are clamped.
    mutating func readOptionalInt() throws(JSONError) -> Int? {
        if try peek() == .null {
            try readNull()
            return nil
        }
        return Int(clamping: try readInt64())
    }

    /// A line number, or `nil` for `null` or a negative number, which no report means as a line.
    mutating func readOptionalLine() throws(JSONError) -> Int? {
        guard let line = try readOptionalInt(), line >= 0 else { return nil }
        return line
    }

    /// A message or description, cut to ``Finding/messageLimit`` bytes on a character boundary.
    mutating func readMessage() throws(JSONError) -> String {
        if try peek() == .null {
            try readNull()
            return ""
        }
        return try readStringPrefix(maxBytes: Finding.messageLimit).0
    }

    /// A score written as a number or as a numeric string (SARIF `security-severity` is a string); `nil` for
    /// `null` or a string that is not a number.
    mutating func readScore() throws(JSONError) -> Double? {
        switch try peek() {
        case .null:
            try readNull()
            return nil
        case .string:
            return Double(try readString().trimmingWhitespace)
        default:
            return try readDouble()
        }
    }
}

/// The top-level keys a parser saw, for the message when a document turns out not to be its kind.
struct SeenKeys {
    private(set) var names: [String] = []

    /// Records the reader's last key (the first six are kept).
    mutating func record<Source: ByteSource>(_ reader: JSONReader<Source>) {
        if names.count < 6 { names.append(reader.lastKey) }
    }

    /// `JSON with top-level keys "a", "b"`, or `an empty JSON object`.
    var description: String {
        names.isEmpty
            ? "an empty JSON object" : "JSON with top-level keys " + names.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}

extension JSONValueKind {
    /// The value kind as a wrong-kind message names it: `a JSON array`, `a JSON string`.
    var asTopLevel: String { "a JSON \(rawValue) at the top level" }
}

extension ReportError {
    /// A value the report format does not allow, at a position in the JSON.
    static func invalid(_ message: String, at position: JSONPosition, keyPath: String) -> ReportError {
        .invalidValue(message, at: FilePosition(line: position.line, column: position.column), keyPath: keyPath)
    }
}

/// A parsed security report and what the parser noticed on the way.
@_spi(Internals) public struct ParsedFindings: Sendable, Hashable {
    /// The counts and kept findings.
    public var report: FindingsReport
    /// Warnings about the file (files the tool could not scan, results needing review); the file path is filled
    /// in by the caller.
    public var diagnostics: [Diagnostic]
}
