/// Branch counts of one line: how many of its branches (arcs) were taken, of how many.
public struct BranchCount: Sendable, Hashable {
    /// The 1-based source line.
    public var line: UInt32
    /// Branches taken.
    public var covered: UInt32
    /// Branches in total.
    public var total: UInt32

    /// Creates a count.
    public init(line: UInt32, covered: UInt32, total: UInt32) {
        self.line = line
        self.covered = covered
        self.total = total
    }
}

/// The coverage of one source file.
public struct FileCoverage: Sendable, Hashable {
    /// Executable lines and their hits.
    public var lines = LineTable()
    /// Branch lines, one entry per line after ``normalize()``, sorted by line.
    private(set) var branches: [BranchCount] = []

    /// Creates an empty file coverage.
    public init() {}

    /// Records a branch line; a line recorded twice keeps the larger counts.
    public mutating func recordBranches(_ count: BranchCount) {
        branches.append(count)
    }

    /// Sorts branch lines and merges duplicates (max covered, max total), so totals count each line once.
    public mutating func normalize() {
        guard branches.count > 1 else { return }
        var sorted = true
        for index in 1..<branches.count where branches[index - 1].line >= branches[index].line {
            sorted = false
            break
        }
        if sorted { return }
        branches.sort { $0.line < $1.line }
        var merged: [BranchCount] = []
        merged.reserveCapacity(branches.count)
        for branch in branches {
            if let last = merged.last, last.line == branch.line {
                merged[merged.count - 1].covered = max(last.covered, branch.covered)
                merged[merged.count - 1].total = max(last.total, branch.total)
            } else {
                merged.append(branch)
            }
        }
        branches = merged
    }

    /// Adds another coverage of the same file (union of lines, branch lines merged).
    public mutating func formUnion(_ other: FileCoverage) {
        lines.formUnion(other.lines)
        branches.append(contentsOf: other.branches)
        normalize()
    }

    /// Branches taken and in total over the file's branch lines.
    public var branchTotals: (covered: Int, total: Int) {
        branches.reduce(into: (0, 0)) { sums, branch in
            sums.0 += Int(branch.covered)
            sums.1 += Int(branch.total)
        }
    }
}

/// The totals a Cobertura file states on its root element, used only when it has no `<line>` at all.
public struct CoverageSummary: Sendable, Hashable {
    public var lineRate: Double?
    public var branchRate: Double?
    public var linesValid: Int?
    public var linesCovered: Int?
    public var branchesValid: Int?
    public var branchesCovered: Int?

    /// Creates an empty summary.
    public init() {}
}

/// One or more Cobertura files, reduced to what the gates need: per-file line and branch data.
///
/// Counting follows shared/docs/formats.md §1.3: lines from `class/lines/line` only (never `methods//line`),
/// de-duplicated by (file, line) with "hit if any hit"; branches from the `(a/b)` of `condition-coverage`; the root
/// attributes only when no `<line>` exists.
public struct CoverageReport: Sendable, Hashable {
    /// Per source file, keyed by the path as the report writes it (`\` turned into `/`, a leading `./` removed).
    public var files: [String: FileCoverage]
    /// The root element's own totals, a fallback when `files` holds no line.
    public var summary: CoverageSummary
    /// The `<source>` directories.
    public var sources: [String]
    /// The producing tool's version attribute (`7.6.1`, `gcovr 8.6`), if any.
    public var toolVersion: String?

    /// Creates a report.
    public init(
        files: [String: FileCoverage] = [:], summary: CoverageSummary = .init(), sources: [String] = [],
        toolVersion: String? = nil
    ) {
        self.files = files
        self.summary = summary
        self.sources = sources
        self.toolVersion = toolVersion
    }

    /// Totals recomputed from the lines.
    public var totals: CoverageTotals {
        var totals = CoverageTotals()
        for file in files.values {
            totals.linesValid += file.lines.count
            totals.linesCovered += file.lines.covered
            let branches = file.branchTotals
            totals.branchesCovered += branches.covered
            totals.branchesValid += branches.total
        }
        return totals
    }

    /// Merges several reports of one code base (matrix runs, unit + integration): the union of (file, line) with
    /// "hit if any hit", branch lines with the larger counts, rates recomputed. Order does not matter.
    public static func merged(_ reports: [CoverageReport]) -> CoverageReport {
        guard reports.count > 1 else { return reports.first ?? CoverageReport() }
        var result = CoverageReport()
        for report in reports {
            for (path, file) in report.files {
                result.files[path, default: FileCoverage()].formUnion(file)
            }
            result.sources.append(contentsOf: report.sources)
        }
        let summaries = reports.map(\.summary)
        if result.files.isEmpty, summaries.count == 1 { result.summary = summaries[0] }
        result.sources = Array(Set(result.sources)).sorted()
        let versions = Set(reports.compactMap(\.toolVersion))
        result.toolVersion = versions.count == 1 ? versions.first : nil
        return result
    }
}

/// Line and branch totals of a coverage report.
public struct CoverageTotals: Sendable, Hashable {
    public var linesValid = 0
    public var linesCovered = 0
    public var branchesValid = 0
    public var branchesCovered = 0

    /// Creates zero totals.
    public init() {}
}
