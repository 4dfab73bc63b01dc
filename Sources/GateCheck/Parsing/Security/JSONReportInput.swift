/// The byte source every JSON report parser reads through: it enforces `limits.maxReportBytes` and, for Safety,
/// skips the text banner printed before the JSON.
///
/// A class, so that the parser can ask after an error whether the size limit was the cause (the reader keeps its
/// own copy of the source).
final class JSONReportInput<Base: ByteSource>: ByteSource {
    private var base: Base
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

    init(_ base: Base, limit: Int) {
        self.base = base
        self.limit = limit
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int {
        if pendingOffset < pending.count {
            let count = min(buffer.count, pending.count - pendingOffset)
            pending.withUnsafeBytes { bytes in
                buffer.baseAddress!.copyMemory(from: bytes.baseAddress! + pendingOffset, byteCount: count)
            }
            pendingOffset += count
            return count
        }
        let count = try base.read(into: buffer)
        bytesRead += count
        if bytesRead > limit {
            exceededLimit = true
            throw ByteSourceError("the report is larger than the limit of \(limit) bytes")
        }
        return count
    }

    /// Drops every line before the first one whose first non-blank byte is `{` or `[` (a UTF-8 byte order mark
    /// counts as blank), so that the reader starts at the JSON. Input without such a line is left for the reader
    /// to reject.
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
    static func parse<Source: ByteSource, Result>(
        _ source: Source, kind: ReportKind, limits: ParseLimits, skipBanner: Bool = false,
        allowNonFiniteNumbers: Bool = false, finish: Bool = true,
        _ body: (inout JSONReader<JSONReportInput<Source>>) throws -> Result
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
            throw ReportError(error, lineOffset: input.skippedLines)
        } catch {
            throw .unreadable("\(error)")
        }
    }
}
