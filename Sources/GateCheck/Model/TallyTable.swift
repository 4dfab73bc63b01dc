/// The change fingerprints' counts while a report streams: what ``FindingsReport/tally(_:keepingNames:)`` counts,
/// with each fingerprint's counters in one 24-byte slot of an open-addressing table.
///
/// A large report evicts the tallies from the cache between two findings of one fingerprint, so what counting a
/// finding costs is the memory it touches: here one slot (key and counters together), not a dictionary's key and
/// its 72-byte value; growing moves slots, not tallies with their texts. The texts are touched once per
/// fingerprint. ``tallies`` is what `FindingsReport.tally` builds from the same findings.
struct TallyTable {
    /// One fingerprint's counters.
    private struct Slot {
        var key: UInt64 = 0
        var count: UInt32 = 0
        var waived: UInt32 = 0
        /// The tally's index in `found` plus one; 0 marks an empty slot.
        var ordinal: UInt32 = 0
        var severity = Severity.unknown
        var confidence = Confidence.undefined
        var fixable = false
    }

    private var slots = [Slot](repeating: Slot(), count: 16)
    /// `64 - log2(slots.count)`: a key's home slot is the top bits of its Fibonacci hash.
    private var shift: UInt64 = 64 - 4
    /// Each fingerprint's texts, in order of first finding; the counters are in the slots until ``tallies``.
    private var found: [FindingTally] = []

    /// Counts one finding of fingerprint `key` (``FindingTally/key(of:packageVersion:)``).
    mutating func add(_ finding: Finding, key: UInt64) {
        let mask = slots.count - 1
        var index = home(of: key)
        while slots[index].ordinal != 0 && slots[index].key != key { index = (index + 1) & mask }
        if slots[index].ordinal == 0 {
            // A load of at most a half keeps probes short; the new fingerprint then goes where growing put its slot.
            if 2 * (found.count + 1) > slots.count {
                grow()
                return add(finding, key: key)
            }
            found.append(
                FindingTally(
                    tool: finding.tool, rule: finding.id, place: FindingTally.place(of: finding),
                    severity: finding.severity, confidence: finding.confidence, fixable: false, count: 0, waived: 0))
            slots[index] = Slot(
                key: key, ordinal: UInt32(truncatingIfNeeded: found.count), severity: finding.severity,
                confidence: finding.confidence)
        }
        // 32-bit counters keep a slot small; a fingerprint with 2^32 - 1 findings moves its counts to its tally.
        if slots[index].count == .max || slots[index].waived == .max { spill(index) }
        slots[index].count += 1
        if finding.waiver != nil { slots[index].waived += 1 }
        if finding.severity > slots[index].severity { slots[index].severity = finding.severity }
        if finding.confidence > slots[index].confidence { slots[index].confidence = finding.confidence }
        if finding.isFixable { slots[index].fixable = true }
    }

    /// The tallies by key, with their counters.
    var tallies: [UInt64: FindingTally] {
        var tallies: [UInt64: FindingTally] = [:]
        tallies.reserveCapacity(found.count)
        for slot in slots where slot.ordinal != 0 {
            var tally = found[Int(slot.ordinal) - 1]
            tally.count += Int(slot.count)
            tally.waived += Int(slot.waived)
            (tally.severity, tally.confidence, tally.fixable) = (slot.severity, slot.confidence, slot.fixable)
            tallies[slot.key] = tally
        }
        return tallies
    }

    /// A key's first slot: Fibonacci hashing spreads keys whose low bits agree.
    private func home(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private mutating func spill(_ index: Int) {
        let ordinal = Int(slots[index].ordinal) - 1
        found[ordinal].count += Int(slots[index].count)
        found[ordinal].waived += Int(slots[index].waived)
        (slots[index].count, slots[index].waived) = (0, 0)
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        shift -= 1
        let mask = slots.count - 1
        for slot in old where slot.ordinal != 0 {
            var index = home(of: slot.key)
            while slots[index].ordinal != 0 { index = (index + 1) & mask }
            slots[index] = slot
        }
    }
}
