/// Branch counts of one line: how many of its branches (arcs) were taken, of how many.
@_spi(Internals) public struct BranchCount: Sendable, Hashable {
    /// The 1-based source line.
    public var line: UInt32
    /// Branches taken.
    public var covered: UInt32
    /// Branches in total.
    public var total: UInt32
    /// Where the line's missing branch targets sit in the file's pool, and how many there are.
    var missingOffset: UInt32 = 0
    var missingCount: UInt32 = 0
    /// Which instance of the line this is (gcovr writes one `<line>` per function instance); 0 for the line itself.
    public var instance: UInt32 = 0

    /// The order of branch lines: by line, then instance.
    var key: UInt64 { UInt64(line) << 32 | UInt64(instance) }

    /// Whether every missing branch's target is recorded (trivially so when none is missing).
    var targetsKnown: Bool { Int(missingCount) == Int(total) - Int(covered) }

    /// Creates a count.
    public init(line: UInt32, covered: UInt32, total: UInt32) {
        self.line = line
        self.covered = covered
        self.total = total
    }
}

/// The coverage of one source file.
///
/// Branch lines keep the targets of their missing branches when the emitter writes them (coverage.py's
/// `missing-branches`, with `exit` stored as 0): merging two runs then counts a branch as covered if either run
/// took it, exactly as `coverage combine` does. A line whose missing targets are not all known (other emitters)
/// keeps the larger counts when merged.
@_spi(Internals) public struct FileCoverage: Sendable, Hashable {
    /// Executable lines and their hits.
    public var lines = LineTable()
    /// Whether every branch line is kept individually, so that another run of the file can be merged exactly.
    /// (Declared here, in the table's padding, to keep the struct at 64 bytes.)
    public private(set) var hasBranchDetail = true
    /// Branch lines, one entry per line and instance after ``normalize()``, sorted by line and instance.
    private(set) var branches: [BranchCount] = []
    private var missingTargets: [UInt32] = []
    /// Branch counts kept only as sums (reports read with ``CoverageDetail/totals``).
    private var summedCovered: UInt32 = 0
    private var summedTotal: UInt32 = 0

    /// Creates an empty file coverage.
    public init() {}

    /// A file known only by its totals (``CoverageDetail/totals``): counts, branch sums and a few missed lines.
    static func summary(
        count: Int, covered: Int, missedSample: [UInt32], branchesCovered: Int, branchesTotal: Int
    ) -> FileCoverage {
        var result = FileCoverage()
        result.lines = .summary(count: count, covered: covered, missedSample: missedSample)
        if branchesTotal > 0 { result.addBranchTotals(covered: branchesCovered, total: branchesTotal) }
        return result
    }

    /// The totals of a file read in detail, as a summary.
    static func summary(of file: FileCoverage) -> FileCoverage {
        let branches = file.branchTotals
        return summary(
            count: file.lines.count, covered: file.lines.covered, missedSample: file.lines.missedLines(limit: 8),
            branchesCovered: branches.covered, branchesTotal: branches.total)
    }

    /// Whether every line and branch line is known individually, so the file merges exactly.
    public var hasDetail: Bool { lines.hasDetail && hasBranchDetail }

    /// Records a branch line, with the targets of its missing branches when the emitter gives them.
    public mutating func recordBranches(_ count: BranchCount, missing: [UInt32]? = nil) {
        var count = count
        if let missing, missing.count == Int(count.total) - Int(count.covered) {
            count.missingOffset = UInt32(missingTargets.count)
            count.missingCount = UInt32(missing.count)
            missingTargets.append(contentsOf: missing)
        }
        branches.append(count)
    }

    /// Sorts branch lines and merges duplicates within one report (the larger counts), so totals count each
    /// line (each instance of a line, for gcovr) once.
    public mutating func normalize() {
        guard branches.count > 1 else { return }
        var sorted = true
        for index in 1..<branches.count where branches[index - 1].key >= branches[index].key {
            sorted = false
            break
        }
        if sorted { return }
        branches.sort { $0.key != $1.key ? $0.key < $1.key : $0.covered > $1.covered }
        var merged: [BranchCount] = []
        merged.reserveCapacity(branches.count)
        for branch in branches {
            if let last = merged.last, last.key == branch.key {
                merged[merged.count - 1].total = max(last.total, branch.total)
            } else {
                merged.append(branch)
            }
        }
        branches = merged
    }

    /// Adds another run's coverage of the same file: lines by union, branches covered if taken in either run.
    ///
    /// Files read with ``CoverageDetail/totals`` keep only branch sums; merging them adds the sums, which can
    /// count a branch twice, so ``hasBranchDetail`` turns false and branch metrics of the merge are not measured.
    public mutating func formUnion(_ other: FileCoverage) {
        lines.formUnion(other.lines)
        var result = FileCoverage()
        result.lines = lines
        result.summedCovered = summedCovered &+ other.summedCovered
        result.summedTotal = summedTotal &+ other.summedTotal
        result.hasBranchDetail = hasBranchDetail && other.hasBranchDetail
        result.branches.reserveCapacity(max(branches.count, other.branches.count))
        result.missingTargets.reserveCapacity(max(missingTargets.count, other.missingTargets.count))
        var left = 0
        var right = 0
        while left < branches.count || right < other.branches.count {
            guard left < branches.count else {
                result.append(other.branches[right], from: other)
                right += 1
                continue
            }
            guard right < other.branches.count else {
                result.append(branches[left], from: self)
                left += 1
                continue
            }
            let (x, y) = (branches[left], other.branches[right])
            if x.key != y.key {
                if x.key < y.key {
                    result.append(x, from: self)
                    left += 1
                } else {
                    result.append(y, from: other)
                    right += 1
                }
                continue
            }
            var merged = BranchCount(line: x.line, covered: max(x.covered, y.covered), total: max(x.total, y.total))
            merged.instance = x.instance
            if x.targetsKnown, y.targetsKnown, x.total == y.total {
                // A branch is still missing only if both runs missed it (`coverage combine`'s rule).
                // Lines have a few targets; a hostile report's thousands get a set, not a quadratic scan.
                let theirs = other.targets(of: y)
                let first = result.missingTargets.count
                if theirs.count <= 16 {
                    for target in targets(of: x) where theirs.contains(target) { result.missingTargets.append(target) }
                } else {
                    let lookup = Set(theirs)
                    for target in targets(of: x) where lookup.contains(target) { result.missingTargets.append(target) }
                }
                let stillMissing = result.missingTargets.count - first
                merged.covered = merged.total - UInt32(min(Int(merged.total), stillMissing))
                merged.missingOffset = UInt32(first)
                merged.missingCount = UInt32(stillMissing)
            }
            result.branches.append(merged)
            left += 1
            right += 1
        }
        self = result
    }

    /// Appends the branch lines of another `<class>` of the same file, in one report.
    mutating func appendBranches(of other: FileCoverage) {
        for branch in other.branches { append(branch, from: other) }
    }

    /// Appends a branch line of `source`, with its missing targets when they are all known.
    private mutating func append(_ branch: BranchCount, from source: FileCoverage) {
        var count = branch
        count.missingOffset = 0
        count.missingCount = 0
        if branch.targetsKnown {
            count.missingOffset = UInt32(missingTargets.count)
            count.missingCount = branch.missingCount
            missingTargets.append(contentsOf: source.targets(of: branch))
        }
        branches.append(count)
    }

    /// Counts a branch line only into the file's sums (``CoverageDetail/totals``).
    mutating func addBranchTotals(covered: Int, total: Int) {
        summedCovered = summedCovered &+ UInt32(clamping: covered)
        summedTotal = summedTotal &+ UInt32(clamping: total)
        hasBranchDetail = false
    }

    /// Branches taken and in total over the file's branch lines.
    public var branchTotals: (covered: Int, total: Int) {
        branches.reduce(into: (Int(summedCovered), Int(summedTotal))) { sums, branch in
            sums.0 += Int(branch.covered)
            sums.1 += Int(branch.total)
        }
    }

    /// The missing targets of one of this file's branch lines, in the pool.
    private func targets(of branch: BranchCount) -> ArraySlice<UInt32> {
        let start = Int(branch.missingOffset)
        return missingTargets[start..<(start + Int(branch.missingCount))]
    }
}
