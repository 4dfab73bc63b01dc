/// Reads LCOV tracefiles (lcov/geninfo, c8/nyc/istanbul, grcov, cargo-llvm-cov, ...), streaming, into a
/// ``CoverageReport``.
///
/// Lines come from `DA:<line>,<count>[,<checksum>]`, branches from `BRDA:<line>,<block>,<branch>,<taken>` (`-` is a
/// branch never reached: not taken). Several records of one file (`cat a.info b.info`, or a test per `TN:`) merge as
/// `lcov -a` does, by adding counts: a line is hit if any record hit it, a branch taken if any record took it. `FN*`,
/// `TN`, `VER`, unknown tags and `#` comment lines are skipped. `LF/LH/BRF/BRH` are checked against the record's own `DA/BRDA` lines
/// and a contradiction is an error (the figures are the lines', exactly as `lcov --summary` counts them); an `LF/LH`
/// that counts repeated `DA:` lines each time (coverlet) agrees too, and a note says so (``LCOVRepeatedLines``).
///
/// ```swift
/// var source = BytesSource("SF:a.c\nDA:1,1\nDA:2,0\nend_of_record\n")
/// let coverage = try LCOVParser.parse(&source).report  // 1 of 2 lines
/// ```
@_spi(Internals) public enum LCOVParser {
    /// Parses one tracefile.
    ///
    /// - Throws: ``ReportError`` when the file is empty, has no `SF:` record, ends inside a record (no
    ///   `end_of_record`: cut short), has a line that is not `TAG:value`, a record line outside a record, a number
    ///   that is not one, or a summary that contradicts its lines.
    public static func parse<Source: ByteSource>(_ source: inout Source, limits: ParseLimits = .init())
        throws(ReportError) -> ParsedCoverage
    {
        var lines = TextLines(source, limits: limits)
        var state = State()
        while try lines.next({ (line, number) throws(ReportError) in try state.read(line, at: number) }) != nil {}
        if lines.sawNothing || (state.files.isEmpty && state.record == nil && !state.sawContent) { throw .empty }
        if state.record != nil { throw .truncated(at: FilePosition(line: lines.lineNumber)) }
        guard state.sawRecord else {
            throw .invalidValue(
                "the tracefile has no SF: record, so it covers no source file; check that the coverage step ran "
                    + "the tests and captured their data", at: nil, keyPath: nil)
        }
        let report = CoverageReport(files: state.files.mapValues(\.coverage))
        return ParsedCoverage(report: report, diagnostics: state.repeats.diagnostics(for: report))
    }

    /// The parse in progress.
    private struct State {
        var files: [String: LCOVFile] = [:]
        var record: LCOVRecord?
        var sawRecord = false
        var sawContent = false
        var repeats = LCOVRepeatedLines()

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
            switch Tag(tag) {
            case .sourceFile: try startRecord(value, at: number)
            case .line: try lineData(value, at: number)
            case .branch: try branchData(value, at: number)
            case .linesFound:
                let declared = (try Self.number(value, "LF", number), number)
                try inRecord(at: number, "LF") { $0.linesFound = declared }
            case .linesHit:
                let declared = (try Self.number(value, "LH", number), number)
                try inRecord(at: number, "LH") { $0.linesHit = declared }
            case .branchesFound:
                let declared = (try Self.number(value, "BRF", number), number)
                try inRecord(at: number, "BRF") { $0.branchesFound = declared }
            case .branchesHit:
                let declared = (try Self.number(value, "BRH", number), number)
                try inRecord(at: number, "BRH") { $0.branchesHit = declared }
            case .other: return
            }
        }

        private mutating func startRecord(_ value: UnsafeBufferPointer<UInt8>, at number: Int) throws(ReportError) {
            if let open = record {
                throw .malformed(
                    "SF: starts a new record, but the record of \(open.path) (line \(open.startLine)) has no "
                        + "end_of_record", at: FilePosition(line: number))
            }
            let path = try TextFields.path(value, at: number)
            guard !path.isEmpty else {
                throw .invalidValue("SF: names no file", at: FilePosition(line: number), keyPath: nil)
            }
            record = LCOVRecord(path: path, startLine: number)
            sawRecord = true
        }

        private mutating func endRecord(at number: Int) throws(ReportError) {
            guard var open = record else {
                throw .malformed(
                    "end_of_record without a record (no SF: line before it)", at: FilePosition(line: number))
            }
            record = nil
            let file = try open.finish()
            repeats.add(open)
            if files[open.path] == nil {
                files[open.path] = file
            } else {
                files[open.path]?.merge(file)
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
            try inRecord(at: number, "DA") { $0.recordLine(UInt32(line), hit: count.nonZero) }
        }

        private mutating func branchData(_ value: UnsafeBufferPointer<UInt8>, at number: Int) throws(ReportError) {
            let comma = UInt8(ascii: ",")
            guard let first = value.firstIndex(of: comma), let last = value.lastIndex(of: comma), first < last,
                let line = TextFields.unsigned(value[..<first]), line > 0, line <= UInt64(UInt32.max)
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
            let key = Self.hash(value[(first + 1)..<last])
            try inRecord(at: number, "BRDA") { $0.recordBranch(line: UInt32(line), key: key, taken: count.nonZero) }
        }

        /// Changes the open record, for a line that belongs in one; outside a record the line is an error.
        private mutating func inRecord(at number: Int, _ tag: String, _ change: (inout LCOVRecord) -> Void)
            throws(ReportError)
        {
            guard var open = record else {
                throw .malformed(
                    "\(tag): is outside a record (no SF: line opens one before it)", at: FilePosition(line: number))
            }
            record = nil  // keep the record's storage uniquely referenced while it changes
            change(&open)
            record = open
        }

        private static func number(_ value: UnsafeBufferPointer<UInt8>, _ tag: String, _ line: Int)
            throws(ReportError) -> UInt64
        {
            guard let number = TextFields.unsigned(value) else {
                throw .invalidValue(
                    "\(tag):\(TextFields.string(value)) is not a count of 0 or more", at: FilePosition(line: line),
                    keyPath: nil)
            }
            return number
        }

        private static func isEndOfRecord(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
            var trimmed = line[...]
            while let last = trimmed.last, last == 0x20 || last == 0x09 { trimmed = trimmed.dropLast() }
            return trimmed.elementsEqual("end_of_record".utf8)
        }

        /// FNV-1a of a branch's `block,branch` text: its identity within its line.
        private static func hash(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64 {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            return hash
        }
    }

    /// The tags the reader acts on.
    private enum Tag {
        case sourceFile, line, branch, linesFound, linesHit, branchesFound, branchesHit, other

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            switch bytes.count {
            case 2:
                if bytes.elementsEqual("SF".utf8) {
                    self = .sourceFile
                } else if bytes.elementsEqual("DA".utf8) {
                    self = .line
                } else if bytes.elementsEqual("LF".utf8) {
                    self = .linesFound
                } else if bytes.elementsEqual("LH".utf8) {
                    self = .linesHit
                } else {
                    self = .other
                }
            case 3:
                self =
                    bytes.elementsEqual("BRF".utf8)
                    ? .branchesFound : bytes.elementsEqual("BRH".utf8) ? .branchesHit : .other
            case 4: self = bytes.elementsEqual("BRDA".utf8) ? .branch : .other
            default: self = .other
            }
        }
    }
}
