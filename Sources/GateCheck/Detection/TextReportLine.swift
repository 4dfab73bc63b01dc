/// Tells the line-oriented report kinds by their first line (a UTF-8 byte order mark and blank lines before it are
/// skipped by ``ReportSniffer``, `#` comment lines here): an LCOV tracefile starts with a `TN:` or `SF:` record, a Go
/// cover profile is `mode: set|count|atomic`, a ragas CSV export's header names `user_input` first (ragas 0.1's
/// `question`, with its other sample columns and a score column: ``RagasLegacyHeader``), Locust's statistics start with
/// its header `Type,Name,Request Count,Failure Count,` (its other CSV files are told apart and ignored with what they
/// are).
struct TextReportLine {
    /// The bytes of the first line kept: enough for every prefix looked for.
    private static let kept = 40

    private var line: [UInt8] = []
    private var inComment = false
    /// Whether the first line has ended (or enough of it was read).
    private(set) var isDone = false
    /// The kind the first line tells, once it tells one.
    private(set) var kind: ReportKind?
    /// What the file is when its first line tells a file that is not a report (Locust's `_stats_history.csv`).
    private(set) var ignored: String?

    /// Reads bytes of the file from its first non-blank byte on.
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes {
            if inComment {
                if byte == 0x0A { inComment = false }
                continue
            }
            if line.isEmpty, byte == UInt8(ascii: "#") {
                inComment = true
                continue
            }
            if line.isEmpty, byte == 0x0A || byte == 0x0D || byte == 0x20 || byte == 0x09 { continue }
            // A ragas 0.1 export is told by its whole header (``RagasLegacyHeader``), the others by a short prefix.
            let kept = RagasLegacyHeader.mayBe(line) ? RagasLegacyHeader.maxHeader : Self.kept
            if byte == 0x0A || byte == 0x0D || line.count == kept {
                isDone = true
                kind = Self.classify(line, ended: byte == 0x0A || byte == 0x0D)
                if kind == nil { ignored = LocustDetection.other(line) }
                return
            }
            line.append(byte)
            // An LCOV tag settles the kind at once, whatever follows on the line.
            if let early = Self.classify(line, ended: false) {
                isDone = true
                kind = early
                return
            }
        }
    }

    /// The kind of a first line the file ends in (no line break after it).
    func finish(isWholeFile: Bool) -> ReportKind? {
        guard !isDone, isWholeFile else { return nil }
        return Self.classify(line, ended: true)
    }

    /// The kind a first line (or its start, when `ended` is `false`) tells.
    private static func classify(_ line: [UInt8], ended: Bool) -> ReportKind? {
        if line.starts(with: "TN:".utf8) || line.starts(with: "SF:".utf8) { return .lcov }
        // A ragas export's `to_pandas().to_csv()`: the index column (empty name) unless `index=False`, then
        // `user_input`, ragas's first sample field.
        if line.starts(with: ",user_input,".utf8) || line.starts(with: "user_input,".utf8) { return .ragas }
        if ended, RagasLegacyHeader.isExport(line) { return .ragas }
        if line.starts(with: LocustStatsParser.headerStart.utf8) { return .locust }
        if ended, ["mode: set", "mode: count", "mode: atomic"].contains(where: { line.elementsEqual($0.utf8) }) {
            return .goCover
        }
        return nil
    }
}
