/// The reports read so far: what ``GateChecker/verdict(_:)`` judges.
///
/// One collection per thread: a caller that reads inputs on several threads gives each its own, then merges them
/// (``merge(_:)``) in any order. Coverage reports are folded into their union as they are added when the plan
/// says several are read, so memory follows the union, not the number of reports.
public struct ReportCollection: Sendable {
    private var reports = ReportSet()
    private var union: CoverageUnion?
    private let plan: ReadPlan

    /// An empty collection for inputs read under `plan`.
    public init(plan: ReadPlan) {
        self.plan = plan
        union = plan.mergesCoverage ? CoverageUnion() : nil
    }

    /// The reports read, those that failed and the files ignored, so far.
    @_spi(Internals) public var loaded: [LoadedReport] { reports.reports }
    /// The inputs that could not be read, so far.
    public var failed: [FailedReport] { reports.failed }
    /// The inputs that are not reports, so far.
    public var ignored: [IgnoredFile] { reports.ignored }

    /// Adds a report that was read.
    mutating func add(_ report: LoadedReport) {
        var report = report
        if union != nil, case .coverage(let coverage) = report.content {
            union?.add(coverage, path: report.path)
            report.content = .coverage(coverage.summarized)
        }
        reports.reports.append(report)
    }

    /// Adds an input that could not be read (a file the caller could not open, say); its gates cannot be judged.
    public mutating func add(failed report: FailedReport) {
        reports.failed.append(report)
    }

    /// Adds an input that is not a report.
    public mutating func add(ignored file: IgnoredFile) {
        reports.ignored.append(file)
    }

    /// Adds diagnostics about gathering the inputs (a directory that could not be listed, say); an error among them
    /// makes the run exit 2.
    public mutating func add(diagnostics: [Diagnostic]) {
        reports.diagnostics += diagnostics
    }

    /// Adds everything another collection (of the same plan) holds.
    public mutating func merge(_ other: ReportCollection) {
        reports.reports += other.reports.reports
        reports.failed += other.reports.failed
        reports.ignored += other.reports.ignored
        reports.diagnostics += other.reports.diagnostics
        if let theirs = other.union { union?.add(theirs) }
    }

    /// The report set for the engine, with the union when one was kept.
    var reportSet: ReportSet {
        var result = reports
        result.coverageUnion = union
        return result
    }
}
