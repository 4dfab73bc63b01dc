/// Limits and leniencies of a ``JSONReader``.
@_spi(Internals) public struct JSONReaderOptions: Sendable {
    /// The deepest nesting of arrays and objects accepted; one more level is ``JSONError/tooDeep(limit:_:)``.
    ///
    /// Reading and skipping never recurse, but Swift frees a materialised ``JSONValue`` tree recursively, so keep
    /// this in the hundreds when using ``JSONReader/readValue()``.
    public var maxDepth: Int = 256
    /// The longest string or key, in UTF-8 bytes, that the reader materialises.
    ///
    /// A longer one is ``JSONError/stringTooLong(limit:_:)``. ``JSONReader/skipValue()`` stores nothing, so it has
    /// no such limit.
    public var maxStringBytes: Int = 1 << 20
    /// Accepts Python's bare `NaN`, `Infinity` and `-Infinity` (which `json.dumps` writes by default) as numbers,
    /// recording where they were in ``JSONReader/nonFiniteNumbersSeen``.
    public var allowNonFiniteNumbers: Bool = false
    /// Lets ``JSONReader/finish()`` ignore whatever follows the first complete value.
    public var allowTrailingContent: Bool = false

    /// Creates options; every parameter has the strict default.
    public init(
        maxDepth: Int = 256, maxStringBytes: Int = 1 << 20, allowNonFiniteNumbers: Bool = false,
        allowTrailingContent: Bool = false
    ) {
        self.maxDepth = maxDepth
        self.maxStringBytes = maxStringBytes
        self.allowNonFiniteNumbers = allowNonFiniteNumbers
        self.allowTrailingContent = allowTrailingContent
    }
}

/// A streaming, validating JSON pull reader: the caller walks the document value by value, materialising only
/// what it needs.
///
/// The reader holds one 64 KiB chunk of input plus the string, key or number being read, whatever the size of the
/// document. It follows RFC 8259 strictly (no comments, trailing commas, single quotes, leading zeros or raw control
/// characters in strings; strings must be valid UTF-8) except where ``JSONReaderOptions`` says otherwise. A `\u`
/// escape of a lone surrogate decodes to U+FFFD. Nesting is limited by `maxDepth` and no routine recurses, so no
/// input can exhaust the stack.
///
/// Calls follow the document: `beginObject()` then `nextKey(_:)` (or `nextKey(in:)`) until it returns `nil`,
/// reading one value after each key; `beginArray()` then `nextElement()` until it returns `false`, reading one value
/// after each `true`. A value left unread is skipped (and validated) by the next `nextKey` or `nextElement()`.
/// `finish()` validates the rest of the document. After an error, the reader must not be used again.
///
/// ```swift
/// enum RunKey: String, JSONKeyEnum {
///     case results
///     static let table = JSONKeyTable<Self>()
/// }
/// enum ResultKey: String, JSONKeyEnum {
///     case ruleID = "ruleId", level
///     static let table = JSONKeyTable<Self>()
/// }
///
/// var reader = JSONReader(source)
/// try reader.beginObject()
/// while let key = try reader.nextKey(RunKey.self) {
///     guard key == .known(.results) else { try reader.skipValue(); continue }
///     try reader.beginArray()
///     while try reader.nextElement() {
///         try reader.beginObject()
///         while let field = try reader.nextKey(ResultKey.self) {
///             switch field {
///             case .known(.ruleID): ruleIDs.append(try reader.readString())
///             case .known(.level):
///                 levels.append(try reader.readNullOr { (r) throws(JSONError) in try r.readString() })
///             case .unknown: try reader.skipValue()
///             }
///         }
///     }
/// }
/// try reader.finish()
/// ```
///
/// Copies of a reader share its byte source when the source is a class, so use one reader per document.
@_spi(Internals) public struct JSONReader<Source: ByteSource> {
    var scanner: JSONScanner

    /// Creates a reader over `source`; nothing is read until the first call.
    public init(_ source: Source, options: JSONReaderOptions = .init()) {
        scanner = JSONScanner(source: source, options: options)
    }

    /// The position of the next unread byte; after ``peek()``, the first byte of the next value.
    public var position: JSONPosition { scanner.position }

    /// The text of the key most recently returned by ``nextKey(in:)``, escapes resolved.
    ///
    /// Use it for free-form keys and for messages about unknown keys; each access builds a new `String`.
    public var lastKey: String { scanner.lastKey }

    /// The position of the key most recently returned by ``nextKey(in:)`` (its opening quote).
    var keyPosition: JSONPosition { scanner.keyPosition }

    /// Where non-finite numbers were accepted, so that a caller can warn about them.
    ///
    /// With `allowNonFiniteNumbers`, each `NaN`, `Infinity` and `-Infinity` read or skipped adds its position here.
    /// Only the first 1,000 are recorded, so that memory stays bounded.
    public var nonFiniteNumbersSeen: [JSONPosition] { scanner.nonFiniteNumbersSeen }

    /// Skips whitespace (and a UTF-8 byte order mark at the start) and returns the kind of the next value.
    ///
    /// - Throws: ``JSONError/empty`` for a document without a value, `unexpectedEnd` when the input ends, or
    ///   `unexpectedByte` when no value starts here.
    public mutating func peek() throws(JSONError) -> JSONValueKind { try scanner.peek() }

    /// Consumes the `{` that opens an object.
    ///
    /// - Throws: `typeMismatch` when the next value is not an object; `tooDeep` beyond `maxDepth`.
    public mutating func beginObject() throws(JSONError) { try scanner.beginObject() }

    /// Consumes the next key and its `:` and returns the key's index in `keys` (or ``JSONKeySet/unknown``), or
    /// consumes the closing `}` and returns `nil`.
    ///
    /// Handles the commas between members and rejects a trailing comma. Matching does not allocate; the key's text
    /// is available afterwards as ``lastKey``. If the previous member's value was not read, it is skipped first.
    public mutating func nextKey(in keys: JSONKeySet) throws(JSONError) -> Int? { try scanner.nextKey(in: keys) }

    /// Consumes the `[` that opens an array.
    ///
    /// - Throws: `typeMismatch` when the next value is not an array; `tooDeep` beyond `maxDepth`.
    public mutating func beginArray() throws(JSONError) { try scanner.beginArray() }

    /// Returns `true` when another element follows (read exactly one value next), or consumes the closing `]` and
    /// returns `false`.
    ///
    /// Handles the commas between elements and rejects a trailing comma. If the previous element was not read, it
    /// is skipped first.
    public mutating func nextElement() throws(JSONError) -> Bool { try scanner.nextElement() }

    /// Reads a string, escapes resolved.
    ///
    /// - Throws: `typeMismatch` for another kind; `stringTooLong` beyond `maxStringBytes`; `invalidEscape`,
    ///   `invalidUTF8` or `controlCharacterInString` for a malformed string.
    public mutating func readString() throws(JSONError) -> String { try scanner.readString() }

    /// Reads a whole string but keeps at most its first `maxBytes` UTF-8 bytes, cut on a scalar boundary.
    ///
    /// The rest is validated and skipped without being stored, so this never throws `stringTooLong`: use it for
    /// messages and bodies that are shown capped.
    public mutating func readStringPrefix(maxBytes: Int) throws(JSONError) -> (String, truncated: Bool) {
        try scanner.readStringPrefix(maxBytes: maxBytes)
    }

    /// Reads a number as the correctly rounded `Double` (or a non-finite value when allowed), without allocating
    /// for numbers of up to 19 significant digits.
    ///
    /// - Throws: `numberOutOfRange` when the magnitude overflows a `Double` (`1e400`).
    public mutating func readDouble() throws(JSONError) -> Double { try scanner.readDouble() }

    /// Reads a number that must be a whole `Int64`; `2e3` and `1.0` are accepted.
    ///
    /// - Throws: `numberOutOfRange` for a fraction (`1.5`), a value out of range, or a non-finite number.
    public mutating func readInt64() throws(JSONError) -> Int64 { try scanner.readInt64() }

    /// Reads a number keeping its literal text, for exact decimal comparisons.
    public mutating func readNumber() throws(JSONError) -> JSONNumber { try scanner.readNumber() }

    /// Reads `true` or `false`.
    public mutating func readBool() throws(JSONError) -> Bool { try scanner.readBool() }

    /// Reads `null`.
    public mutating func readNull() throws(JSONError) { try scanner.readNull() }

    /// Returns `nil` after consuming a `null`, or else the result of `read` on this reader.
    ///
    /// Swift 6.3 infers `throws(any Error)` for a closure unless told otherwise, so spell out the thrown type:
    ///
    /// ```swift
    /// let uri = try reader.readNullOr { (r) throws(JSONError) in try r.readString() }
    /// ```
    public mutating func readNullOr<T>(_ read: (inout Self) throws(JSONError) -> T) throws(JSONError) -> T? {
        if try peek() == .null {
            try readNull()
            return nil
        }
        return try read(&self)
    }

    /// Skips one complete value, validating it, without recursion or allocation.
    ///
    /// Validation is as strict as reading: number grammar, escapes, control characters and UTF-8 in strings
    /// (checked with an ASCII fast path, so it costs nothing measurable on typical reports). Nesting counts
    /// against `maxDepth`; strings may have any length, as nothing is stored.
    public mutating func skipValue() throws(JSONError) { try scanner.skipValue() }

    /// Materialises the next value as a tree; `maxDepth` and `maxStringBytes` apply.
    public mutating func readValue() throws(JSONError) -> JSONNode { try scanner.readValue() }

    /// Validates the rest of the document: skips what remains of any open containers (or the whole value if none
    /// was read), then requires the input to end, unless `allowTrailingContent` is set.
    ///
    /// - Throws: `trailingContent` when anything but whitespace follows the top-level value.
    public mutating func finish() throws(JSONError) { try scanner.finish() }
}
