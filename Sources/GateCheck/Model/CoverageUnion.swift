/// Coverage reports merged into one as they arrive: what the coverage gates of a run measure.
///
/// ``CoverageReport/merged(_:)`` merges reports that are all in memory at once. A loader that reads reports on
/// several threads can instead fold each report into its thread's union as soon as it is parsed, combine the
/// threads' unions at the end, and hand the result to the engine in ``ReportSet/coverageUnion``. The merge then
/// runs while other files are still being parsed, and each report's lines can be dropped once folded in (keep
/// ``CoverageReport/summarized`` in its ``LoadedReport``), so memory follows the union, not the number of shards.
///
/// The order of folding does not change any metric of the union.
@_spi(Internals) public struct CoverageUnion: Sendable, Hashable {
    /// The paths of the reports folded in, sorted.
    public private(set) var paths: [String] = []
    /// The reports folded in that have no `<line>`, only root totals: a union cannot include them.
    public private(set) var withoutLines: [String] = []
    /// Whether every report folded in kept its lines (``CoverageDetail/lines``), so the union is exact.
    public private(set) var isExact = true
    private var union = CoverageReport()
    private var sources: Set<String> = []
    private var toolVersions: Set<String> = []

    /// Creates an empty union.
    public init() {}

    /// The union of `reports`, each known by its path.
    public init(_ reports: [(path: String, report: CoverageReport)]) {
        for (path, report) in reports { add(report, path: path) }
    }

    /// The merged report.
    ///
    /// Every file's lines by union, "hit if any hit"; branch lines as `coverage combine` merges them; the sources of
    /// all; the tool version when all agree. A union of one report is that report.
    public var report: CoverageReport {
        guard paths.count > 1 else { return union }
        var result = union
        result.sources = sources.sorted()
        result.toolVersion = toolVersions.count == 1 ? toolVersions.first : nil
        result.detail = isExact ? .lines : .totals
        return result
    }

    /// Folds one report in.
    public mutating func add(_ report: CoverageReport, path: String) {
        var single = CoverageUnion()
        single.paths = [path]
        single.withoutLines = report.files.values.contains { $0.lines.count > 0 } ? [] : [path]
        single.isExact = report.detail == .lines
        single.union = report
        single.sources = Set(report.sources)
        single.toolVersions = report.toolVersion.map { [$0] } ?? []
        add(single)
    }

    /// Folds in another union, typically another thread's.
    public mutating func add(_ other: CoverageUnion) {
        guard !other.paths.isEmpty else { return }
        guard !paths.isEmpty else {
            self = other
            return
        }
        paths = Self.sortedMerge(paths, other.paths)
        withoutLines = Self.sortedMerge(withoutLines, other.withoutLines)
        isExact = isExact && other.isExact
        sources.formUnion(other.sources)
        toolVersions.formUnion(other.toolVersions)
        // The larger side keeps its storage; the smaller one's files are folded into it.
        let keepsOurs = union.files.count >= other.union.files.count
        var base = keepsOurs ? union : other.union
        let added = keepsOurs ? other.union : union
        union = CoverageReport()  // so that `base` is the only reference to its storage when it is ours
        for (path, file) in added.files {
            if base.files[path] == nil {
                base.files[path] = file
            } else {
                base.files[path]?.formUnion(file)
            }
        }
        // Root totals describe one report; a union of several has none (it is measured from its lines).
        base.summary = CoverageSummary()
        union = base
    }

    /// Two sorted lists as one, in linear time: a worker folds reports in one at a time.
    private static func sortedMerge(_ a: [String], _ b: [String]) -> [String] {
        guard !a.isEmpty else { return b }
        guard !b.isEmpty else { return a }
        var result: [String] = []
        result.reserveCapacity(a.count + b.count)
        var (i, j) = (0, 0)
        while i < a.count, j < b.count {
            if b[j] < a[i] {
                result.append(b[j])
                j += 1
            } else {
                result.append(a[i])
                i += 1
            }
        }
        result += a[i...]
        result += b[j...]
        return result
    }
}

extension CoverageReport {
    /// The report with every file reduced to its counts and a few missed lines (``CoverageDetail/totals``): the
    /// same totals and per-report metrics, a fraction of the memory, but no longer mergeable exactly.
    public var summarized: CoverageReport {
        var result = self
        result.files = files.mapValues { $0.hasDetail ? FileCoverage.summary(of: $0) : $0 }
        result.detail = .totals
        return result
    }
}
