/// The outcome of one gate.
public struct GateResult: Sendable, Hashable {
    /// How a gate came out.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// The bound holds.
        case pass
        /// The bound does not hold and the gate blocks (level `error`).
        case fail
        /// The bound does not hold and the gate is a warning.
        case warn
        /// The gate cannot be judged: its report is missing, unreadable, or has a zero denominator.
        case error
        /// The gate is optional and its report is absent.
        case skipped
    }

    /// The gate's id from gates.json (`line-coverage`).
    public var id: String
    /// The metric the gate bounds.
    public var metric: Metric
    /// How the gate came out.
    public var status: Status
    /// Whether a failure blocks (`error`) or only warns.
    public var level: GateLevel
    /// Whether a missing report makes the gate `error` (required) rather than `skipped`.
    public var required: Bool
    /// The measured value the bound was checked against (`nil` when there is none).
    public var actual: MetricValue?
    /// The comparison and threshold the value had to meet.
    @_spi(Internals) public var bound: Bound
    /// One sentence: what was found against what was required, or why it cannot be judged.
    public var message: String
    /// Supporting lines: failing tests, files with the most missed lines, the findings behind a count.
    public var details: [String]
    /// The reports the value came from.
    public var sources: [String]
    /// The failing tests behind a tests gate (bounded).
    @_spi(Internals) public var failedTests: [FailedTest]
    /// The findings behind a findings gate (bounded, most severe first).
    @_spi(Internals) public var findings: [Finding]
    /// The waived findings a findings gate would otherwise count, each with its waiver (bounded, most severe
    /// first).
    @_spi(Internals) public var waived: [Finding]
    /// Changed lines no test executed, behind a failing or warning diff coverage gate (annotated on the lines).
    @_spi(Internals) public var uncoveredLines: [UncoveredLines] = []
    /// Whether this gate's result makes the verdict `error` (a blocking gate that cannot be judged, or a
    /// required report that is missing).
    public var blocksAsError: Bool
    /// The comparison with a baseline, for a gate that has one (base, head, delta, tolerance).
    @_spi(Internals) public var baselineComparison: BaselineComparison?
    /// What a gate with a `history` member compared (docs/history.md); `nil` for other gates.
    @_spi(Internals) public var history: HistoryComparison?
    /// The gate's `scope.paths` globs, shown in every output; `nil` for an unscoped gate.
    @_spi(Internals) public var scopePaths: [String]?
    /// The gate's `scope.classes` globs (tests gates), shown in every output; `nil` when it has none.
    @_spi(Internals) public var scopeClasses: [String]?

    /// Creates a result.
    @_spi(Internals) public init(
        id: String, metric: Metric, status: Status, level: GateLevel, required: Bool, actual: MetricValue?,
        bound: Bound, message: String, details: [String] = [], sources: [String] = [],
        failedTests: [FailedTest] = [], findings: [Finding] = [], waived: [Finding] = [], blocksAsError: Bool = false
    ) {
        self.id = id
        self.metric = metric
        self.status = status
        self.level = level
        self.required = required
        self.actual = actual
        self.bound = bound
        self.message = message
        self.details = details
        self.sources = sources
        self.failedTests = failedTests
        self.findings = findings
        self.waived = waived
        self.blocksAsError = blocksAsError
    }

    /// The comparison made, as `--explain` prints it: `3999/5000 = 0.7998 >= 0.80 is false`.
    public var comparison: String {
        guard let actual, actual != .notMeasured else { return "not compared: \(message)" }
        let holds = bound.isSatisfied(by: actual) ?? false
        return "\(actual) \(bound.symbol) \(bound.threshold) is \(holds)"
    }
}

/// What one report contributed, as the verdict lists it.
public struct ReportSummary: Sendable, Hashable {
    /// The input's name, as given or found.
    public var path: String
    /// The kind it was read as; `nil` when it could not be told.
    public var kind: ReportKind?
    /// The report's own metrics (before merging with other reports of its kind).
    public var metrics: [Metric: MetricValue]
    /// Why it could not be read, if it could not.
    public var error: ReportError?

    /// Creates a summary.
    public init(path: String, kind: ReportKind?, metrics: [Metric: MetricValue], error: ReportError? = nil) {
        self.path = path
        self.kind = kind
        self.metrics = metrics
        self.error = error
    }
}

/// The one pass/fail answer for a set of reports and gates.
public struct Verdict: Sendable, Hashable {
    /// The overall outcome.
    public enum Status: String, Sendable, Hashable, Codable {
        /// Every blocking gate passed.
        case pass
        /// At least one blocking gate failed.
        case fail
        /// The reports or the configuration cannot be judged.
        case error

        /// The process exit code for this status (0, 1, 2).
        public var exitCode: Int32 {
            switch self {
            case .pass: ExitStatus.pass.code
            case .fail: ExitStatus.fail.code
            case .error: ExitStatus.cannotJudge.code
            }
        }
    }

    /// The outcome of the whole run, which gives the exit code.
    public var status: Status
    /// Every gate's outcome.
    public var gates: [GateResult]
    /// Every input report, sorted by path.
    public var reports: [ReportSummary]
    /// Files found but not recognised as reports, sorted by path.
    public var ignored: [IgnoredFile]
    /// Errors, warnings and notes, sorted by file and position.
    public var diagnostics: [Diagnostic]
    /// The gatecheck version that produced the verdict.
    public var toolVersion: String

    /// Creates a verdict.
    public init(
        status: Status, gates: [GateResult], reports: [ReportSummary], ignored: [IgnoredFile],
        diagnostics: [Diagnostic], toolVersion: String = gateCheckVersion
    ) {
        self.status = status
        self.gates = gates
        self.reports = reports
        self.ignored = ignored
        self.diagnostics = diagnostics
        self.toolVersion = toolVersion
    }

    /// The process exit code (0 pass, 1 fail, 2 error).
    public var exitCode: Int32 { status.exitCode }
}
