/// What a summarizing pass keeps of one `<class>`: counts and a few missed lines.
///
/// Lines arriving in ascending order cannot repeat within the class; any other order sends the file to the detailed
/// second pass. For a producer that writes a line once per function instance (gcovr), a line written again right
/// after itself is its next instance and counts as a line of its own, as the producer counts it.
struct ClassSummary {
    var lastLine: UInt32 = 0
    var count = 0
    var covered = 0
    var branchesCovered = 0
    var branchesTotal = 0
    var missedSample: [UInt32] = []
    var needsDetail = false
    /// Whether a line repeated right after itself is another instance (gcovr) rather than the same line again.
    var countsInstances = false

    mutating func reset() {
        self = ClassSummary(missedSample: missedSample, countsInstances: countsInstances)
        missedSample.removeAll(keepingCapacity: true)
    }

    init(missedSample: [UInt32] = [], countsInstances: Bool = false) {
        self.missedSample = missedSample
        self.countsInstances = countsInstances
    }

    @inline(__always)
    mutating func add(line: UInt32, hit: Bool) {
        // Only a repeat reaches the inner test, so the common ascending case costs what it did.
        if line <= lastLine, line < lastLine || !countsInstances { needsDetail = true }
        lastLine = line
        count += 1
        if hit {
            covered += 1
        } else if missedSample.count < 8, missedSample.last != line {
            missedSample.append(line)
        }
    }

    /// The file's totals, without line numbers (the handler keeps those only for the files it may name).
    var file: FileCoverage {
        FileCoverage.summary(
            count: count, covered: covered, missedSample: [], branchesCovered: branchesCovered,
            branchesTotal: branchesTotal)
    }
}
