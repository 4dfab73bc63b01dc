/// A place in a JSON document: a byte offset plus a 1-based line and column.
///
/// Columns count bytes, not characters, so a line holding non-ASCII text reports a larger column than an editor
/// shows. A UTF-8 byte order mark at the start of the document is not counted in the column.
@_spi(Internals) public struct JSONPosition: Sendable, Hashable, CustomStringConvertible {
    /// The number of bytes before this position, from the start of the input.
    public var offset: Int
    /// The 1-based line number; lines end at `\n`.
    public var line: Int
    /// The 1-based column, in bytes from the start of the line.
    public var column: Int

    /// Creates a position from its parts.
    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// The position in words for a message, for example `line 3, column 14`.
    public var description: String { "line \(line), column \(column)" }
}

/// Why a JSON document could not be read.
///
/// Every case except ``empty`` and ``source(_:)`` carries the position of the problem. ``description`` is a
/// sentence for a user: what went wrong, where, and the likely cause or fix.
@_spi(Internals) public enum JSONError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input holds no value at all: it is empty or only whitespace.
    case empty
    /// The input ended inside a value, where `expected` was still needed; the file is usually truncated.
    case unexpectedEnd(JSONPosition, expected: String)
    /// A byte that cannot appear here; `expected` says what could.
    case unexpectedByte(UInt8, JSONPosition, expected: String)
    /// The value has a different kind from the one the caller asked for.
    case typeMismatch(expected: JSONValueKind, found: JSONValueKind, JSONPosition)
    /// A malformed number, such as `01`, `1.`, `.5`, `1e` or `-`.
    case invalidNumber(JSONPosition)
    /// A valid number that does not fit the requested type: too large, not whole where an integer is needed, or
    /// longer than 4,096 bytes when read.
    case numberOutOfRange(String, JSONPosition)
    /// A bare `NaN`, `Infinity` or `-Infinity` (as Python's `json.dumps` writes) while they are not allowed.
    case nonFiniteNumber(String, JSONPosition)
    /// A backslash escape that JSON does not define, such as `\x41` or `\u12G4`.
    case invalidEscape(JSONPosition)
    /// Bytes inside a string that are not valid UTF-8.
    case invalidUTF8(JSONPosition)
    /// A raw byte below 0x20 (for example a newline or tab) inside a string.
    case controlCharacterInString(JSONPosition)
    /// Arrays and objects nest deeper than the reader's `maxDepth`.
    case tooDeep(limit: Int, JSONPosition)
    /// A string or key to be materialised is longer than the reader's `maxStringBytes`.
    case stringTooLong(limit: Int, JSONPosition)
    /// Something other than whitespace follows the complete top-level value.
    case trailingContent(JSONPosition)
    /// An object repeats a key the caller reads (``JSONReader/nextKey(in:)`` with the key in its set).
    case duplicateKey(String, JSONPosition)
    /// The bytes could not be read at all.
    case source(ByteSourceError)

    /// Where the problem is, or `nil` for ``empty`` and ``source(_:)``.
    public var position: JSONPosition? {
        switch self {
        case .empty, .source: nil
        case .unexpectedEnd(let at, _), .unexpectedByte(_, let at, _), .typeMismatch(_, _, let at),
            .invalidNumber(let at), .numberOutOfRange(_, let at), .nonFiniteNumber(_, let at),
            .invalidEscape(let at), .invalidUTF8(let at), .controlCharacterInString(let at),
            .tooDeep(_, let at), .stringTooLong(_, let at), .trailingContent(let at), .duplicateKey(_, let at):
            at
        }
    }

    /// A sentence for the user: what went wrong, where, and the likely cause or fix.
    public var description: String {
        switch self {
        case .empty:
            "The JSON input is empty: no value was found, only whitespace or nothing. "
                + "Check that the report was written completely."
        case .unexpectedEnd(let at, let expected):
            "The JSON input ends unexpectedly at \(at), where \(expected) was expected. "
                + "The file is probably truncated (an interrupted write, a full disk or a size limit)."
        case .unexpectedByte(let byte, let at, let expected):
            "Unexpected \(Self.describe(byte)) at \(at); expected \(expected)."
                + Self.hint(byte: byte, expected: expected)
        case .typeMismatch(let expected, let found, let at):
            "Expected \(expected.withArticle) but found \(found.withArticle) at \(at); "
                + "the document does not have the structure this report format should have."
        case .invalidNumber(let at):
            "Invalid number at \(at). JSON numbers have no leading zeros, no leading '+' or '.', "
                + "and need digits after '.' and after 'e'."
        case .numberOutOfRange(let text, let at):
            "The number \(text) at \(at) cannot be used here: it is too large, too long, "
                + "or not a whole number where an integer is required."
        case .nonFiniteNumber(let text, let at):
            "'\(text)' at \(at) is not valid JSON. Python's json.dumps writes NaN and Infinity this way "
                + "(allow_nan=True is its default). Fix the producer (replace them with null, or pass "
                + "allow_nan=False), or allow non-finite numbers when reading."
        case .invalidEscape(let at):
            "Invalid escape sequence at \(at). JSON allows only \\\" \\\\ \\/ \\b \\f \\n \\r \\t "
                + "and \\u followed by four hexadecimal digits."
        case .invalidUTF8(let at):
            "Invalid UTF-8 at \(at). JSON text must be UTF-8; the file may be in another encoding "
                + "(Latin-1, Windows-1252, UTF-16) or corrupted."
        case .controlCharacterInString(let at):
            "A raw control character (such as a newline or tab) appears inside a string at \(at). "
                + "JSON requires it to be escaped (\\n, \\t, \\u0000); the string may also lack its closing quote."
        case .tooDeep(let limit, let at):
            "Arrays and objects nest deeper than \(limit) levels at \(at). "
                + "No real report nests this deep: the file is corrupted or hostile."
        case .stringTooLong(let limit, let at):
            "The string starting at \(at) is longer than \(limit) bytes, the limit for one string or key."
        case .trailingContent(let at):
            "Unexpected content at \(at) after the end of the JSON value. The file holds more than one value "
                + "(JSON Lines, or two reports written into one file) or extra characters after the last bracket."
        case .duplicateKey(let key, let at):
            "The key \"\(key)\" appears twice in one object at \(at). JSON readers disagree on which one counts "
                + "(the first or the last), so the document is ambiguous; write each key once."
        case .source(let error):
            "The JSON input could not be read: \(error.message)"
        }
    }

    // MARK: - Private

    private static func describe(_ byte: UInt8) -> String {
        if byte == UInt8(ascii: "'") { return "single quote" }
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        if byte == 0x20 { return "space" }
        let hex = String(byte, radix: 16, uppercase: true)
        return "byte 0x\(byte < 0x10 ? "0" : "")\(hex)"
    }

    private static func hint(byte: UInt8, expected: String) -> String {
        let closing = byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}")
        let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
        if byte == UInt8(ascii: "'") {
            return " JSON strings and keys must use double quotes."
        } else if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "#") {
            return " JSON does not allow comments."
        } else if closing && expected.hasSuffix("after ','") {
            return " A trailing comma before a closing bracket is not allowed in JSON."
        } else if byte == UInt8(ascii: "<") && expected == "a value" {
            return " The file looks like XML (or HTML), not JSON."
        } else if byte == 0x00 || byte == 0xFE || byte == 0xFF {
            return " The file may be UTF-16 or UTF-32 encoded; JSON reports must be UTF-8."
        } else if expected.hasPrefix("','") && (JSONScanner.kind(of: byte) != nil || isLetter) {
            return " A comma is probably missing between two values."
        } else if expected == "a value" && isLetter {
            return " Strings need double quotes, and the only bare words in JSON are true, false and null "
                + "(Python's True, False and None are not JSON)."
        }
        return ""
    }
}

extension JSONValueKind {
    /// The kind's name with an article, for messages: "an object", "a string".
    var withArticle: String {
        self == .object || self == .array ? "an \(rawValue)" : "a \(rawValue)"
    }
}
