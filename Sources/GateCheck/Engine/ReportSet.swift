/// A parsed report's typed content.
@_spi(Internals) public enum ReportContent: Sendable, Hashable {
    /// A Cobertura report.
    case coverage(CoverageReport)
    /// A JUnit report.
    case tests(TestReport)
    /// A security report: Bandit, Safety, pip-audit, SARIF or Trivy.
    case findings(FindingsReport)
    /// An accuracy report: gatecheck's own, or a DeepEval run.
    case accuracy(AccuracyReport)
    /// Container image sizes.
    case image(ImageReport)
    /// An LLM spend report.
    case llmCost(CostReport)
    /// A load test's latencies.
    case latency(LatencyReport)
}

/// A report that was read successfully.
@_spi(Internals) public struct LoadedReport: Sendable, Hashable {
    /// The path as given or found (used in every message and sorted on for determinism).
    public var path: String
    /// The kind it was read as.
    public var kind: ReportKind
    /// What the parser read: the figures its kind's gates are judged on.
    public var content: ReportContent
    /// What the parser noticed; the path is already filled in.
    public var diagnostics: [Diagnostic]
    /// The waivers and day a findings report was read with: the engine refuses one read with others than the
    /// configuration's, since waivers are applied while counting.
    var readWith: WaiverContext?

    /// Creates a loaded report.
    public init(path: String, kind: ReportKind, content: ReportContent, diagnostics: [Diagnostic] = []) {
        self.path = path
        self.kind = kind
        self.content = content
        self.diagnostics = diagnostics
    }
}

/// A report that could not be read: its gates cannot be judged.
public struct FailedReport: Sendable, Hashable {
    /// The input's name, as given or found.
    public var path: String
    /// The kind it was detected or bound as, when known.
    public var kind: ReportKind?
    /// Why it could not be read.
    public var error: ReportError

    /// Creates a failed report.
    public init(path: String, kind: ReportKind?, error: ReportError) {
        self.path = path
        self.kind = kind
        self.error = error
    }

    /// The error as a diagnostic naming the file and position.
    public var diagnostic: Diagnostic {
        Diagnostic(
            .error, code: error.code, message: error.message, file: path, line: error.location?.line,
            column: error.location?.column)
    }
}

/// A file that was found but is not a report gatecheck knows.
public struct IgnoredFile: Sendable, Hashable, Codable {
    /// The input's name, as given or found.
    public var path: String
    /// Why it is not taken for a report, for the verdict's list of ignored files.
    public var reason: String

    /// Creates an ignored file entry.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}

/// Everything the inputs yielded: the reports read, those that failed, the files ignored, and loading
/// diagnostics (a glob that matched nothing, an unreadable directory).
@_spi(Internals) public struct ReportSet: Sendable, Hashable {
    /// The reports read.
    public var reports: [LoadedReport]
    /// The inputs that could not be read: their gates cannot be judged.
    public var failed: [FailedReport]
    /// The inputs that are not reports; they count for no gate.
    public var ignored: [IgnoredFile]
    /// Problems met while gathering the inputs; an error among them makes the verdict `error`.
    public var diagnostics: [Diagnostic]
    /// The coverage reports among `reports`, already merged by the loader (see ``CoverageUnion``).
    ///
    /// The engine measures coverage from it only when it holds exactly the paths of those reports; otherwise (or
    /// when nil) it merges the reports' own content.
    public var coverageUnion: CoverageUnion?

    /// Creates a report set; the order of the arrays does not matter.
    public init(
        reports: [LoadedReport] = [], failed: [FailedReport] = [], ignored: [IgnoredFile] = [],
        diagnostics: [Diagnostic] = [], coverageUnion: CoverageUnion? = nil
    ) {
        self.reports = reports
        self.failed = failed
        self.ignored = ignored
        self.diagnostics = diagnostics
        self.coverageUnion = coverageUnion
    }
}

/// The waivers and day that decide which findings count.
struct WaiverContext: Sendable, Hashable {
    let waivers: [Waiver]
    /// Only matters when there are waivers to expire.
    let today: Day?

    init(waivers: [Waiver], today: Day) {
        self.waivers = waivers
        self.today = waivers.isEmpty ? nil : today
    }
}
