/// The executable lines of one source file: which exist and which were hit, merged by union with "hit if any hit".
///
/// Stored as one interleaved bitmap indexed by line number (a `present` and a `hit` word per 64 lines: 2 bits per
/// line, so a 200 MB Cobertura file with 4 million lines needs about a megabyte). Line numbers so sparse that the
/// bitmap would cost more than 64 bytes per recorded line switch the table to a dictionary, so a hostile
/// `number="4000000000"` cannot allocate gigabytes. The struct itself is 33 bytes, because a report can hold a
/// table per file for tens of thousands of files.
///
/// A line can also have further **instances** (gcovr 8 writes one `<line>` per function instance of a template or
/// inlined function): instance 0 is the line itself, in the bitmap; instances 1, 2, ... are kept apart, counted as
/// lines of their own, and merged with the same instance of another report (docs/coverage-and-tests.md).
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
    /// Further instances of lines (key `line << 32 | instance`, instance ≥ 1) → hit; empty unless a producer writes them.
    ///
    /// Declared before `extra`, whose tag byte ends the struct, so that the struct grows by 8 bytes only.
    private var instances: [UInt64: Bool] = [:]
    private var extra: Extra?

    /// How many distinct lines the table holds.
    public var count: Int { Int(storedCount) }
    /// How many of them were hit at least once.
    public var covered: Int { Int(storedCovered) }

    /// Creates an empty table.
    public init() {}

    /// A dense table of interleaved `present` and `hit` words (word `2i`: which of lines `64i..<64i+64` exist, word
    /// `2i+1`: which were hit), for a reader that sets the bits itself (LCOV's, in its hot loop).
    ///
    /// The caller bounds the words as ``record(line:hit:)`` does (at most 64 bytes per line beyond the first 65,536
    /// line numbers), so the table is what recording the same lines one by one would give.
    init(interleavedWords: [UInt64]) {
        words = interleavedWords
        var lines = 0
        var hits = 0
        for index in stride(from: 0, to: words.count - 1, by: 2) {
            lines += words[index].nonzeroBitCount
            hits += (words[index + 1] & words[index]).nonzeroBitCount
        }
        storedCount = UInt32(clamping: lines)
        storedCovered = UInt32(clamping: hits)
    }

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

    /// Records instance `instance` of a line (0 is the line itself); an instance recorded twice is hit if either
    /// record was.
    ///
    /// Returns whether the instance is new.
    @discardableResult
    public mutating func record(line: UInt32, instance: UInt32, hit isHit: Bool) -> Bool {
        guard instance > 0 else { return record(line: line, hit: isHit) }
        // A summary knows no lines, so it cannot take an instance either.
        guard hasDetail else { return false }
        let key = UInt64(line) << 32 | UInt64(instance)
        let previous = instances[key]
        if previous == nil { storedCount &+= 1 }
        if isHit, previous != true { storedCovered &+= 1 }
        instances[key] = isHit || previous == true
        return previous == nil
    }

    /// How many further instances (beyond each line's first) the table holds.
    public var instanceCount: Int { instances.count }

    /// Whether `line` is in the table, and whether it was hit (every instance of it, when it has several: a line
    /// with a missed instance is missed, as in ``missedLines(limit:)``).
    public func status(of line: UInt32) -> (present: Bool, hit: Bool) {
        let first = firstInstanceStatus(of: line)
        guard first.hit, !instances.isEmpty else { return first }
        var instance: UInt32 = 1
        while let isHit = instances[UInt64(line) << 32 | UInt64(instance)] {
            if !isHit { return (true, false) }
            instance += 1
        }
        return first
    }

    /// The status of a line's first instance (the bitmap or sparse table).
    private func firstInstanceStatus(of line: UInt32) -> (present: Bool, hit: Bool) {
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
        guard !instances.isEmpty else { return firstInstanceMissedLines(limit: limit) }
        // A line with any missed instance is a missed line (gcovr lists it so); each part's first `limit` suffice.
        var lines = Set(firstInstanceMissedLines(limit: limit))
        for (key, isHit) in instances where !isHit { lines.insert(UInt32(truncatingIfNeeded: key >> 32)) }
        return Array(lines.sorted().prefix(limit))
    }

    /// The missed lines of the bitmap or sparse table, without further instances.
    private func firstInstanceMissedLines(limit: Int) -> [UInt32] {
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
        // Instance k of a line merges with instance k of the other report's line (the same build writes a line's
        // instances in the same order).
        defer { for (key, isHit) in other.instances { recordInstance(key, hit: isHit) } }
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
            newCount += instances.count
            newCovered += instances.values.count(where: { $0 })
            storedCount = UInt32(clamping: newCount)
            storedCovered = UInt32(clamping: newCovered)
            return
        }
        other.forEachLine { line, isHit in record(line: line, hit: isHit) }
    }

    // MARK: - Private

    /// Records an instance by its key (see ``record(line:instance:hit:)``).
    private mutating func recordInstance(_ key: UInt64, hit isHit: Bool) {
        record(line: UInt32(truncatingIfNeeded: key >> 32), instance: UInt32(truncatingIfNeeded: key), hit: isHit)
    }

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
