/// What a run leaves for later runs to compare with: `"schema": "gatecheck.baseline/v1"` (schemas/baseline.schema.json).
///
/// Everything is exact: a gate's value keeps its fraction (`336/473`) or decimal text, never a rounded float; counts
/// are integers. It holds what the change metrics need (per-file coverage counts, finding fingerprints with counts,
/// every test's outcome by id), metadata the caller supplies (`commit`, `ref`: the library reads no git and no
/// clock), and a hash of each gate's definition, so that a gate that now measures something else is not compared
/// with what it used to measure.
@_spi(Internals) public struct Baseline: Sendable, Hashable, Codable {
    /// The schema id every baseline carries.
    public static let schemaID = "gatecheck.baseline/v1"

    /// Always ``Baseline/schemaID``.
    public var schema: String = Baseline.schemaID
    /// The gatecheck version that wrote it.
    public var gatecheckVersion: String
    /// Caller-supplied facts (`commit`, `ref`, ...), from `--meta key=value`.
    public var meta: [String: String]
    /// Each gate's definition hash and value, by gate id.
    public var gates: [String: BaselineGate]
    /// Coverage counts of the run (the union of its coverage reports), when it had any.
    public var coverage: BaselineCoverage?
    /// Findings by change fingerprint (``FindingTally``), when the run had security reports.
    public var findings: [String: FindingTally]?
    /// Every test's outcome by id (`classname::name`), when the run had test reports.
    public var tests: [String: TestState]?
    /// Every sample's score by accuracy metric and sample id, as exact decimal text (`nil`: unscored), when the
    /// run's accuracy reports list samples (`accuracy.regressed_samples`).
    public var accuracy: [String: [String: String?]]?
    /// Every package the run's security reports name, as `name@version` (PEP 503 normalised name).
    ///
    /// Those with a finding, and every dependency pip-audit lists. A new vulnerability of a package at a version listed here is
    /// *disclosed* (the scanner's database changed), not *introduced* (`findings.new_disclosed`).
    public var packages: [String]? {
        get { packageList?.texts }
        set { packageList = newValue.map(BaselinePackages.init) }
    }
    /// ``packages`` as stored: a baseline read from a file decodes them only when asked.
    public var packageList: BaselinePackages?
    /// The producing tools' versions where reports carry them (`coverage.py`: `7.4.0`).
    public var tools: [String: String]
    /// How many inputs the run could not read: a baseline with any is refused, since what it lacks would look new.
    public var unreadableReports: Int

    enum CodingKeys: String, CodingKey {
        case schema, meta, gates, coverage, findings, tests, tools, accuracy
        case packageList = "packages"
        case gatecheckVersion = "gatecheck_version"
        case unreadableReports = "unreadable_reports"
    }

    /// Creates a baseline.
    public init(
        gatecheckVersion: String = GateCheck.gateCheckVersion, meta: [String: String] = [:],
        gates: [String: BaselineGate] = [:], coverage: BaselineCoverage? = nil, findings: [String: FindingTally]? = nil,
        tests: [String: TestState]? = nil, tools: [String: String] = [:], unreadableReports: Int = 0
    ) {
        self.gatecheckVersion = gatecheckVersion
        self.meta = meta
        self.gates = gates
        self.coverage = coverage
        self.findings = findings
        self.tests = tests
        self.tools = tools
        self.unreadableReports = unreadableReports
    }
}

/// One gate as the baseline's run measured it.
@_spi(Internals) public struct BaselineGate: Sendable, Hashable, Codable {
    /// The metric's name.
    public var metric: String
    /// ``GateDefinition/hash(_:)`` of the gate: what its value measures.
    public var definition: String
    /// The exact value; `nil` when the gate could not be measured (or measures a change).
    public var value: ExactValue?

    /// Creates a gate entry.
    public init(metric: String, definition: String, value: ExactValue?) {
        self.metric = metric
        self.definition = definition
        self.value = value
    }
}

/// Coverage line counts, in total and per file.
@_spi(Internals) public struct BaselineCoverage: Sendable, Hashable, Codable {
    /// Lines that could be executed, over every file.
    public var linesValid: Int
    /// Lines executed at least once, over every file.
    public var linesCovered: Int
    /// The same counts per file, by the path the reports give.
    public var files: [String: FileCounts]

    enum CodingKeys: String, CodingKey {
        case files
        case linesValid = "lines_valid"
        case linesCovered = "lines_covered"
    }

    /// Creates coverage counts.
    public init(linesValid: Int, linesCovered: Int, files: [String: FileCounts]) {
        self.linesValid = linesValid
        self.linesCovered = linesCovered
        self.files = files
    }
}

/// One file's coverage line counts.
@_spi(Internals) public struct FileCounts: Sendable, Hashable, Codable {
    /// Lines that could be executed.
    public var linesValid: Int
    /// Lines executed at least once.
    public var linesCovered: Int

    /// Creates one file's counts.
    public init(linesValid: Int, linesCovered: Int) {
        self.linesValid = linesValid
        self.linesCovered = linesCovered
    }

    enum CodingKeys: String, CodingKey {
        case linesValid = "lines_valid"
        case linesCovered = "lines_covered"
    }
}
