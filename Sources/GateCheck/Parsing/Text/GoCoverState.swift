/// The blocks of a Go cover profile while it is read, merged per file at the end.
struct GoCoverState {
    /// One block: where it is, how many statements, and whether it ran.
    private struct Block {
        var startLine: UInt32
        var startColumn: UInt32
        var endLine: UInt32
        var endColumn: UInt32
        var statements: UInt32
        var ran: Bool
        /// The profile line, for the message when a later copy contradicts it.
        var at: Int

        func samePlace(_ other: Block) -> Bool {
            (startLine, startColumn, endLine, endColumn) == (
                other.startLine, other.startColumn, other.endLine,
                other.endColumn
            )
        }
    }

    /// The `mode:` of the first line.
    private(set) var mode: String?
    private var files: [String: [Block]] = [:]

    /// Reads one line of the profile.
    mutating func read(_ line: UnsafeBufferPointer<UInt8>, at number: Int) throws(ReportError) {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
        if line.starts(with: "mode: ".utf8) {
            let value = TextFields.string(UnsafeBufferPointer(rebasing: line[6...]))
            guard ["set", "count", "atomic"].contains(value) else {
                throw mode == nil
                    ? .wrongKind(expected: .goCover, found: "a mode line \(TextFields.quoted(line))")
                    : .invalidValue(
                        "mode \(value) is not set, count or atomic", at: FilePosition(line: number), keyPath: nil)
            }
            // `cat` of profiles of one mode repeats the line; go tool cover refuses it, but the blocks still merge.
            if let mode, mode != value {
                throw .invalidValue(
                    "mode: \(value) contradicts the profile's mode: \(mode); profiles of different modes cannot be "
                        + "merged", at: FilePosition(line: number), keyPath: nil)
            }
            mode = value
            return
        }
        guard mode != nil else {
            throw .wrongKind(
                expected: .goCover, found: "a first line \(TextFields.quoted(line)), not mode: set|count|atomic")
        }
        try block(line, at: number)
    }

    /// The merged report: blocks per file sorted and merged as `go tool cover` merges them, then mapped to lines.
    mutating func finish() throws(ReportError) -> ParsedGoCoverage {
        guard !files.isEmpty else {
            throw .invalidValue(
                "the profile has no block: no statement was measured (did `go test` find any package with code?)",
                at: nil, keyPath: nil)
        }
        var report = CoverageReport()
        var covered = 0
        var total = 0
        // In path order, so that the first contradiction reported is the same however the bytes arrived.
        for (path, blocks) in files.sorted(by: { $0.key < $1.key }) {
            let sorted = blocks.sorted {
                ($0.startLine, $0.startColumn, $0.endLine, $0.endColumn)
                    < ($1.startLine, $1.startColumn, $1.endLine, $1.endColumn)
            }
            var merged: [Block] = []
            for block in sorted {
                if var last = merged.last, last.samePlace(block) {
                    guard last.statements == block.statements else {
                        throw .invalidValue(
                            "the block \(path):\(block.startLine).\(block.startColumn) has \(block.statements) "
                                + "statement(s) here but \(last.statements) at line \(last.at): profiles of different "
                                + "builds of the code cannot be merged", at: FilePosition(line: block.at), keyPath: nil)
                    }
                    last.ran = last.ran || block.ran
                    merged[merged.count - 1] = last
                } else {
                    merged.append(block)
                }
            }
            var file = FileCoverage()
            for block in merged where block.statements > 0 {
                total += Int(block.statements)
                if block.ran { covered += Int(block.statements) }
                for line in block.startLine...block.endLine { file.lines.record(line: line, hit: block.ran) }
            }
            report.files[path] = file
        }
        let totals = report.totals
        let note = Diagnostic(
            .note, code: "go.statement-coverage",
            message: "Go's own figure (go tool cover -func total): \(covered) of \(total) statements; gatecheck's "
                + "line metrics count the \(totals.linesValid) lines the blocks span, \(totals.linesCovered) of them "
                + "in blocks that ran")
        return ParsedGoCoverage(
            coverage: ParsedCoverage(report: report, diagnostics: [note]), coveredStatements: covered,
            totalStatements: total)
    }

    // MARK: - Private

    /// `file:startLine.startCol,endLine.endCol numStmt count`, read from the right (the path may hold `:`).
    private mutating func block(_ line: UnsafeBufferPointer<UInt8>, at number: Int) throws(ReportError) {
        func bad(_ why: String) -> ReportError {
            .invalidValue(
                "\(TextFields.quoted(line)) is not a block (file:line.column,line.column statements count): \(why)",
                at: FilePosition(line: number), keyPath: nil)
        }
        let fields = line.split(separator: 0x20, omittingEmptySubsequences: false)
        guard fields.count >= 3 else { throw bad("it has fewer than three fields") }
        let countField = fields[fields.count - 1]
        let statementsField = fields[fields.count - 2]
        let place = line[line.startIndex..<(statementsField.startIndex - 1)]
        guard let colon = place.lastIndex(of: UInt8(ascii: ":")), colon > place.startIndex else {
            throw bad("no file name before the position")
        }
        let position = place[(colon + 1)...].split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
        guard position.count == 2 else { throw bad("the position is not start,end") }
        func point(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> (UInt32, UInt32)? {
            let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
            guard parts.count == 2, let line = TextFields.unsigned(parts[0]),
                let column = TextFields.unsigned(parts[1]),
                line > 0, line <= UInt64(UInt32.max), column <= UInt64(UInt32.max)
            else { return nil }
            return (UInt32(line), UInt32(column))
        }
        guard let start = point(position[0]), let end = point(position[1]) else {
            throw bad("a position is not line.column")
        }
        guard (start.0, start.1) <= (end.0, end.1) else { throw bad("it ends before it starts") }
        guard end.0 - start.0 < 1 << 20 else { throw bad("it spans more than a million lines") }
        guard let statements = TextFields.unsigned(statementsField), statements <= UInt64(UInt32.max) else {
            throw bad("the statement count is not a number")
        }
        let count = TextFields.count(countField)
        guard count.valid else { throw bad("the execution count is not a number of 0 or more") }
        if mode == "set", countField.count != 1 || countField.first.map({ $0 > 0x31 }) == true {
            throw bad("mode set counts only 0 or 1")
        }
        let path = try TextFields.path(UnsafeBufferPointer(rebasing: place[place.startIndex..<colon]), at: number)
        files[path, default: []].append(
            Block(
                startLine: start.0, startColumn: start.1, endLine: end.0, endColumn: end.1,
                statements: UInt32(statements), ran: count.nonZero, at: number))
    }
}
