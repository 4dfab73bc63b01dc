/// The executable lines of one source file: which exist and which were hit, merged by union with "hit if any hit".
///
/// Stored as one interleaved bitmap indexed by line number (a `present` and a `hit` word per 64 lines: 2 bits per
/// line, so a 200 MB Cobertura file with 4 million lines needs about a megabyte). Line numbers so sparse that the
/// bitmap would cost more than 64 bytes per recorded line switch the table to a dictionary, so a hostile
/// `number="4000000000"` cannot allocate gigabytes. The struct itself is 25 bytes, because a report can hold a
/// table per file for tens of thousands of files.
@_spi(Internals) public struct LineTable: Sendable, Hashable {
    /// What the table holds besides the dense bitmap.
    private enum Extra: Sendable, Hashable {
        /// Lines too sparse for a bitmap: line → hit.
        case sparse([UInt32: Bool])
        /// Lines known only by their counts (a report read for its totals), with a few missed lines as examples.
        case summary([UInt32])
    }

    /// `present` and `hit` words interleaved: word `2i` says which of lines `64i..<64i+64` exist, `2i+1` which
    /// were hit.
    private var words: [UInt64] = []
    private var storedCount: UInt32 = 0
    private var storedCovered: UInt32 = 0
    private var extra: Extra?

    /// How many distinct lines the table holds.
    public var count: Int { Int(storedCount) }
    /// How many of them were hit at least once.
    public var covered: Int { Int(storedCovered) }

    /// Creates an empty table.
    public init() {}

    /// A table that knows only its counts and up to a few of its missed lines: what a report read for its totals
    /// keeps of a file (``CoverageDetail/totals``).
    public static func summary(count: Int, covered: Int, missedSample: [UInt32]) -> LineTable {
        var table = LineTable()
        table.storedCount = UInt32(clamping: count)
        table.storedCovered = UInt32(clamping: covered)
        table.extra = .summary(missedSample)
        return table
    }

    /// Whether every line is known individually; a summary table cannot be merged exactly.
    public var hasDetail: Bool {
        if case .summary = extra { return false }
        return true
    }

    /// Records a line; a line recorded twice is hit if either record was.
    ///
    /// Returns whether the line is new.
    @discardableResult
    public mutating func record(line: UInt32, hit isHit: Bool) -> Bool {
        guard extra == nil else { return recordSlowly(line: line, hit: isHit) }
        let index = Int(line >> 6) * 2
        if index >= words.count {
            guard index / 2 < max(1024, count * 4) else {
                convertToSparse()
                return recordSlowly(line: line, hit: isHit)
            }
            // Grow in small steps rather than doubling: thousands of files each keep only what they use.
            let newCount = index + 2 + min(32, words.count / 4) * 2
            words.append(contentsOf: repeatElement(0, count: newCount - words.count))
        }
        let bit: UInt64 = 1 << UInt64(line & 63)
        let isNew = words[index] & bit == 0
        if isNew {
            words[index] |= bit
            storedCount &+= 1
        }
        if isHit, words[index + 1] & bit == 0 {
            words[index + 1] |= bit
            storedCovered &+= 1
        }
        return isNew
    }

    /// Whether `line` is in the table, and whether it was hit.
    public func status(of line: UInt32) -> (present: Bool, hit: Bool) {
        switch extra {
        case .sparse(let table)?: return table[line].map { (true, $0) } ?? (false, false)
        case .summary?: return (false, false)
        case nil:
            let index = Int(line >> 6) * 2
            guard index < words.count else { return (false, false) }
            let bit: UInt64 = 1 << UInt64(line & 63)
            return (words[index] & bit != 0, words[index + 1] & bit != 0)
        }
    }

    /// The lines that exist but were never hit, in ascending order, at most `limit` of them (for a summary: the
    /// examples it kept).
    public func missedLines(limit: Int) -> [UInt32] {
        switch extra {
        case .summary(let sample)?: return Array(sample.prefix(limit))
        case .sparse(let table)?: return Array(table.filter { !$0.value }.keys.sorted().prefix(limit))
        case nil:
            var result: [UInt32] = []
            var index = 0
            while index < words.count, result.count < limit {
                var missed = words[index] & ~words[index + 1]
                while missed != 0, result.count < limit {
                    result.append(UInt32(index / 2 * 64 + missed.trailingZeroBitCount))
                    missed &= missed - 1
                }
                index += 2
            }
            return result
        }
    }

    /// Adds every line of `other` to this table (union, hit if hit in either).
    ///
    /// Without the lines themselves (a summary on either side) the union is unknown: the counts are added and the
    /// result is a summary, which ``hasDetail`` reports.
    public mutating func formUnion(_ other: LineTable) {
        if !hasDetail || !other.hasDetail {
            let sample = missedLines(limit: 8) + other.missedLines(limit: 8)
            self = .summary(count: count + other.count, covered: covered + other.covered, missedSample: sample)
            return
        }
        if extra == nil, other.extra == nil,
            other.words.count / 2 <= max(words.count / 2, 1024, (count + other.count) * 4)
        {
            if other.words.count > words.count {
                words.append(contentsOf: repeatElement(0, count: other.words.count - words.count))
            }
            var newCount = 0
            var newCovered = 0
            for index in stride(from: 0, to: words.count, by: 2) {
                if index < other.words.count {
                    words[index] |= other.words[index]
                    words[index + 1] |= other.words[index + 1]
                }
                newCount += words[index].nonzeroBitCount
                newCovered += words[index + 1].nonzeroBitCount
            }
            storedCount = UInt32(clamping: newCount)
            storedCovered = UInt32(clamping: newCovered)
            return
        }
        other.forEachLine { line, isHit in record(line: line, hit: isHit) }
    }

    // MARK: - Private

    private func forEachLine(_ body: (UInt32, Bool) -> Void) {
        switch extra {
        case .sparse(let table)?:
            for (line, isHit) in table { body(line, isHit) }
        case .summary?:
            return
        case nil:
            for index in stride(from: 0, to: words.count, by: 2) {
                var bits = words[index]
                while bits != 0 {
                    let bit = bits.trailingZeroBitCount
                    body(UInt32(index / 2 * 64 + bit), words[index + 1] & (1 << UInt64(bit)) != 0)
                    bits &= bits - 1
                }
            }
        }
    }

    private mutating func convertToSparse() {
        var table: [UInt32: Bool] = [:]
        forEachLine { line, isHit in table[line] = isHit }
        extra = .sparse(table)
        words = []
    }

    /// Records into a sparse table; a summary table cannot take lines and keeps its counts.
    private mutating func recordSlowly(line: UInt32, hit isHit: Bool) -> Bool {
        guard case .sparse(var table) = extra else { return false }
        extra = nil  // keep the dictionary uniquely referenced while it changes
        let previous = table[line]
        if previous == nil { storedCount &+= 1 }
        if isHit, previous != true { storedCovered &+= 1 }
        table[line] = isHit || previous == true
        extra = .sparse(table)
        return previous == nil
    }
}
