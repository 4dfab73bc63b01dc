#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// Reads a ragas result exported with pandas' `to_csv()` (`evaluate(...).to_pandas().to_csv(path)`), streaming.
///
/// The header names the columns (pandas writes the index first, with an empty name); quoted fields may hold commas,
/// doubled quotes and line breaks (retrieved contexts do). Only `user_input` (ragas 0.1: `question`; cut short) and the
/// metric cells are kept; the contexts and responses are scanned and dropped, whatever their length. An empty metric
/// cell is pandas' NaN: unscored. Every row must have as many fields as the header, and the file must end with a line break, so that
/// a cut file is never read as a shorter one.
enum RagasCSVParser {
    /// Bytes kept of a header name or a metric cell; a longer metric cell is not a score.
    private static let cellLimit = 256
    /// Bytes read from the source per call.
    private static let chunkSize = 64 * 1024

    /// What one column is.
    private enum Column {
        case userInput, metric(String), other
    }

    /// Parses one export.
    ///
    /// - Throws: ``ReportError`` when the file is empty, cut short, has a row with another number of fields than the
    ///   header, no `user_input` column, or a metric cell that is not a number.
    static func parse<Source: ByteSource>(_ source: Source, options: ReadOptions) throws(ReportError)
        -> ParsedMetricReport
    {
        let input = JSONReportInput(source, limit: options.limits.maxReportBytes)
        var scanner = CSVScanner()
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        var state = State()
        var sawByte = false
        while true {
            let count: Int
            do {
                count = try buffer.withUnsafeMutableBytes { raw in try input.read(into: raw) }
            } catch {
                throw input.exceededLimit ? .tooLarge(limit: options.limits.maxReportBytes) : .unreadable("\(error)")
            }
            if count == 0 { break }
            sawByte = true
            try buffer.withUnsafeBufferPointer { chunk throws(ReportError) in
                var index = 0
                while index < count {
                    // The long text of a context or a response that is not kept is skipped in bulk, not byte by byte.
                    index = scanner.skipPlain(UnsafeBufferPointer(rebasing: chunk[index..<count])) + index
                    guard index < count else { break }
                    let byte = chunk[index]
                    index += 1
                    guard let field = scanner.feed(byte) else { continue }
                    try state.take(.field(field), scanner: &scanner)
                    if scanner.recordEnded {
                        try state.take(.recordEnd(line: scanner.takeRecordEnd()), scanner: &scanner)
                    }
                }
            }
        }
        guard sawByte else { throw .empty }
        guard scanner.isAtRecordStart else { throw .truncated(at: FilePosition(line: scanner.line)) }
        guard state.columns != nil else { throw .empty }
        return try state.totals.finish(mapping: options.accuracyMapping)
    }

    /// The rows read so far.
    private struct State {
        var columns: [Column]?
        var totals = RagasTotals(format: "ragas CSV export")
        var header: [String] = []
        var cells: [[UInt8]?] = []

        mutating func take(_ event: CSVScanner.Event, scanner: inout CSVScanner) throws(ReportError) {
            switch event {
            case .field(let bytes):
                if columns == nil {
                    var name = String(decoding: bytes ?? [], as: UTF8.self)
                    // A UTF-8 byte order mark (Excel's "CSV UTF-8") is not part of the first name.
                    if header.isEmpty, name.hasPrefix("\u{FEFF}") { name.removeFirst() }
                    header.append(name)
                } else {
                    cells.append(bytes)
                }
            case .recordEnd(let line):
                if let columns {
                    try row(columns, line: line)
                } else {
                    try startColumns(line: line)
                }
                cells.removeAll(keepingCapacity: true)
            }
            scanner.keeping = keeps(column: columns == nil ? nil : cells.count)
        }

        /// Whether the next field's bytes are needed: every header name, and in rows `user_input` and metrics.
        private func keeps(column index: Int?) -> Bool {
            guard let columns, let index else { return true }
            guard index < columns.count else { return false }
            if case .other = columns[index] { return false }
            return true
        }

        private mutating func startColumns(line: Int) throws(ReportError) {
            // ragas 0.2 names a sample `user_input`; ragas 0.1 named it `question`.
            let nameColumn = header.contains("user_input") ? "user_input" : "question"
            guard header.contains(nameColumn) else {
                throw .wrongKind(
                    expected: .ragas,
                    found:
                        "CSV whose header has no `user_input` column (a ragas export's first; `question` in ragas 0.1)")
            }
            var columns: [Column] = []
            var seen: Set<String> = []
            for name in header {
                // A column written twice would count its scores twice.
                guard seen.insert(name).inserted else {
                    throw .invalidValue(
                        "the header names the column \"\(name)\" twice", at: FilePosition(line: line), keyPath: name)
                }
                if name == nameColumn {
                    columns.append(.userInput)
                } else if RagasTotals.isMetric(name) {
                    guard totals.declare(name) else {
                        throw .invalidValue(
                            "more than \(RagasTotals.maxMetrics) metric columns", at: FilePosition(line: line),
                            keyPath: nil)
                    }
                    columns.append(.metric(name))
                } else {
                    columns.append(.other)
                }
            }
            // pandas' index column: an empty name first, the row numbers below it.
            if header.first == "" { columns[0] = .other }
            self.columns = columns
        }

        private mutating func row(_ columns: [Column], line: Int) throws(ReportError) {
            guard cells.count == columns.count else {
                throw .malformed(
                    "this row has \(cells.count) fields but the header \(columns.count)", at: FilePosition(line: line))
            }
            totals.rows += 1
            var userInput: String?
            for (index, column) in columns.enumerated() {
                if case .userInput = column, let bytes = cells[index] {
                    userInput = PromptfooRow.shortened(String(decoding: bytes, as: UTF8.self))
                }
            }
            let id = totals.name(userInput: userInput)
            for (index, column) in columns.enumerated() {
                guard case .metric(let name) = column else { continue }
                let text = String(decoding: cells[index] ?? [], as: UTF8.self)
                if text.isEmpty || text == "nan" || text == "NaN" {
                    totals.tallies[name]?.addUnscored()
                } else if totals.tallies[name]?.add(text: text, sample: id) != true {
                    throw .invalidValue(
                        "\"\(text.prefix(40))\" in column \"\(name)\" of row \(totals.rows) is not a score",
                        at: FilePosition(line: line), keyPath: name)
                }
            }
        }
    }
}

/// A CSV tokenizer fed byte by byte (RFC 4180 as pandas writes it): quoted fields with doubled quotes and line
/// breaks, `\r\n` or `\n` between records.
struct CSVScanner {
    /// A field's bytes (`nil` when not kept) or the end of a record, with the line the record started on.
    enum Event {
        case field([UInt8]?)
        case recordEnd(line: Int)
    }

    private enum Mode { case start, unquoted, quoted, quoteInQuoted }

    /// Bytes kept of a field; one byte more marks it as too long.
    static let limit = 256

    /// Whether the field being read is kept.
    var keeping = true
    /// The line being read, 1-based.
    private(set) var line = 1
    /// Whether the field just returned ended its record.
    private(set) var recordEnded = false
    private var recordLine = 1
    private var mode = Mode.start
    private var field: [UInt8] = []
    private var fieldsInRecord = 0

    /// Whether the input so far ends between records.
    var isAtRecordStart: Bool { mode == .start && fieldsInRecord == 0 }

    /// Reads one byte; returns a field when one ends (``recordEnded`` then says whether its record ended too).
    mutating func feed(_ byte: UInt8) -> [UInt8]?? {
        if byte == 0x0A { line += 1 }
        switch mode {
        case .quoted:
            if byte == 0x22 { mode = .quoteInQuoted } else { keep(byte) }
            return nil
        case .quoteInQuoted where byte == 0x22:
            keep(byte)
            mode = .quoted
            return nil
        case .start where byte == 0x22:
            mode = .quoted
            return nil
        default:
            break
        }
        switch byte {
        case 0x2C: return endField(recordEnds: false)
        case 0x0A: return endField(recordEnds: true)
        case 0x0D: return nil
        default:
            mode = .unquoted
            keep(byte)
            return nil
        }
    }

    /// How many bytes at the start of `bytes` can be skipped without ``feed(_:)``.
    ///
    /// Inside a field whose bytes are not needed (not kept, or already past the limit): the bytes before the next one
    /// that ends the field or its quoted part (`"` in a quoted field; `,`, a line break or `"` in an unquoted one).
    /// Line breaks skipped are counted.
    mutating func skipPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard mode == .quoted || mode == .unquoted, !keeping || field.count > Self.limit, let base = bytes.baseAddress
        else { return 0 }
        var end = bytes.count
        let stops: [UInt8] = mode == .quoted ? [0x22] : [0x22, 0x2C, 0x0A, 0x0D]
        for stop in stops {
            if let found = memchr(base, Int32(stop), end) {
                end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
        }
        // Line breaks inside a quoted field still count for positions.
        var from = 0
        while from < end, let found = memchr(base + from, 0x0A, end - from) {
            line += 1
            from = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return end
    }

    /// The line the record that just ended started on.
    ///
    /// Call once after a field that ended its record.
    mutating func takeRecordEnd() -> Int {
        let started = recordLine
        recordLine = line
        recordEnded = false
        fieldsInRecord = 0
        return started
    }

    private mutating func keep(_ byte: UInt8) {
        if keeping, field.count <= Self.limit { field.append(byte) }
    }

    private mutating func endField(recordEnds: Bool) -> [UInt8]?? {
        let bytes: [UInt8]? = keeping ? field : nil
        field.removeAll(keepingCapacity: true)
        mode = .start
        fieldsInRecord += 1
        recordEnded = recordEnds
        return .some(bytes)
    }
}
