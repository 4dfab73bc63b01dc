/// The totals a Cobertura file states on its root element, used only when it has no `<line>` at all.
@_spi(Internals) public struct CoverageSummary: Sendable, Hashable {
    /// The root's `line-rate`, a fraction from 0 to 1.
    public var lineRate: Double?
    /// The root's `branch-rate`, a fraction from 0 to 1.
    public var branchRate: Double?
    /// The root's `lines-valid`: lines that could be executed.
    public var linesValid: Int?
    /// The root's `lines-covered`: lines executed at least once.
    public var linesCovered: Int?
    /// The root's `branches-valid`: branches that could be taken.
    public var branchesValid: Int?
    /// The root's `branches-covered`: branches taken at least once.
    public var branchesCovered: Int?

    /// Creates an empty summary.
    public init() {}
}

/// One or more Cobertura files, reduced to what the gates need: per-file line and branch data.
///
/// Counting follows docs/reference/formats.md §1.3: lines from `class/lines/line` only (never `methods//line`),
/// de-duplicated by (file, line) with "hit if any hit" (by (file, line, instance) for gcovr 8's function instances:
/// docs/coverage-and-tests.md); branches from the `(a/b)` of `condition-coverage`; the root attributes only when no
/// `<line>` exists (and its branch totals when no line carries any).
@_spi(Internals) public struct CoverageReport: Sendable, Hashable {
    /// Per source file, keyed by the path as the report writes it (`\` turned into `/`, a leading `./` removed).
    public var files: [String: FileCoverage]
    /// The root element's own totals, a fallback when `files` holds no line.
    public var summary: CoverageSummary
    /// The `<source>` directories.
    public var sources: [String]
    /// The producing tool's version attribute (`7.6.1`, `gcovr 8.6`), if any.
    public var toolVersion: String?
    /// How much detail was kept; only ``CoverageDetail/lines`` reports merge branches exactly.
    public var detail: CoverageDetail = .lines

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

    /// Merges several reports of one code base (matrix runs, unit + integration): the union of (file, line) with "hit
    /// if any hit", branch lines with the larger counts, rates recomputed.
    ///
    /// Order does not matter.
    public static func merged(_ reports: [CoverageReport]) -> CoverageReport {
        guard reports.count > 1 else { return reports.first ?? CoverageReport() }
        return CoverageUnion(reports.enumerated().map { (path: "\($0.offset)", report: $0.element) }).report
    }
}

/// Line and branch totals of a coverage report.
@_spi(Internals) public struct CoverageTotals: Sendable, Hashable {
    /// Lines that could be executed.
    public var linesValid = 0
    /// Lines executed at least once.
    public var linesCovered = 0
    /// Branches that could be taken.
    public var branchesValid = 0
    /// Branches taken at least once.
    public var branchesCovered = 0

    /// Creates zero totals.
    public init() {}
}
