/// The lines of the LCOV record being read, as a bitmap that is allocated once and cleared between records.
///
/// ``LineTable/record(line:hit:)`` checks its array's uniqueness and bounds on every line, which cost as much as the
/// rest of a `DA:` line's reading; this table sets two bits through a pointer. Its words are laid out as
/// ``LineTable``'s (a `present` and a `hit` word per 64 lines), so the record's table is one copy at its end.
///
/// It takes a line only as far as ``LineTable`` would keep it dense (below line 65,536, or within 4 × 64 line numbers
/// per line recorded); a sparser line is refused and the record keeps it in a ``LineTable`` of its own.
final class LCOVLineBits {
    /// Interleaved `present` and `hit` words, `2 * capacity` of them, zero beyond `2 * usedPairs`.
    private var words: UnsafeMutablePointer<UInt64>
    /// Word pairs allocated.
    private var capacity: Int
    /// Word pairs that may hold a bit: one past the highest line's pair.
    private var usedPairs = 0
    /// Distinct lines set (those hit are counted from the words at the record's end).
    private(set) var count = 0

    /// An empty bitmap for lines below 8,192 (it grows as records need).
    init() {
        capacity = 128
        words = .allocate(capacity: 2 * capacity)
        words.initialize(repeating: 0, count: 2 * capacity)
    }

    deinit { words.deallocate() }

    /// Sets `line` (and its hit bit when `hit`); `false` when the line is too far beyond the others for a bitmap.
    ///
    /// Without a branch on `hit` (a coin toss per line in a real tracefile) or on the line being new.
    @inline(__always)
    func record(_ line: UInt32, hit: Bool) -> Bool {
        let pair = Int(line >> 6)
        if pair >= usedPairs {
            guard extend(to: pair) else { return false }
        }
        let shift = UInt64(line & 63)
        let bit: UInt64 = 1 << shift
        let present = words + 2 * pair
        let before = present.pointee
        present.pointee = before | bit
        count &+= Int(truncatingIfNeeded: (~before >> shift) & 1)
        present[1] |= bit & (0 &- UInt64(hit ? 1 : 0))
        return true
    }

    /// The words as ``LineTable/init(interleavedWords:)`` takes them.
    var interleavedWords: [UInt64] {
        Array(UnsafeBufferPointer(start: words, count: 2 * usedPairs))
    }

    /// Clears the lines set, keeping the allocation for the next record.
    func clear() {
        words.update(repeating: 0, count: 2 * usedPairs)
        usedPairs = 0
        count = 0
    }

    /// Makes `pair` usable, by ``LineTable``'s rule for a dense table.
    private func extend(to pair: Int) -> Bool {
        guard pair < max(1024, count * 4) else { return false }
        if pair >= capacity {
            let grown = max(pair + 1, capacity * 2)
            let larger = UnsafeMutablePointer<UInt64>.allocate(capacity: 2 * grown)
            larger.initialize(from: words, count: 2 * capacity)
            (larger + 2 * capacity).initialize(repeating: 0, count: 2 * (grown - capacity))
            words.deallocate()
            words = larger
            capacity = grown
        }
        usedPairs = pair + 1
        return true
    }
}
