/// The executable lines of one source file: which exist and which were hit, merged by union with "hit if any hit".
///
/// Stored as two bitmaps indexed by line number (2 bits per line, so a 200 MB Cobertura file with 4 million lines
/// needs about a megabyte). Line numbers so sparse that the bitmaps would cost more than 64 bytes per recorded
/// line switch the table to a dictionary, so a hostile `number="4000000000"` cannot allocate gigabytes.
public struct LineTable: Sendable, Hashable {
    private var present: [UInt64] = []
    private var hit: [UInt64] = []
    private var sparse: [UInt32: Bool]?
    /// Lines known only by their counts (a report read for its totals), with a few missed lines kept as examples.
    private var missedSample: [UInt32]?
    /// How many distinct lines the table holds.
    public private(set) var count = 0
    /// How many of them were hit at least once.
    public private(set) var covered = 0

    /// Creates an empty table.
    public init() {}

    /// A table that knows only its counts and up to a few of its missed lines: what a report read for its totals
    /// keeps of a file (``CoverageDetail/totals``).
    public static func summary(count: Int, covered: Int, missedSample: [UInt32]) -> LineTable {
        var table = LineTable()
        table.count = count
        table.covered = covered
        table.missedSample = missedSample
        return table
    }

    /// Whether every line is known individually; a summary table cannot be merged exactly.
    public var hasDetail: Bool { missedSample == nil }

    /// Records a line; a line recorded twice is hit if either record was. Returns whether the line is new.
    @discardableResult
    public mutating func record(line: UInt32, hit isHit: Bool) -> Bool {
        guard sparse == nil else { return recordSparse(line: line, hit: isHit) }
        let word = Int(line >> 6)
        if word >= present.count {
            guard word < max(1024, count * 4) else {
                convertToSparse()
                return recordSparse(line: line, hit: isHit)
            }
            // Grow in small steps rather than doubling: thousands of files each keep only what they use.
            let newCount = word + 1 + min(16, present.count / 4)
            present.append(contentsOf: repeatElement(0, count: newCount - present.count))
            hit.append(contentsOf: repeatElement(0, count: newCount - hit.count))
        }
        let bit: UInt64 = 1 << UInt64(line & 63)
        let isNew = present[word] & bit == 0
        if isNew {
            present[word] |= bit
            count += 1
        }
        if isHit, hit[word] & bit == 0 {
            hit[word] |= bit
            covered += 1
        }
        return isNew
    }

    /// Whether `line` is in the table, and whether it was hit.
    public func status(of line: UInt32) -> (present: Bool, hit: Bool) {
        if let sparse { return sparse[line].map { (true, $0) } ?? (false, false) }
        let word = Int(line >> 6)
        guard word < present.count else { return (false, false) }
        let bit: UInt64 = 1 << UInt64(line & 63)
        return (present[word] & bit != 0, hit[word] & bit != 0)
    }

    /// The lines that exist but were never hit, in ascending order, at most `limit` of them.
    public func missedLines(limit: Int) -> [UInt32] {
        if let missedSample { return Array(missedSample.prefix(limit)) }
        var result: [UInt32] = []
        if let sparse {
            for (line, isHit) in sparse where !isHit { result.append(line) }
            return Array(result.sorted().prefix(limit))
        }
        for word in present.indices {
            var missed = present[word] & ~hit[word]
            while missed != 0, result.count < limit {
                let bit = missed.trailingZeroBitCount
                result.append(UInt32(word * 64 + bit))
                missed &= missed - 1
            }
        }
        return result
    }

    /// Adds every line of `other` to this table (union, hit if hit in either).
    public mutating func formUnion(_ other: LineTable) {
        if !hasDetail || !other.hasDetail {
            // Without the lines themselves the union is unknown; the counts are added and the result says so.
            count += other.count
            covered += other.covered
            missedSample = (missedSample ?? []) + (other.missedSample ?? [])
            return
        }
        if sparse == nil, other.sparse == nil, other.present.count <= max(present.count, 1024, (count + other.count) * 4) {
            if other.present.count > present.count {
                present.append(contentsOf: repeatElement(0, count: other.present.count - present.count))
                hit.append(contentsOf: repeatElement(0, count: other.hit.count - hit.count))
            }
            var newCount = 0
            var newCovered = 0
            for word in present.indices {
                if word < other.present.count {
                    present[word] |= other.present[word]
                    hit[word] |= other.hit[word]
                }
                newCount += present[word].nonzeroBitCount
                newCovered += hit[word].nonzeroBitCount
            }
            count = newCount
            covered = newCovered
            return
        }
        other.forEachLine { line, isHit in record(line: line, hit: isHit) }
    }

    private func forEachLine(_ body: (UInt32, Bool) -> Void) {
        if let sparse {
            for (line, isHit) in sparse { body(line, isHit) }
            return
        }
        for word in present.indices {
            var bits = present[word]
            while bits != 0 {
                let bit = bits.trailingZeroBitCount
                body(UInt32(word * 64 + bit), hit[word] & (1 << UInt64(bit)) != 0)
                bits &= bits - 1
            }
        }
    }

    private mutating func convertToSparse() {
        var table: [UInt32: Bool] = [:]
        forEachLine { line, isHit in table[line] = isHit }
        sparse = table
        present = []
        hit = []
    }

    private mutating func recordSparse(line: UInt32, hit isHit: Bool) -> Bool {
        let previous = sparse?[line]
        if previous == nil { count += 1 }
        if isHit, previous != true { covered += 1 }
        sparse?[line] = isHit || previous == true
        return previous == nil
    }
}
