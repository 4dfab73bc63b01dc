/// One `SF:` … `end_of_record` record of an LCOV tracefile while it is read, and the checks made when it ends.
struct LCOVRecord {
    /// A summary line (`LF`, `LH`, `BRF`, `BRH`): its value and the line of the tracefile it is on.
    typealias Declared = (value: UInt64, at: Int)

    /// The path after `SF:`, normalised as Cobertura paths are.
    private(set) var path = ""
    /// The tracefile line of the `SF:`.
    private(set) var startLine = 0
    /// The record's lines, in a bitmap kept from record to record; lines too sparse for it are in `farLines`.
    private let bits = LCOVLineBits()
    private var farLines = LineTable()
    /// The record's branches as written, packed (``LCOVFile/pack(line:key:taken:)``).
    private var branches: [UInt64] = []
    /// `DA:` lines as written, and those with a non-zero count, repeats included: coverlet writes one `DA:` per
    /// method, so a line shared by two methods (an auto-property's getter and setter) is written twice and its
    /// `LF`/`LH` count both.
    private var writtenLines = 0
    private var writtenHits = 0
    /// Whether this record's `LF`/`LH` count its `DA:` lines as written (repeats included) rather than distinct
    /// lines; set by ``finish()``, for the note that says the record's own figure differs from lcov's.
    private(set) var summaryCountsRepeats = false
    var linesFound: Declared?
    var linesHit: Declared?
    var branchesFound: Declared?
    var branchesHit: Declared?

    /// Starts the record of the source file `path` at tracefile line `startLine`, forgetting the previous record
    /// (the storage stays, for the next record's lines).
    mutating func start(path: String, startLine: Int) {
        self.path = path
        self.startLine = startLine
        writtenLines = 0
        writtenHits = 0
        summaryCountsRepeats = false
        linesFound = nil
        linesHit = nil
        branchesFound = nil
        branchesHit = nil
    }

    /// A `DA:` line: the line exists, and was hit if its count is not zero.
    @inline(__always)
    mutating func recordLine(_ line: UInt32, hit: Bool) {
        if !bits.record(line, hit: hit) { farLines.record(line: line, hit: hit) }
        writtenLines &+= 1
        if hit { writtenHits &+= 1 }
    }

    /// A `BRDA:` line; `key` identifies the branch within its line (a hash of its block and branch fields).
    mutating func recordBranch(line: UInt32, key: UInt64, taken: Bool) {
        branches.append(LCOVFile.pack(line: line, key: key, taken: taken))
    }

    /// The record's lines and branches, after checking its `LF/LH/BRF/BRH` against its `DA/BRDA` lines.
    ///
    /// A branch written twice in the record is one branch, taken if either says so (lcov adds the counts); so is a
    /// line. `LF`/`LH` may count a repeated `DA:` line once (lcov, istanbul, grcov) or each time it is written
    /// (coverlet, one per method); either agrees with the lines, and the figures are lcov's: each line once.
    ///
    /// - Throws: ``ReportError/invalidValue(_:at:keyPath:)`` naming the summary line when it contradicts the lines.
    mutating func finish() throws(ReportError) -> LCOVFile {
        // Sorted as packed words, the order ``LCOVFile/merge(_:)`` walks in; tracefiles write branches by line, so
        // only the branches of one line are out of order.
        Self.sortNearlySorted(&branches)
        var packed: [UInt64] = []
        packed.reserveCapacity(branches.count)
        var taken = 0
        for entry in branches {
            if let last = packed.last, LCOVFile.sameBranch(last, entry) {
                if entry & 1 == 1, last & 1 == 0 {
                    packed[packed.count - 1] |= 1
                    taken += 1
                }
            } else {
                packed.append(entry)
                if entry & 1 == 1 { taken += 1 }
            }
        }
        branches.removeAll(keepingCapacity: true)
        var lines = LineTable(interleavedWords: bits.interleavedWords)
        bits.clear()
        if farLines.count > 0 {
            lines.formUnion(farLines)
            farLines = LineTable()
        }
        if writtenLines != lines.count, let linesFound, linesFound.value == UInt64(writtenLines) {
            summaryCountsRepeats = true
            try check(self.linesHit, "LH", equals: writtenHits, what: "DA lines written with a non-zero count")
        } else {
            try check(linesFound, "LF", equals: lines.count, what: "distinct DA lines")
            try check(linesHit, "LH", equals: lines.covered, what: "DA lines with a non-zero count")
        }
        try check(branchesFound, "BRF", equals: packed.count, what: "distinct BRDA branches")
        try check(branchesHit, "BRH", equals: taken, what: "BRDA branches taken")
        return LCOVFile(lines: lines, branches: packed)
    }

    /// Sorts by insertion while the words are nearly in order (a few moves per word), otherwise by the library's
    /// sort, so that a hostile order costs `n log n`, not `n²`.
    private static func sortNearlySorted(_ words: inout [UInt64]) {
        var budget = 4 * words.count
        words.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices.dropFirst() {
                let word = buffer[index]
                var slot = index
                while slot > 0, buffer[slot - 1] > word, budget > 0 {
                    buffer[slot] = buffer[slot - 1]
                    slot -= 1
                    budget -= 1
                }
                buffer[slot] = word
                if budget == 0 { break }
            }
        }
        if budget == 0 { words.sort() }
    }

    /// Fails when a summary line was written and differs from what the record's lines give.
    private func check(_ declared: Declared?, _ tag: String, equals counted: Int, what: String) throws(ReportError) {
        guard let declared, declared.value != UInt64(counted) else { return }
        throw .invalidValue(
            "\(tag):\(declared.value) contradicts the record of \(path) (line \(startLine)), which has \(counted) "
                + "\(what); the tracefile was edited or damaged, so neither figure can be trusted (regenerate it "
                + "with the coverage tool)", at: FilePosition(line: declared.at), keyPath: nil)
    }
}
