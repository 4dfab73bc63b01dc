/// Reads a ragas result export in either shape gatecheck reads, told by its first character that is not blank: `[`
/// (or `{`, refused with the fix) is JSON records, anything else the CSV.
enum RagasReader {
    /// Bytes looked at to find the first character.
    private static let peekBytes = 4096

    /// Reads one export.
    static func read<Source: ByteSource>(_ source: Source, options: ReadOptions) throws(ReportError)
        -> ParsedMetricReport
    {
        let peeked: (source: PeekingSource, bytes: [UInt8], isWhole: Bool)
        do {
            peeked = try PeekingSource.peek(source, count: peekBytes)
        } catch {
            throw .unreadable(error.message)
        }
        // A report whose content says it is another kind (a JSON array of findings, a JUnit file) is not read as
        // rows of scores: its numbers would become metrics.
        if case .report(let kind) = ReportDetector.detect(prefix: peeked.bytes, isWholeFile: peeked.isWhole),
            kind != .ragas
        {
            throw .wrongKind(expected: .ragas, found: "a \(kind.rawValue) report (by its content)")
        }
        // A byte order mark, and the zero bytes of UTF-16, are not the first character.
        let skipped: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D, 0x00, 0xEF, 0xBB, 0xBF, 0xFE, 0xFF]
        let first = peeked.bytes.first { !skipped.contains($0) }
        if first == UInt8(ascii: "[") || first == UInt8(ascii: "{") {
            return try RagasJSONParser.parse(peeked.source, options: options)
        }
        return try RagasCSVParser.parse(peeked.source, options: options)
    }
}
