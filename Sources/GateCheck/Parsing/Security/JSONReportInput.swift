/// The byte source every JSON report parser reads through: it enforces `limits.maxReportBytes` (on the bytes of the
/// file), turns UTF-16 with a byte order mark into UTF-8, and, for Safety, skips the text banner printed before the
/// JSON.
///
/// A class, so that the parser can ask after an error whether the size limit was the cause (the reader keeps its
/// own copy of the source). Not generic over the caller's source: a concrete type lets every JSON parser be compiled
/// specialised for it (``ErasedSource`` says why that matters), at the cost of one dynamic call per chunk.
final class JSONReportInput: ByteSource {
    private var base: any ByteSource
    private let limit: Int
    private(set) var bytesRead = 0
    private(set) var exceededLimit = false
    /// Lines dropped before the JSON (Safety's banner).
    private(set) var skippedLines = 0
    /// Whether anything but whitespace came before the JSON.
    private(set) var skippedText = false
    /// Whether a line starting with `{` or `[` was found (after ``skipTextBeforeJSON()``).
    private(set) var foundJSON = false
    /// Bytes read while looking for the JSON's start, handed out first.
    private var pending: [UInt8] = []
    private var pendingOffset = 0
    /// Whether the first bytes were checked for a UTF-16 byte order mark.
    private var checkedEncoding = false
    /// The decoder of a UTF-16 report; `nil` for UTF-8 (and once a UTF-16 report has been read to its end).
    private var utf16: UTF16ToUTF8?
    /// Whether the report is UTF-16 (it started with a UTF-16 byte order mark).
    private(set) var isUTF16 = false
    /// Bytes read or decoded but not handed out yet (the first bytes, or decoded UTF-16).
    private var decoded: [UInt8] = []
    private var decodedOffset = 0
    private var raw: [UInt8] = []

    init(_ base: any ByteSource, limit: Int) {
        self.base = base
        self.limit = limit
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int {
        if pendingOffset < pending.count {
            return Self.copy(pending, from: &pendingOffset, into: buffer)
        }
        if !checkedEncoding { try checkEncoding() }
        while decodedOffset == decoded.count, var decoder = utf16 {
            // UTF-16 grows by at most half as UTF-8: read so that a chunk's text fits the caller's buffer.
            if raw.count < max(2, buffer.count / 3 * 2) {
                raw = [UInt8](repeating: 0, count: max(2, buffer.count / 3 * 2))
            }
            let count = try readBase(into: &raw, at: 0)
            decoded.removeAll(keepingCapacity: true)
            decodedOffset = 0
            if count == 0 {
                decoder.finish(into: &decoded)
                utf16 = nil
            } else {
                raw.withUnsafeBytes { decoder.append(UnsafeRawBufferPointer(rebasing: $0[0..<count]), to: &decoded) }
                utf16 = decoder
            }
        }
        if decodedOffset < decoded.count {
            return Self.copy(decoded, from: &decodedOffset, into: buffer)
        }
        return try readBase(into: buffer)
    }

    /// Drops every line before the first one whose first non-blank byte is `{` or `[` (a UTF-8 byte order mark counts
    /// as blank), so that the reader starts at the JSON.
    ///
    /// Input without such a line is left for the reader to reject.
    func skipTextBeforeJSON() throws(ByteSourceError) {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var lineStart = true
        var kept: [UInt8] = []
        var lines = 0
        var sawText = false
        while true {
            var failure: ByteSourceError?
            let count = chunk.withUnsafeMutableBytes { raw -> Int in
                do throws(ByteSourceError) { return try read(into: raw) } catch {
                    failure = error
                    return 0
                }
            }
            if let failure { throw failure }
            if count == 0 {
                // No JSON start: hand back what was kept (blank input) so that the reader reports it as empty.
                skippedText = sawText
                pending = kept
                pendingOffset = 0
                return
            }
            for index in 0..<count {
                let byte = chunk[index]
                let offset = kept.count + index
                if lineStart, byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                    foundJSON = true
                    if sawText {
                        skippedText = true
                        skippedLines = lines
                        pending = Array(chunk[index..<count])
                    } else {
                        pending = kept + chunk[0..<count]
                    }
                    pendingOffset = 0
                    return
                }
                if byte == 0x0A {
                    lines += 1
                    lineStart = true
                } else if Self.isBlank(byte) || (offset < 3 && [0xEF, 0xBB, 0xBF][offset] == byte && !sawText) {
                    continue
                } else {
                    lineStart = false
                    sawText = true
                }
            }
            if !sawText { kept += chunk[0..<count] }
        }
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }

    // MARK: - Private

    /// Reads from the file, counting its bytes against the limit.
    private func readBase(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int {
        let count = try base.read(into: buffer)
        bytesRead += count
        if bytesRead > limit {
            exceededLimit = true
            throw ByteSourceError("the report is larger than the limit of \(limit) bytes")
        }
        return count
    }

    /// Reads from the file into `bytes[start...]`.
    private func readBase(into bytes: inout [UInt8], at start: Int) throws(ByteSourceError) -> Int {
        var failure: ByteSourceError?
        let count = bytes.withUnsafeMutableBytes { bytes -> Int in
            do throws(ByteSourceError) {
                return try readBase(into: UnsafeMutableRawBufferPointer(rebasing: bytes[start...]))
            } catch {
                failure = error
                return 0
            }
        }
        if let failure { throw failure }
        return count
    }

    /// Reads the first two bytes (or fewer, at the end): a UTF-16 byte order mark switches to decoding, anything
    /// else is kept to be handed out first.
    private func checkEncoding() throws(ByteSourceError) {
        checkedEncoding = true
        var first = [UInt8](repeating: 0, count: 2)
        var count = 0
        while count < 2 {
            let got = try readBase(into: &first, at: count)
            if got == 0 { break }
            count += got
        }
        if count == 2, let bigEndian = UTF16ToUTF8.byteOrder(first[0], first[1]) {
            utf16 = UTF16ToUTF8(bigEndian: bigEndian)
            isUTF16 = true
        } else {
            decoded = Array(first[0..<count])
        }
    }

    private static func copy(_ bytes: [UInt8], from offset: inout Int, into buffer: UnsafeMutableRawBufferPointer)
        -> Int
    {
        let count = min(buffer.count, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { bytes in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)]))
        }
        offset += count
        return count
    }
}

/// Runs a streaming JSON report parser and turns every failure into a ``ReportError``.
enum JSONReportParsing {
    /// Reads `source` with a ``JSONReader`` set up from `limits`, calls `body`, and validates the end of the
    /// document.
    ///
    /// - Parameters:
    ///   - kind: the kind being read, for the wrong-kind message.
    ///   - skipBanner: drop text lines before the JSON and ignore text after it (Safety prints a banner around
    ///     its JSON on stdout).
    ///   - allowNonFiniteNumbers: accept Python's bare `NaN` and `Infinity` (evaluation scripts write them).
    ///   - finish: validate the end of the document after `body`; `false` when `body` reads a sequence of
    ///     top-level values itself (JSON lines).
    ///   - body: reads the document; it throws ``JSONError`` from the reader or ``ReportError`` for a document
    ///     of the wrong kind or with an impossible value.
    static func parse<Result>(
        _ source: any ByteSource, kind: ReportKind, limits: ParseLimits, skipBanner: Bool = false,
        allowNonFiniteNumbers: Bool = false, finish: Bool = true,
        _ body: (inout JSONReader<JSONReportInput>) throws -> Result
    ) throws(ReportError) -> Result {
        let input = JSONReportInput(source, limit: limits.maxReportBytes)
        do {
            if skipBanner { try input.skipTextBeforeJSON() }
        } catch {
            throw input.exceededLimit ? .tooLarge(limit: limits.maxReportBytes) : .unreadable(error.message)
        }
        if skipBanner, !input.foundJSON, input.skippedText {
            throw .wrongKind(expected: kind, found: "text with no line that starts a JSON object or array")
        }
        let options = JSONReaderOptions(
            maxDepth: limits.maxDepth, allowNonFiniteNumbers: allowNonFiniteNumbers,
            allowTrailingContent: skipBanner && input.skippedText)
        var reader = JSONReader(input, options: options)
        do {
            let result = try body(&reader)
            if finish { try reader.finish() }
            return result
        } catch let error as ReportError {
            throw error
        } catch let error as JSONError {
            if input.exceededLimit { throw .tooLarge(limit: limits.maxReportBytes) }
            if input.isUTF16, case .invalidUTF8(let at) = error {
                throw .malformed(
                    "the UTF-16 text is not valid here (a lone surrogate or a missing byte)",
                    at: FilePosition(line: at.line + input.skippedLines, column: at.column))
            }
            throw ReportError(error, lineOffset: input.skippedLines)
        } catch {
            throw .unreadable("\(error)")
        }
    }
}
