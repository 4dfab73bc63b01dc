/// Everything the records of one source file in an LCOV tracefile say, merged as `lcov -a` merges them.
///
/// Branches are kept by identity until the end of the tracefile, because two records of a file may state different
/// branches of a line (a branch only one test reached): lcov adds the counts per `(line, block, branch)`, so a merge
/// by counts would undercount. Each branch costs 8 bytes: its line, 31 bits of a hash of its `block,branch` text and
/// whether it was taken.
struct LCOVFile {
    /// The lines and whether any record hit them.
    var lines: LineTable
    /// Packed branches (``pack(line:key:taken:)``), sorted, one per branch.
    var branches: [UInt64]

    /// A branch as one sortable word: line in the high half, key in bits 1–31, taken in bit 0.
    static func pack(line: UInt32, key: UInt64, taken: Bool) -> UInt64 {
        UInt64(line) << 32 | (key & 0xFFFF_FFFE) | (taken ? 1 : 0)
    }

    /// Whether two packed branches are the same branch (they may differ in being taken).
    static func sameBranch(_ a: UInt64, _ b: UInt64) -> Bool { a | 1 == b | 1 }

    /// Adds another record of the same file: lines hit if either hit them, a branch taken if either took it.
    mutating func merge(_ other: LCOVFile) {
        lines.formUnion(other.lines)
        guard !other.branches.isEmpty else { return }
        guard !branches.isEmpty else {
            branches = other.branches
            return
        }
        var merged: [UInt64] = []
        merged.reserveCapacity(max(branches.count, other.branches.count))
        var left = 0
        var right = 0
        while left < branches.count || right < other.branches.count {
            if right == other.branches.count
                || (left < branches.count && branches[left] | 1 < other.branches[right] | 1)
            {
                merged.append(branches[left])
                left += 1
            } else if left == branches.count || other.branches[right] | 1 < branches[left] | 1 {
                merged.append(other.branches[right])
                right += 1
            } else {
                merged.append(branches[left] | other.branches[right])
                left += 1
                right += 1
            }
        }
        branches = merged
    }

    /// Branches taken, and branches in all.
    var branchTotals: (covered: Int, total: Int) {
        (branches.count { $0 & 1 == 1 }, branches.count)
    }

    /// The file as gatecheck's coverage model holds it: per line, branches taken of branches, with the missing
    /// ones numbered in key order (so that another report of the file with the same branches merges exactly).
    var coverage: FileCoverage {
        var file = FileCoverage()
        file.lines = lines
        var index = 0
        while index < branches.count {
            let line = UInt32(truncatingIfNeeded: branches[index] >> 32)
            var total: UInt32 = 0
            var covered: UInt32 = 0
            var missing: [UInt32] = []
            while index < branches.count, UInt32(truncatingIfNeeded: branches[index] >> 32) == line {
                if branches[index] & 1 == 1 { covered += 1 } else { missing.append(total) }
                total += 1
                index += 1
            }
            file.recordBranches(BranchCount(line: line, covered: covered, total: total), missing: missing)
        }
        return file
    }
}
