/// What a summarizing pass keeps of one `<class>`: counts and a few missed lines.
///
/// Lines arriving in ascending order cannot repeat within the class; any other order sends the file to the detailed
/// second pass.
struct ClassSummary {
    var lastLine: UInt32 = 0
    var count = 0
    var covered = 0
    var branchesCovered = 0
    var branchesTotal = 0
    var missedSample: [UInt32] = []
    var needsDetail = false

    mutating func reset() {
        self = ClassSummary(missedSample: missedSample)
        missedSample.removeAll(keepingCapacity: true)
    }

    init(missedSample: [UInt32] = []) {
        self.missedSample = missedSample
    }

    @inline(__always)
    mutating func add(line: UInt32, hit: Bool) {
        if line <= lastLine { needsDetail = true }
        lastLine = line
        count += 1
        if hit {
            covered += 1
        } else if missedSample.count < 8 {
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
