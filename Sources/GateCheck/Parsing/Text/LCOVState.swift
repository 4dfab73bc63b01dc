/// An LCOV tracefile while it is read: the open record, and the finished records merged per file.
///
/// Lines come one at a time through ``read(_:at:)`` (any line, checked in full) or many at a time through
/// ``readLines(_:first:)`` (LCOVState+Lines.swift), which reads the common `DA:` and `BRDA:` lines in place and
/// hands every other line to ``read(_:at:)``.
struct LCOVState {
    /// What the read keeps of each file.
    enum Mode {
        /// Every line and branch of every file (``CoverageDetail/lines``).
        case lines
        /// Per-file totals (``CoverageDetail/totals``), noting files whose records are apart.
        case summarize
        /// Every line and branch of these files only (the second pass of a summarizing read).
        case only(Set<String>)
    }

    let mode: Mode
    /// Files in detail (``Mode/lines`` and ``Mode/only(_:)``).
    private(set) var files: [String: LCOVFile] = [:]
    /// Files by their totals (``Mode/summarize``).
    private(set) var summaries = LCOVSummaries()
    /// The open record's storage; it is open while `recordOpen`.
    var record = LCOVRecord()
    var recordOpen = false
    private(set) var sawRecord = false
    private(set) var sawContent = false
    private(set) var repeats = LCOVRepeatedLines()

    /// Starts reading a tracefile.
    init(mode: Mode) {
        self.mode = mode
    }

    /// Whether the tracefile has had a line that is not blank, so that its first-line checks are done.
    var pastFirstLine: Bool { sawContent }

    /// Reads one line, without its line break.
    mutating func read(_ line: UnsafeBufferPointer<UInt8>, at number: Int) throws(ReportError) {
        // lcov 2 reads `#` lines as comments (its own test tracefiles have them); no tool writes them.
        if line.first == UInt8(ascii: "#") { return }
        if !sawContent, !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
            // A tracefile starts with a test name or a source file, as detection requires; anything else
            // (XML, JSON, another tool's text) bound to this kind in gates.json is another kind of report.
            guard line.starts(with: "TN:".utf8) || line.starts(with: "SF:".utf8) else {
                throw .wrongKind(
                    expected: .lcov, found: "a first line \(TextFields.quoted(line)), not a TN: or SF: record")
            }
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
            sawContent = true
            guard Self.isEndOfRecord(line) else {
                throw .malformed(
                    "\(TextFields.quoted(line)) is not an LCOV line (TAG:value or end_of_record)",
                    at: FilePosition(line: number))
            }
            return try endRecord(at: number)
        }
        sawContent = true
        let tag = UnsafeBufferPointer(rebasing: line[..<colon])
        let value = UnsafeBufferPointer(rebasing: line[(colon + 1)...])
        switch LCOVTag(tag) {
        case .sourceFile: try startRecord(value, at: number)
        case .line: try lineData(value, at: number)
        case .branch: try branchData(value, at: number)
        case .linesFound: record.linesFound = (try summaryNumber(value, "LF", number), number)
        case .linesHit: record.linesHit = (try summaryNumber(value, "LH", number), number)
        case .branchesFound: record.branchesFound = (try summaryNumber(value, "BRF", number), number)
        case .branchesHit: record.branchesHit = (try summaryNumber(value, "BRH", number), number)
        case .other: return
        }
    }

    /// The files read, after the last record.
    mutating func finishFiles() -> [String: LCOVFile] {
        defer { files = [:] }
        return files
    }

    /// The summaries, after the last record (``Mode/summarize``).
    mutating func finishSummaries() -> LCOVSummaries {
        summaries.flush()
        return summaries
    }

    /// FNV-1a of a branch's `block,branch` text: its identity within its line.
    @inline(__always)
    static func hash(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var byte = start
        while byte < end {
            hash = (hash ^ UInt64(byte.pointee)) &* 0x100_0000_01b3
            byte += 1
        }
        return hash
    }

    // MARK: - Private

    private mutating func startRecord(_ value: UnsafeBufferPointer<UInt8>, at number: Int) throws(ReportError) {
        if recordOpen {
            throw .malformed(
                "SF: starts a new record, but the record of \(record.path) (line \(record.startLine)) has no "
                    + "end_of_record", at: FilePosition(line: number))
        }
        let path = try TextFields.path(value, at: number)
        guard !path.isEmpty else {
            throw .invalidValue("SF: names no file", at: FilePosition(line: number), keyPath: nil)
        }
        record.start(path: path, startLine: number)
        recordOpen = true
        sawRecord = true
    }

    private mutating func endRecord(at number: Int) throws(ReportError) {
        guard recordOpen else {
            throw .malformed(
                "end_of_record without a record (no SF: line before it)", at: FilePosition(line: number))
        }
        recordOpen = false
        let file = try record.finish()
        let path = record.path
        switch mode {
        case .lines:
            repeats.add(record)
            merge(file, into: path)
        case .summarize:
            repeats.add(record)
            summaries.add(file, path: path)
        case .only(let paths):
            if paths.contains(path) { merge(file, into: path) }
        }
    }

    private mutating func merge(_ file: LCOVFile, into path: String) {
        if files[path] == nil {
            files[path] = file
        } else {
            files[path]?.merge(file)
        }
    }

    private mutating func lineData(_ value: UnsafeBufferPointer<UInt8>, at number: Int) throws(ReportError) {
        let fields = value.split(separator: UInt8(ascii: ","), maxSplits: 2, omittingEmptySubsequences: false)
        let line = fields.first.flatMap { TextFields.unsigned($0) }
        let count = fields.count >= 2 ? TextFields.count(fields[1]) : (valid: false, nonZero: false)
        guard let line, line > 0, line <= UInt64(UInt32.max), count.valid else {
            throw .invalidValue(
                "DA:\(TextFields.string(value)) is not DA:<line>,<count> with a line from 1 and a count of 0 "
                    + "or more", at: FilePosition(line: number), keyPath: nil)
        }
        try requireRecord(at: number, "DA")
        record.recordLine(UInt32(line), hit: count.nonZero)
    }

    private mutating func branchData(_ value: UnsafeBufferPointer<UInt8>, at number: Int) throws(ReportError) {
        let comma = UInt8(ascii: ",")
        guard let first = value.firstIndex(of: comma), let last = value.lastIndex(of: comma), first < last,
            let line = TextFields.unsigned(value[..<first]), line > 0, line <= UInt64(UInt32.max),
            let base = value.baseAddress
        else {
            throw .invalidValue(
                "BRDA:\(TextFields.string(value)) is not BRDA:<line>,<block>,<branch>,<taken>",
                at: FilePosition(line: number), keyPath: nil)
        }
        let takenField = value[(last + 1)...]
        let count = TextFields.count(takenField)
        guard count.valid || takenField.elementsEqual([UInt8(ascii: "-")]) else {
            throw .invalidValue(
                "BRDA:\(TextFields.string(value)) has the taken count \(TextFields.quoted(takenField)), which is "
                    + "neither a count of 0 or more nor -", at: FilePosition(line: number), keyPath: nil)
        }
        let key = Self.hash(base + first + 1, base + last)
        try requireRecord(at: number, "BRDA")
        record.recordBranch(line: UInt32(line), key: key, taken: count.nonZero)
    }

    /// Fails for a line that belongs in a record when no record is open.
    private func requireRecord(at number: Int, _ tag: String) throws(ReportError) {
        guard recordOpen else {
            throw .malformed(
                "\(tag): is outside a record (no SF: line opens one before it)", at: FilePosition(line: number))
        }
    }

    /// The value of `LF`, `LH`, `BRF` or `BRH`, which belongs in a record.
    private func summaryNumber(_ value: UnsafeBufferPointer<UInt8>, _ tag: String, _ line: Int)
        throws(ReportError) -> UInt64
    {
        guard let number = TextFields.unsigned(value) else {
            throw .invalidValue(
                "\(tag):\(TextFields.string(value)) is not a count of 0 or more", at: FilePosition(line: line),
                keyPath: nil)
        }
        try requireRecord(at: line, tag)
        return number
    }

    private static func isEndOfRecord(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var trimmed = line[...]
        while let last = trimmed.last, last == 0x20 || last == 0x09 { trimmed = trimmed.dropLast() }
        return trimmed.elementsEqual("end_of_record".utf8)
    }
}
