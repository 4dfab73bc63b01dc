/// One security finding from any tool, on gatecheck's common model.
@_spi(Internals) public struct Finding: Sendable, Hashable, Codable {
    /// Where in the source a finding is.
    public struct Location: Sendable, Hashable, Codable {
        /// The file, as the tool names it.
        public var path: String
        /// The 1-based line, when the tool gives one.
        public var line: Int?

        /// Creates a location.
        public init(path: String, line: Int? = nil) {
            self.path = path
            self.line = line
        }
    }

    /// The vulnerable package a dependency finding is about.
    public struct Package: Sendable, Hashable, Codable {
        /// The package's name as its ecosystem spells it (`jinja2`).
        public var name: String
        /// The installed version found vulnerable, when the tool gives it.
        public var version: String?
        /// Versions that fix it; empty when no fix is known.
        public var fixVersions: [String]

        /// Creates a package.
        public init(name: String, version: String? = nil, fixVersions: [String] = []) {
            self.name = name
            self.version = version
            self.fixVersions = fixVersions
        }

        enum CodingKeys: String, CodingKey {
            case name, version
            case fixVersions = "fix_versions"
        }
    }

    /// The tool that reported it (`bandit`, `Trivy`, `CodeQL`, ...).
    public var tool: String
    /// The report kind it came from.
    public var kind: ReportKind
    /// The rule or vulnerability id (`B105`, `CVE-2024-1234`, `PYSEC-2021-66`).
    public var id: String
    /// Other ids of the same issue (CVE, GHSA, PYSEC), matched by waivers too.
    public var aliases: [String]
    /// The tool's severity on gatecheck's one scale (docs/severity-mapping.md).
    public var severity: Severity
    /// Why it has that severity, for the severity mapping's audit trail (`security-severity 8.1`, `level error`).
    public var severitySource: String
    /// How sure the tool is; `undefined` for the tools that do not say.
    public var confidence: Confidence
    /// Where in the source it is; `nil` for a finding about a dependency.
    public var location: Location?
    /// The vulnerable package; `nil` for a finding about code.
    public var package: Package?
    /// The tool's message, at most ``Finding/messageLimit`` bytes.
    public var message: String
    /// Stable across unrelated edits: built from tool, id, path (not line) or package, and the message.
    public var fingerprint: String
    /// The waiver that covers it, if any: a waived finding is counted only in `findings.waived`.
    public var waiver: AppliedWaiver?
    /// The tool's own fingerprint when it is stable across line moves (CodeQL's `primaryLocationLineHash`,
    /// Semgrep's `matchBasedId/v1`): part of the change fingerprint (``FindingTally``), not written to any output.
    public var toolFingerprint: String? = nil

    /// The longest message kept, in bytes.
    public static let messageLimit = 300

    /// Creates a finding.
    public init(
        tool: String, kind: ReportKind, id: String, aliases: [String] = [], severity: Severity,
        severitySource: String, confidence: Confidence = .undefined, location: Location? = nil,
        package: Package? = nil, message: String, fingerprint: String = "", waiver: AppliedWaiver? = nil
    ) {
        self.tool = tool
        self.kind = kind
        self.id = id
        self.aliases = aliases
        self.severity = severity
        self.severitySource = severitySource
        self.confidence = confidence
        self.location = location
        self.package = package
        self.message = message
        self.fingerprint = fingerprint
        self.waiver = waiver
    }

    /// Whether a fix is known (a dependency finding with at least one fix version).
    public var isFixable: Bool { !(package?.fixVersions.isEmpty ?? true) }

    enum CodingKeys: String, CodingKey {
        case tool, kind, id, aliases, severity, confidence, location, package, message, fingerprint, waiver
        case severitySource = "severity_source"
    }
}

/// The waiver of gates.json that waived a finding, as the verdict shows it next to the finding.
@_spi(Internals) public struct AppliedWaiver: Sendable, Hashable, Codable {
    /// The waiver's position in the configuration's `waivers` (two waivers may share an id).
    public var index: Int
    /// The id the waiver names.
    public var id: String
    /// Why the exception is acceptable.
    public var reason: String
    /// The last day (UTC, inclusive) it applies, as `YYYY-MM-DD`.
    public var expires: String
    /// Who owns the exception, if the waiver says.
    public var owner: String?

    /// Creates a description of the waiver at `index`.
    public init(index: Int, waiver: Waiver) {
        self.index = index
        self.id = waiver.id
        self.reason = waiver.reason
        self.expires = waiver.expires.description
        self.owner = waiver.owner
    }
}

/// Finding counts broken down by everything a findings gate can select on, so that any selection is a sum and
/// no report needs to keep all its findings in memory.
@_spi(Internals) public struct FindingCounts: Sendable, Hashable {
    private var cells: [Int]

    /// Creates zero counts.
    public init() {
        cells = Array(repeating: 0, count: Self.cellCount)
    }

    private static let cellCount = Severity.allCases.count * Confidence.allCases.count * 2 * 2

    private static func index(_ severity: Severity, _ confidence: Confidence, fixable: Bool, waived: Bool) -> Int {
        ((severity.rank * Confidence.allCases.count + confidence.rank) * 2 + (fixable ? 1 : 0)) * 2 + (waived ? 1 : 0)
    }

    /// Counts one finding.
    public mutating func add(_ severity: Severity, _ confidence: Confidence, fixable: Bool, waived: Bool) {
        cells[Self.index(severity, confidence, fixable: fixable, waived: waived)] += 1
    }

    /// Adds another set of counts.
    public mutating func add(_ other: FindingCounts) {
        for index in cells.indices { cells[index] += other.cells[index] }
    }

    /// How many findings match a predicate over the four dimensions.
    public func count(where predicate: (Severity, Confidence, Bool, Bool) -> Bool) -> Int {
        var total = 0
        for severity in Severity.allCases {
            for confidence in Confidence.allCases {
                for fixable in [false, true] {
                    for waived in [false, true] where predicate(severity, confidence, fixable, waived) {
                        total += cells[Self.index(severity, confidence, fixable: fixable, waived: waived)]
                    }
                }
            }
        }
        return total
    }
}

/// A security report reduced to counts plus its most severe findings.
@_spi(Internals) public struct FindingsReport: Sendable, Hashable {
    /// Counts per tool (a SARIF file may hold runs of several tools).
    public var countsByTool: [String: FindingCounts] = [:]
    /// The most severe findings, at most ``FindingsReport/keptLimit``, most severe first.
    public var findings: [Finding] = []
    /// Findings the tool itself suppressed or ignored (SARIF suppressions, Safety's ignored vulnerabilities,
    /// Trivy's VEX-modified findings); they are not counted anywhere else.
    public var suppressedByTool = 0
    /// How many things each tool could not check: dependencies pip-audit skipped (`skip_reason`), files Bandit could
    /// not parse (`errors`).
    ///
    /// The `findings.not_audited` metric sums them.
    public var notAuditedByTool: [String: Int] = [:]
    /// What could not be checked and why (`azure-devops: Dependency not found on PyPI ...`), the first
    /// ``FindingsReport/notAuditedLimit`` of them.
    public var notAudited: [String] = []
    /// Parts of the report that show a tool did not scan (a SARIF run without `results`, a SARIF log without runs,
    /// a pip-audit report that audited no dependency): its silence there is no evidence, so a findings gate that
    /// reads such a part cannot be judged.
    public var notScanned: [NotScanned] = []
    /// How each waiver of the configuration (by its index in `waivers`) matched this report's findings.
    public var waiverMatches: [Int: WaiverMatch] = [:]
    /// The image size Trivy JSON reports in `Metadata.Size` (uncompressed bytes, Trivy 0.62 and later), kept for
    /// the image gates; `nil` when absent.
    public var imageSizeBytes: Int64?
    /// Every finding by its change fingerprint (``FindingTally``), kept only for a baseline or `findings.new`.
    ///
    /// Keyed by the fingerprint's hash (``FindingTally/hex(_:)`` is its text in a baseline), so that tallying a
    /// finding allocates nothing unless its fingerprint is new.
    public var tallies: [UInt64: FindingTally] = [:]
    /// Counts per tool and path, kept only when a findings gate has `scope.paths` (``ReadOptions/collectsPlaces``).
    public var countsByPlace: [FindingPlace: FindingCounts] = [:]
    /// Files the tools report having scanned (Bandit's `metrics` keys, SARIF `artifacts`), kept with
    /// ``countsByPlace``: a scope over them with no finding is a clean scan, not a typo.
    public var scannedPaths: Set<String> = []
    /// Whether ``countsByPlace`` was collected; a scoped gate cannot be judged on a report read without it.
    public var placesCollected = false
    /// Every package the report lists as scanned, as `name@version` (PEP 503 normalised name).
    ///
    /// Kept with ``tallies``: every dependency pip-audit or Safety lists (those of findings are in
    /// ``packageVersions``).
    /// Together they tell a disclosed vulnerability from an introduced one (`findings.new_disclosed`).
    public var scannedPackages: Set<String> = []
    /// The package versions of tallied findings by their identity (``FindingTally/packageVersionID(_:)``), kept with ``tallies``;
    /// a baseline lists their names with ``scannedPackages``.
    public var packageVersions: [UInt64: PackageVersion] = [:]
    /// Every tallied finding's package version, by its tally's key and its identity, in report order: appended once
    /// per finding, and grouped only for the tallies a comparison finds new (the usual run finds none).
    public var tallyPackages: [TallyPackage] = []

    /// How many counted (not waived) findings a report keeps by value.
    public static let keptLimit = 200
    /// How many waived findings a report keeps by value, besides the counted ones.
    public static let keptWaivedLimit = 100
    /// How many not-audited descriptions a report keeps.
    public static let notAuditedLimit = 50

    /// Creates a report with no finding.
    public init() {}

    /// All counts, over every tool.
    public var counts: FindingCounts {
        countsByTool.values.reduce(into: FindingCounts()) { $0.add($1) }
    }
}

/// A part of a security report that shows a tool did not scan, so that "no findings" there proves nothing.
@_spi(Internals) public struct NotScanned: Sendable, Hashable {
    /// The tool concerned; `nil` when the report names none (a SARIF log without runs), which concerns every
    /// findings gate that reads the report.
    public var tool: String?
    /// What is missing, where in the report, and what to do, for the gate's message.
    public var reason: String

    /// Creates a record of a scan that did not happen.
    public init(tool: String?, reason: String) {
        self.tool = tool
        self.reason = reason
    }
}

/// How one waiver matched the findings of one report.
@_spi(Internals) public struct WaiverMatch: Sendable, Hashable {
    /// Findings the waiver waived (it was active and the first active waiver to match them).
    public var waived = 0
    /// Findings it matched while active but another, earlier waiver already waived.
    public var alsoMatched = 0
    /// Findings it would have waived had it not expired: they are counted again.
    public var expiredMatches = 0
    /// The first few findings it matched, described for messages (`CVE-2024-1 in jinja2 2.11.2 [pip-audit]`).
    public var examples: [String] = []

    /// How many examples are kept.
    public static let exampleLimit = 3

    /// Creates a match that matched nothing.
    public init() {}

    /// Whether the waiver matched anything at all.
    public var matchedAny: Bool { waived + alsoMatched + expiredMatches > 0 }

    /// Adds another report's matches.
    public mutating func add(_ other: WaiverMatch) {
        waived += other.waived
        alsoMatched += other.alsoMatched
        expiredMatches += other.expiredMatches
        examples += other.examples.prefix(max(0, Self.exampleLimit - examples.count))
    }
}

extension Finding {
    /// The order in which findings are kept and listed: most severe first, then by id, location and package, so
    /// that equal inputs always give the same list.
    static func precedes(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        if lhs.id != rhs.id { return lhs.id < rhs.id }
        let (leftPath, rightPath) = (lhs.location?.path ?? "", rhs.location?.path ?? "")
        if leftPath != rightPath { return leftPath < rightPath }
        let (leftLine, rightLine) = (lhs.location?.line ?? 0, rhs.location?.line ?? 0)
        if leftLine != rightLine { return leftLine < rightLine }
        let (leftPackage, rightPackage) = (lhs.package?.name ?? "", rhs.package?.name ?? "")
        if leftPackage != rightPackage { return leftPackage < rightPackage }
        let (leftVersion, rightVersion) = (lhs.package?.version ?? "", rhs.package?.version ?? "")
        if leftVersion != rightVersion { return leftVersion < rightVersion }
        if lhs.tool != rhs.tool { return lhs.tool < rhs.tool }
        return lhs.message < rhs.message
    }
}
